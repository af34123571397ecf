package org.flexphase.circuits;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;
import static org.flexphase.util.InvalidSetting.label;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.MemoryBudget;

/**
 * The checks of {@link NetworkSettings#validate()}: every key's range, and the combinations a run cannot honour,
 * each refused by the key's name with its value and what is allowed. Kept apart from the record, which holds the
 * settings and the values in force.
 */
final class NetworkSettingsChecks {
    private NetworkSettingsChecks() {
    }

    static void validate(NetworkSettings s) {
        requireChoice("task", s.task(), TaskKind.class);
        requireAtLeast("nodes", s.nodes(), 8);
        require(s.degree() >= 2 && s.degree() <= 20 && s.degree() <= s.nodes() - 1, "degree", s.degree(),
                "2 <= value <= 20, and <= nodes - 1 = " + (s.nodes() - 1L)
                        + " (a node has at most nodes - 1 neighbours)");
        // Each of inputs and outputs leaves room for one of the other, ground and a hidden node; their sum is checked
        // against nodes below (in long: inputs + outputs can exceed an int).
        require(s.inputs() >= 1 && s.inputs() <= s.nodes() - 3L, "inputs", s.inputs(), "1 <= integer <= nodes - 3 = "
                + (s.nodes() - 3L));
        require(s.outputs() >= 1 && s.outputs() <= s.nodes() - 3L, "outputs", s.outputs(),
                "1 <= integer <= nodes - 3 = " + (s.nodes() - 3L));
        requireAtLeast("examples", s.examples(), 1);
        requireAtLeast("train_size", s.trainSize(), 1);
        requireAtLeast("test_size", s.testSize(), 1);
        requireChoice("mode", s.mode(), CouplingMode.class);
        requireChoice("relax", s.relax(), Relaxation.Kind.class);
        requireHalfOpenUnit("relax_rate", s.relaxRate());
        requireHalfOpenUnit("switch_prob", s.switchProb());
        requireHalfOpenUnit("present_prob", s.presentProb());
        requireOpenUnit("b", s.b());
        requireAtLeast("phase_length", s.phaseLength(), 1);
        requireHalfOpenUnit("nudge", s.nudge());
        requirePositive("lr", s.lr());
        requirePositive("k_min", s.kMin());
        require(s.kMax() > 0 && s.kMax() < Double.POSITIVE_INFINITY, "k_max", s.kMax(),
                "finite value > 0, and >= k_min");
        if (s.kMin() > s.kMax()) {
            // Either bound may be the one typed: blame the one moved from its default, naming the other's value.
            if (s.kMin() != NetworkSettings.DEFAULTS.kMin() || s.kMax() == NetworkSettings.DEFAULTS.kMax()) {
                throw new InvalidSetting("k_min", s.kMin(), "0 < value <= k_max = " + s.kMax());
            }
            throw new InvalidSetting("k_max", s.kMax(), "finite value >= k_min = " + s.kMin());
        }
        requireAtLeast("steps", s.steps(), 1);
        requireAtLeast("eval_every", s.evalEvery(), 1);
        validateOde(s);
        if (s.mode() == CouplingMode.STANDARD) {
            // One standard update costs 2 phase_length sweeps: a longer phase than steps / 2 would end before any.
            require(2L * s.phaseLength() <= s.steps(), "phase_length", s.phaseLength(), "1 <= integer <= steps / 2 = "
                    + s.steps() / 2
                    + " (one standard update costs 2 phase_length sweeps)");
        }
        validateTrace(s);
        validateNetworkFileBatchAndPower(s);
        validateTerminals(s);
        validateElements(s);
        long needed = (s.task() == TaskKind.REGRESSION || s.task() == TaskKind.TEACHER ? (long) s.inputs() + s.outputs()
                : s.task().terminals(s.inputs(), s.outputs())) * s.terminalsValue().nodesPerTerminal();
        String perEdge = s.terminalsValue() == Terminals.EDGE ? ", two nodes per terminal edge" : "";
        require(s.nodes() >= needed + 2, "nodes", s.nodes(), "integer >= " + (needed + 2)
                + " (inputs, outputs, ground and a hidden node for task " + label(s.task()) + perEdge + ")");
        NetworkMemory.require(s, MemoryBudget.heap());
    }

    /**
     * {@code element_c} and {@code teacher_element_c}: finite, {@code > -1} (the co-content stays strictly convex) and
     * at most {@link NetworkSettings#MAX_ELEMENT_C}. A nonlinear network trains with {@link NonlinearTrainer}, which
     * has uniform relaxation only and no trace, full batch, power term, edge terminals or classification readout:
     * those are refused by name rather than ignored. {@code teacher_element_c} acts on task teacher only, with node
     * terminals.
     */
    static void validateElements(NetworkSettings s) {
        String range = "finite value with -1 < c <= " + NetworkSettings.MAX_ELEMENT_C
                + " (0: linear resistors; c > 0 saturating, -1 < c < 0 diode-like; F(v) = v^2/2 + c log cosh v)";
        if (s.teacherElementC() != null) {
            require(s.teacherElementC() > -1 && s.teacherElementC() <= NetworkSettings.MAX_ELEMENT_C,
                    "teacher_element_c", s.teacherElementC(), range);
            require(s.task() == TaskKind.TEACHER, "teacher_element_c", s.teacherElementC(),
                    "unset unless task is teacher");
            require(s.terminalsValue() == Terminals.NODE, "teacher_element_c", s.teacherElementC(),
                    "unset with terminals edge (a nonlinear teacher holds node inputs)");
        }
        if (s.elementC() == null) {
            return;
        }
        require(s.elementC() > -1 && s.elementC() <= NetworkSettings.MAX_ELEMENT_C, "element_c", s.elementC(), range);
        String linearOnly = " (nonlinear elements train with uniform relaxation, node terminals and no trace, full "
                + "batch, power term or classification)";
        require(s.relax() == Relaxation.Kind.UNIFORM, "element_c", s.elementC(), "0 (linear) unless relax is uniform"
                + linearOnly);
        require(s.traceTau() == null, "element_c", s.elementC(), "0 (linear) with trace_tau set" + linearOnly);
        require(s.batch() == null, "element_c", s.elementC(), "0 (linear) with batch full" + linearOnly);
        require(s.powerWeight() == null, "element_c", s.elementC(), "0 (linear) with power_weight set" + linearOnly);
        require(s.terminals() == null, "element_c", s.elementC(), "0 (linear) with terminals edge" + linearOnly);
        require(s.task() == TaskKind.REGRESSION || s.task() == TaskKind.TEACHER, "element_c", s.elementC(),
                "0 (linear) unless task is regression or teacher" + linearOnly);
    }

    /**
     * A user's network ({@code network}: the path of an edge-list CSV, read by the run; {@code network_sha256}: the
     * SHA-256 of its bytes, which the run checks when given) replaces the random geometric graph; {@code batch} full
     * and {@code power_weight} act on the two-phase rule. The file must exist (as {@code data_dir}'s folder must for
     * a train run); its contents are read and checked where the run is built.
     */
    static void validateNetworkFileBatchAndPower(NetworkSettings s) {
        if (s.network() != null) {
            boolean file;
            try {
                file = !s.network().isBlank() && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(s.network()));
            } catch (java.nio.file.InvalidPathException e) {
                file = false;
            }
            require(file, "network", "\"" + s.network() + "\"", "the path of an existing edge-list CSV file (README, "
                    + "network section); it is " + (s.network().isBlank() ? "empty" : "missing or not a regular file"));
        }
        if (s.networkSha256() != null) {
            require(s.network() != null, "network_sha256", s.networkSha256(),
                    "only with network (the hash of that file)");
            require(s.networkSha256().matches("[0-9a-f]{64}"), "network_sha256", s.networkSha256(),
                    "64 lower-case hexadecimal digits (the SHA-256 of the network file)");
        }
        if (s.batch() != null) {
            require(s.mode() == CouplingMode.STANDARD, "batch", label(s.batch()),
                    "example unless mode is standard (full batch averages the two-phase rules of standard mode's "
                            + "pairs of phases)");
        }
        if (s.powerWeight() != null) {
            require(s.powerWeight() >= 0 && s.powerWeight() < Double.POSITIVE_INFINITY, "power_weight", s.powerWeight(),
                    "finite value >= 0 (0: off)");
            require(s.mode() != CouplingMode.LOCAL, "power_weight", s.powerWeight(),
                    "0 (off) unless mode is standard or twin (the power term joins the two-phase rule)");
        }
        if (s.lrTau() != null) {
            require(s.lrTau() > 0 && s.lrTau() <= 1e15, "lr_tau", s.lrTau(),
                    "0 <= value <= 1e15 (steps; 0: a constant rate)");
        }
    }

    /**
     * Edge terminals need relaxation that keeps a source's drop (uniform or ode; jacobi moves each node alone);
     * update-on-error needs classes (iris, mnist, mnist3) and the two-phase scheme (standard), where the free state
     * is measured before the clamped one.
     */
    static void validateTerminals(NetworkSettings s) {
        require(s.terminalsValue() == Terminals.NODE || s.relax() != Relaxation.Kind.JACOBI, "terminals",
                label(s.terminalsValue()), "node with relax jacobi (edge terminals need relax uniform or ode)");
        require(s.terminalsValue() == Terminals.NODE || s.network() == null, "terminals", label(s.terminalsValue()),
                "node with network (a network file's roles are nodes)");
        if (s.updateOnErrorValue()) {
            require(s.task() == TaskKind.IRIS || s.task() == TaskKind.MNIST || s.task() == TaskKind.MNIST3,
                    "update_on_error", true, "false unless task is a classification (iris, mnist, mnist3)");
            require(s.mode() == CouplingMode.STANDARD, "update_on_error", true, "false unless mode is standard");
            require(s.batchValue() == BatchMode.EXAMPLE, "update_on_error", true, "false with batch full (an update "
                    + "averages every example's rule, so there is no single example to be wrong on)");
        }
    }

    /**
     * The trace, gate and hold act on local mode's statistic: refused in other modes, the hold shorter than an
     * example.
     */
    static void validateTrace(NetworkSettings s) {
        String needs = "only with mode local and trace_tau >= 1 (the gate and the hold act on the trace)";
        if (s.traceTau() != null) {
            require(s.traceTau() >= 1 && Double.isFinite(s.traceTau()), "trace_tau", s.traceTau(),
                    "0 (off) or a finite value >= 1");
            require(s.mode() == CouplingMode.LOCAL, "trace_tau", s.traceTau(),
                    "0 (off) unless mode is local (the trace is local mode's)");
        }
        boolean traced = s.mode() == CouplingMode.LOCAL && s.traceTau() != null;
        require(s.traceGate() == null || traced, "trace_gate", s.traceGate() == null ? null : label(s.traceGate()),
                needs);
        if (s.traceHold() != null) {
            require(traced, "trace_hold", s.traceHold(), needs);
            require(s.traceHold() >= 0 && s.traceHold() * s.presentProb() < 1, "trace_hold", s.traceHold(),
                    "0 <= value < " + 1 / s.presentProb() + " (1 / present_prob, an example's mean length in steps: a longer hold rarely learns)");
        }
    }

    /**
     * ode's backward-Euler step shifts the Laplacian by {@code 1 / (gamma dt)} and an update takes {@code lr dt} (times
     * {@code 2 phase_length} in standard): both must be finite, or the solver or the conductances turn to NaN (the
     * first is checked whatever {@code relax}, the second only for ode, where it is the rate). The product checks
     * blame {@code dt} when it was set, else the other factor. Large finite values are legal: backward Euler is stable
     * at any step, and a large {@code gamma dt} only relaxes to the equilibrium in one step.
     */
    static void validateOde(NetworkSettings s) {
        double g = s.gammaValue();
        double t = s.dtValue();
        requirePositive("gamma", g);
        requirePositive("dt", t);
        double u = s.unstableFactorValue();
        require(u > 1 && u < Double.POSITIVE_INFINITY, "unstable_factor", u, "finite value > 1");
        double gt = g * t;
        boolean blameDt = s.dt() != null || s.gamma() == null;
        require(gt < Double.POSITIVE_INFINITY && 1 / gt < Double.POSITIVE_INFINITY, blameDt ? "dt" : "gamma",
                blameDt ? t : g, "value with gamma * dt = " + g + " * " + t + " finite and > 0 with a finite inverse "
                + "(between about 5.6e-309 and 1.8e308: backward Euler shifts by 1 / (gamma * dt))");
        if (s.relax() != Relaxation.Kind.ODE) {
            return; // lr is per update itself
        }
        double perUpdate = s.lr() * t * (s.mode() == CouplingMode.STANDARD ? 2.0 * s.phaseLength() : 1);
        String key2 = s.dt() != null ? "dt" : "lr";
        String factors = s.mode() == CouplingMode.STANDARD ? " * 2 phase_length" : "";
        require(perUpdate < Double.POSITIVE_INFINITY, key2, s.dt() != null ? t : s.lr(), "value with lr * dt"
                + factors + " = " + perUpdate + " finite (ode's learning rate per update)");
    }
}

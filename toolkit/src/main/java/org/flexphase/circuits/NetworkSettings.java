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
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.TraceGate;
import org.flexphase.util.Settings;

/**
 * Everything that determines a run of coupled learning in a resistor network (docs/theory.md section 5.2), and what
 * {@link CouplingTrainer} takes. The network is a random geometric graph of {@code nodes} nodes and mean degree
 * {@code degree}; the task is a random linear map ({@code regression}: {@code inputs} input nodes, {@code outputs}
 * output nodes, {@code examples} examples), Iris or the MNIST subset ({@code train_size} and {@code test_size} digits,
 * pixels as input potentials). {@code steps} counts relaxation sweeps of one network in every mode (a standard update
 * costs {@code 2 phaseLength} sweeps; a twin step sweeps both copies and counts once); {@code lr} is per update: per
 * step in twin and local, per pair of phases in standard; {@code presentProb} is the probability per step of a new
 * example (twin and local); {@code b} and {@code switchProb} drive local mode's phases. The trainer draws its random
 * numbers from {@code seed}; a {@code network} run builds the network and task from its seed and hands the trainer a
 * stream mixed from it, so runs of different modes with the same seed learn the same network on the same task.
 * {@code trace_tau} (local only; unset or 0: off) centres the statistic on a per-node potential trace of that time
 * constant in steps, {@code trace_gate} says when the trace takes in the potentials and which phases learn (unset:
 * always; {@link TraceGate}) and {@code trace_hold} how many free steps of an example a clamped step waits for
 * (unset: 0) ({@link CoupledLearning#withTrace(double, TraceGate, int)}, docs/theory.md section 5.3).
 *
 * <p>With {@code relax} {@code ode} the network relaxes in continuous time at rate {@code gamma} per unit time, a step
 * lasting {@code dt}, and {@code lr} is the learning rate {@code alpha} per unit time: an update takes
 * {@code alpha dt} (twin, local) or {@code alpha 2 T dt} (standard, one update per {@code 2 T} steps), so
 * {@code R = alpha / gamma} is the ratio of learning to relaxation rates (docs/theory.md section 5.2). A run whose
 * cost rises above {@code unstableFactor} times its start, or oscillates without trend, is reported unstable.
 *
 * <p>{@code network} (a path) replaces the random geometric graph with a user's edge list, roles and starting
 * conductances ({@code nodes} and {@code degree} then unused; the file's roles, when it gives them, replace
 * {@code inputs} and {@code outputs}); {@code network_sha256} pins the file's bytes. {@code batch} {@code full} makes
 * each standard update the mean of every example's two-phase rule; {@code power_weight} {@code lambda} learns
 * {@code C + lambda P} with {@code P} the dissipated power at the free equilibrium (docs/theory.md section 5.2).
 *
 * <p>{@code terminals} (unset: node) puts inputs and outputs on edges instead of nodes (potential drops, docs/theory.md
 * section 5.2); {@code update_on_error} (unset: false) makes a classification run in standard mode update only on the
 * examples the free network misclassifies, the rule of the anchors' MNIST runs. Task {@code mnist3} is MNIST digits
 * 0-2 reduced to 10 x 10 inputs, as the anchors run it ({@link TaskKind#MNIST3}). {@code lr_tau} (unset or 0: a
 * constant rate) decays the rate as {@code lr / (1 + t / lr_tau)}, {@code t} in steps ({@link #rateSchedule}).
 *
 * <p>{@code element_c} (unset or 0: linear resistors) puts the nonlinear {@link Element}
 * {@code F(v) = v^2/2 + c log cosh v} on every edge and trains with {@link NonlinearTrainer}; task {@code teacher}
 * then draws its targets from a teacher with the same element, unless {@code teacher_element_c} (unset: the learning
 * network's {@code c}) gives the teacher another (docs/theory.md section 5.2, nonlinear elements).
 */
public record NetworkSettings(TaskKind task, int nodes, double degree, int inputs, int outputs, int examples,
                              int trainSize, int testSize, CouplingMode mode, Relaxation.Kind relax,
                              double relaxRate,
                              double switchProb, double presentProb, double b, int phaseLength, double nudge,
                              double lr, double kMin, double kMax, long steps, long evalEvery, long seed,
                              Double traceTau, TraceGate traceGate, Integer traceHold,
                              Double gamma, Double dt, Double unstableFactor,
                              String network, String networkSha256, BatchMode batch, Double powerWeight,
                              Terminals terminals, Boolean updateOnError,
                              Double lrTau, Double elementC, Double teacherElementC)
        implements Settings {

    public static final NetworkSettings DEFAULTS = new NetworkSettings(TaskKind.REGRESSION, 64, 4.0, 3, 2, 5, 100,
            100, CouplingMode.STANDARD, Relaxation.Kind.UNIFORM, 0.5, 0.05, 0.01, 0.5, 10, 0.1, 0.5, 1e-3, 1e3,
            100_000, 5_000, 1, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /**
     * The defaults of {@code network --mode local}: the best flexible-phase setting measured on the 64-node regression
     * task (docs/experiments.md, "Phase-gated trace": final cost 0.653 of the initial one, mean of seeds 1-3 at
     * 200,000 steps): the phase-gated potential trace with both terms ({@code tau = 4}, free-only, no hold), p 0.2,
     * a new example with probability p/5 = 0.04 per step, rate 0.001, and that budget of 200,000 steps (at 100,000,
     * the standard default, the noisy flexible run has not yet moved: seed 1 ends at 0.99 of its initial cost).
     * Every other setting is {@link #DEFAULTS}'.
     */
    public static final NetworkSettings LOCAL_DEFAULTS = DEFAULTS.withMode(CouplingMode.LOCAL).withSwitchProb(0.2)
            .withPresentProb(0.04).withLr(0.001).withTraceTau(4.0).withTraceGate(TraceGate.FREE_ONLY)
            .withSteps(200_000);

    /**
     * The command line's defaults for {@code mode}: {@link #LOCAL_DEFAULTS} in LOCAL mode, {@link #DEFAULTS} in the
     * others. Specs lay their settings over {@link #DEFAULTS} whatever their mode, so an old spec keeps its run.
     */
    public static NetworkSettings defaults(CouplingMode mode) {
        return mode == CouplingMode.LOCAL ? LOCAL_DEFAULTS : DEFAULTS.withMode(mode);
    }

    /**
     * No trace ({@code traceTau} null or 0), the ungated trace ({@code traceGate} null or ALWAYS) and no hold
     * ({@code traceHold} null or 0) are stored as {@code null}, left out of {@code spec.json}, so a run without them
     * has the key it had before they existed; so are ode's {@code gamma}, {@code dt} and {@code unstable_factor} at
     * their defaults ({@link #gammaValue()} and the others read the value in force).
     */
    public NetworkSettings {
        traceTau = traceTau != null && traceTau == 0 ? null : traceTau;
        traceGate = traceGate == TraceGate.ALWAYS ? null : traceGate;
        traceHold = traceHold != null && traceHold == 0 ? null : traceHold;
        gamma = gamma != null && gamma == DEFAULT_GAMMA ? null : gamma;
        dt = dt != null && dt == DEFAULT_DT ? null : dt;
        unstableFactor = unstableFactor != null && unstableFactor == DEFAULT_UNSTABLE_FACTOR ? null : unstableFactor;
        batch = batch == BatchMode.EXAMPLE ? null : batch;
        powerWeight = powerWeight != null && powerWeight == 0 ? null : powerWeight;
        terminals = terminals == Terminals.NODE ? null : terminals;
        updateOnError = updateOnError != null && !updateOnError ? null : updateOnError;
        lrTau = lrTau != null && lrTau == 0 ? null : lrTau;
        elementC = elementC != null && elementC == 0 ? null : elementC;
        double c = elementC == null ? 0 : elementC;
        teacherElementC = teacherElementC != null && teacherElementC == c ? null : teacherElementC;
    }

    /**
     * The largest {@code element_c}. The element's curvature {@code F'' = 1 + c sech^2 v} spans {@code [1, 1 + c]},
     * so Newton's Hessian is conditioned {@code 1 + c} times worse than the linear network's (already up to
     * {@code k_max / k_min}), and the rule's increments {@code F(Delta p)} grow as {@code c}: beyond 1e3 the channel
     * is a hard current limiter whose equilibrium is solved in many damped steps, and an {@code lr} tuned for
     * resistors means nothing.
     */
    public static final double MAX_ELEMENT_C = 1e3;

    /** The element on every edge of the learning network: the linear resistor when {@code element_c} is unset. */
    public Element elementValue() {
        return elementC == null ? Element.LINEAR : Element.saturating(elementC);
    }

    /**
     * The element of the teacher network of task {@code teacher}: {@code teacher_element_c} when set, else the
     * learning network's (so the student can reach the teacher's targets exactly).
     */
    public Element teacherElementValue() {
        return teacherElementC == null ? elementValue() : Element.saturating(teacherElementC);
    }

    /** Whether the learning network's elements are nonlinear ({@code element_c} set and not 0). */
    public boolean nonlinear() {
        return elementC != null;
    }

    /**
     * {@code element_c} and {@code teacher_element_c}: finite, {@code > -1} (the co-content stays strictly convex) and
     * at most {@link #MAX_ELEMENT_C}. A nonlinear network trains with {@link NonlinearTrainer}, which has uniform
     * relaxation only and no trace, full batch, power term, edge terminals or classification readout: those are
     * refused by name rather than ignored. {@code teacher_element_c} acts on task teacher only, with node terminals.
     */
    private void validateElements() {
        String range = "finite value with -1 < c <= " + MAX_ELEMENT_C + " (0: linear resistors; c > 0 saturating, "
                + "-1 < c < 0 diode-like; F(v) = v^2/2 + c log cosh v)";
        if (teacherElementC != null) {
            require(teacherElementC > -1 && teacherElementC <= MAX_ELEMENT_C, "teacher_element_c", teacherElementC,
                    range);
            require(task == TaskKind.TEACHER, "teacher_element_c", teacherElementC, "unset unless task is teacher");
            require(terminalsValue() == Terminals.NODE, "teacher_element_c", teacherElementC, "unset with terminals "
                    + "edge (a nonlinear teacher holds node inputs)");
        }
        if (elementC == null) {
            return;
        }
        require(elementC > -1 && elementC <= MAX_ELEMENT_C, "element_c", elementC, range);
        String linearOnly = " (nonlinear elements train with uniform relaxation, node terminals and no trace, full "
                + "batch, power term or classification)";
        require(relax == Relaxation.Kind.UNIFORM, "element_c", elementC, "0 (linear) unless relax is uniform"
                + linearOnly);
        require(traceTau == null, "element_c", elementC, "0 (linear) with trace_tau set" + linearOnly);
        require(batch == null, "element_c", elementC, "0 (linear) with batch full" + linearOnly);
        require(powerWeight == null, "element_c", elementC, "0 (linear) with power_weight set" + linearOnly);
        require(terminals == null, "element_c", elementC, "0 (linear) with terminals edge" + linearOnly);
        require(task == TaskKind.REGRESSION || task == TaskKind.TEACHER, "element_c", elementC, "0 (linear) unless "
                + "task is regression or teacher" + linearOnly);
    }

    /** Updates per example (unset) or from the whole task at once ({@link BatchMode#FULL}, standard mode only). */
    public BatchMode batchValue() {
        return batch == null ? BatchMode.EXAMPLE : batch;
    }

    /** The weight {@code lambda} of the free power in the learned objective {@code C + lambda P}: 0 when unset. */
    public double powerWeightValue() {
        return powerWeight == null ? 0 : powerWeight;
    }

    /** The time constant of the learning rate's decay in steps: 0 (a constant rate) when unset. */
    public double lrTauValue() {
        return lrTau == null ? 0 : lrTau;
    }

    /**
     * The schedule of an update's rate {@code rate} over the loop's steps: constant, or with {@code lr_tau} set the
     * Robbins-Monro decay {@code rate / (1 + t / lr_tau)} (t in steps), which damps the late swings a constant rate
     * leaves (the test accuracy of update-on-error classification jumps by 0.2 between checkpoints at a constant
     * rate, docs/experiments.md).
     */
    public LearningRateSchedule rateSchedule(double rate) {
        return lrTau == null ? LearningRateSchedule.constant(rate) : LearningRateSchedule.robbinsMonro(rate, lrTau, 1);
    }

    /**
     * A user's network ({@code network}: the path of an edge-list CSV, read by the run; {@code network_sha256}: the
     * SHA-256 of its bytes, which the run checks when given) replaces the random geometric graph; {@code batch} full
     * and {@code power_weight} act on the two-phase rule. The file must exist (as {@code data_dir}'s folder must for
     * a train run); its contents are read and checked where the run is built.
     */
    private void validateNetworkFileBatchAndPower() {
        if (network != null) {
            boolean file;
            try {
                file = !network.isBlank() && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(network));
            } catch (java.nio.file.InvalidPathException e) {
                file = false;
            }
            require(file, "network", "\"" + network + "\"", "the path of an existing edge-list CSV file (README, "
                    + "network section); it is " + (network.isBlank() ? "empty" : "missing or not a regular file"));
        }
        if (networkSha256 != null) {
            require(network != null, "network_sha256", networkSha256, "only with network (the hash of that file)");
            require(networkSha256.matches("[0-9a-f]{64}"), "network_sha256", networkSha256,
                    "64 lower-case hexadecimal digits (the SHA-256 of the network file)");
        }
        if (batch != null) {
            require(mode == CouplingMode.STANDARD, "batch", label(batch), "example unless mode is standard (full "
                    + "batch averages the two-phase rules of standard mode's pairs of phases)");
        }
        if (powerWeight != null) {
            require(powerWeight >= 0 && powerWeight < Double.POSITIVE_INFINITY, "power_weight", powerWeight,
                    "finite value >= 0 (0: off)");
            require(mode != CouplingMode.LOCAL, "power_weight", powerWeight, "0 (off) unless mode is standard or "
                    + "twin (the power term joins the two-phase rule)");
        }
        if (lrTau != null) {
            require(lrTau > 0 && lrTau <= 1e15, "lr_tau", lrTau, "0 <= value <= 1e15 (steps; 0: a constant rate)");
        }
    }

    /** Where inputs and outputs sit: {@link Terminals#NODE} when unset. */
    public Terminals terminalsValue() {
        return terminals == null ? Terminals.NODE : terminals;
    }

    /** Whether a classification run updates only on examples the free network misclassifies: false when unset. */
    public boolean updateOnErrorValue() {
        return updateOnError != null && updateOnError;
    }

    /**
     * Edge terminals need relaxation that keeps a source's drop (uniform or ode; jacobi moves each node alone);
     * update-on-error needs classes (iris, mnist, mnist3) and the two-phase scheme (standard), where the free state
     * is measured before the clamped one.
     */
    private void validateTerminals() {
        require(terminalsValue() == Terminals.NODE || relax != Relaxation.Kind.JACOBI, "terminals",
                label(terminalsValue()), "node with relax jacobi (edge terminals need relax uniform or ode)");
        require(terminalsValue() == Terminals.NODE || network == null, "terminals", label(terminalsValue()),
                "node with network (a network file's roles are nodes)");
        if (updateOnErrorValue()) {
            require(task == TaskKind.IRIS || task == TaskKind.MNIST || task == TaskKind.MNIST3, "update_on_error",
                    true, "false unless task is a classification (iris, mnist, mnist3)");
            require(mode == CouplingMode.STANDARD, "update_on_error", true, "false unless mode is standard");
            require(batchValue() == BatchMode.EXAMPLE, "update_on_error", true, "false with batch full (an update "
                    + "averages every example's rule, so there is no single example to be wrong on)");
        }
    }

    /** ode's relaxation rate per unit time when {@code gamma} is unset. */
    public static final double DEFAULT_GAMMA = 1.0;
    /** ode's step length when {@code dt} is unset. */
    public static final double DEFAULT_DT = 0.1;
    /** The cost rise that marks a run unstable when {@code unstable_factor} is unset. */
    public static final double DEFAULT_UNSTABLE_FACTOR = 10.0;

    /** ode's relaxation rate gamma per unit time: {@link #DEFAULT_GAMMA} when unset. */
    public double gammaValue() {
        return gamma == null ? DEFAULT_GAMMA : gamma;
    }

    /** ode's step length: {@link #DEFAULT_DT} when unset. */
    public double dtValue() {
        return dt == null ? DEFAULT_DT : dt;
    }

    /** The multiple of its start above which a run's cost marks it unstable: {@link #DEFAULT_UNSTABLE_FACTOR} when unset. */
    public double unstableFactorValue() {
        return unstableFactor == null ? DEFAULT_UNSTABLE_FACTOR : unstableFactor;
    }

    /** The trace's gate: {@link TraceGate#ALWAYS} when unset. */
    public TraceGate gate() {
        return traceGate == null ? TraceGate.ALWAYS : traceGate;
    }

    /** Free steps of an example a clamped step waits for before it learns: 0 when unset. */
    public int hold() {
        return traceHold == null ? 0 : traceHold;
    }

    /** The trace, gate and hold act on local mode's statistic: refused in other modes, the hold shorter than an example. */
    private void validateTrace() {
        String needs = "only with mode local and trace_tau >= 1 (the gate and the hold act on the trace)";
        if (traceTau != null) {
            require(traceTau >= 1 && Double.isFinite(traceTau), "trace_tau", traceTau, "0 (off) or a finite value >= 1");
            require(mode == CouplingMode.LOCAL, "trace_tau", traceTau, "0 (off) unless mode is local (the trace is "
                    + "local mode's)");
        }
        boolean traced = mode == CouplingMode.LOCAL && traceTau != null;
        require(traceGate == null || traced, "trace_gate", traceGate == null ? null : label(traceGate), needs);
        if (traceHold != null) {
            require(traced, "trace_hold", traceHold, needs);
            require(traceHold >= 0 && traceHold * presentProb < 1, "trace_hold", traceHold, "0 <= value < "
                    + 1 / presentProb + " (1 / present_prob, an example's mean length in steps: a longer hold rarely "
                    + "learns)");
        }
    }

    /**
     * ode's backward-Euler step shifts the Laplacian by {@code 1 / (gamma dt)} and an update takes {@code lr dt} (times
     * {@code 2 phase_length} in standard): both must be finite, or the solver or the conductances turn to NaN (the
     * first is checked whatever {@code relax}, the second only for ode, where it is the rate). The product checks
     * blame {@code dt} when it was set, else the other factor. Large finite values are legal: backward Euler is stable
     * at any step, and a large {@code gamma dt} only relaxes to the equilibrium in one step.
     */
    private void validateOde() {
        double g = gammaValue();
        double t = dtValue();
        requirePositive("gamma", g);
        requirePositive("dt", t);
        double u = unstableFactorValue();
        require(u > 1 && u < Double.POSITIVE_INFINITY, "unstable_factor", u, "finite value > 1");
        double gt = g * t;
        String key = dt != null || gamma == null ? "dt" : "gamma";
        require(gt < Double.POSITIVE_INFINITY && 1 / gt < Double.POSITIVE_INFINITY, key, dt != null || gamma == null
                ? t : g, "value with gamma * dt = " + g + " * " + t + " finite and > 0 with a finite inverse (between "
                + "about 5.6e-309 and 1.8e308: backward Euler shifts by 1 / (gamma * dt))");
        if (relax != Relaxation.Kind.ODE) {
            return; // lr is per update itself
        }
        double perUpdate = lr * t * (mode == CouplingMode.STANDARD ? 2.0 * phaseLength : 1);
        String key2 = dt != null ? "dt" : "lr";
        require(perUpdate < Double.POSITIVE_INFINITY, key2, dt != null ? t : lr, "value with lr * dt" + (mode
                == CouplingMode.STANDARD ? " * 2 phase_length" : "") + " = " + perUpdate + " finite (ode's learning "
                + "rate per update)");
    }

    @Override
    public void validate() {
        requireChoice("task", task, TaskKind.class);
        requireAtLeast("nodes", nodes, 8);
        require(degree >= 2 && degree <= 20 && degree <= nodes - 1, "degree", degree, "2 <= value <= 20, and <= nodes"
                + " - 1 = " + (nodes - 1L) + " (a node has at most nodes - 1 neighbours)");
        // Each of inputs and outputs leaves room for one of the other, ground and a hidden node; their sum is checked
        // against nodes below (in long: inputs + outputs can exceed an int).
        require(inputs >= 1 && inputs <= nodes - 3L, "inputs", inputs, "1 <= integer <= nodes - 3 = " + (nodes - 3L));
        require(outputs >= 1 && outputs <= nodes - 3L, "outputs", outputs, "1 <= integer <= nodes - 3 = "
                + (nodes - 3L));
        requireAtLeast("examples", examples, 1);
        requireAtLeast("train_size", trainSize, 1);
        requireAtLeast("test_size", testSize, 1);
        requireChoice("mode", mode, CouplingMode.class);
        requireChoice("relax", relax, Relaxation.Kind.class);
        requireHalfOpenUnit("relax_rate", relaxRate);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireHalfOpenUnit("present_prob", presentProb);
        requireOpenUnit("b", b);
        requireAtLeast("phase_length", phaseLength, 1);
        requireHalfOpenUnit("nudge", nudge);
        requirePositive("lr", lr);
        requirePositive("k_min", kMin);
        require(kMax > 0 && kMax < Double.POSITIVE_INFINITY, "k_max", kMax, "finite value > 0, and >= k_min");
        if (kMin > kMax) {
            // Either bound may be the one typed: blame the one moved from its default, naming the other's value.
            if (kMin != DEFAULTS.kMin() || kMax == DEFAULTS.kMax()) {
                throw new InvalidSetting("k_min", kMin, "0 < value <= k_max = " + kMax);
            }
            throw new InvalidSetting("k_max", kMax, "finite value >= k_min = " + kMin);
        }
        requireAtLeast("steps", steps, 1);
        requireAtLeast("eval_every", evalEvery, 1);
        validateOde();
        if (mode == CouplingMode.STANDARD) {
            // One standard update costs 2 phase_length sweeps: a longer phase than steps / 2 would end before any.
            require(2L * phaseLength <= steps, "phase_length", phaseLength, "1 <= integer <= steps / 2 = " + steps / 2
                    + " (one standard update costs 2 phase_length sweeps)");
        }
        validateTrace();
        validateNetworkFileBatchAndPower();
        validateTerminals();
        validateElements();
        long needed = (task == TaskKind.REGRESSION || task == TaskKind.TEACHER ? (long) inputs + outputs
                : task.terminals(inputs, outputs)) * terminalsValue().nodesPerTerminal();
        require(nodes >= needed + 2, "nodes", nodes, "integer >= " + (needed + 2) + " (inputs, outputs, ground and a "
                + "hidden node for task " + label(task) + (terminalsValue() == Terminals.EDGE ? ", two nodes per "
                + "terminal edge" : "") + ")");
        NetworkMemory.require(this, MemoryBudget.heap());
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public NetworkSettings withTask(TaskKind task) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withNodes(int nodes) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withDegree(double degree) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withInputs(int inputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withOutputs(int outputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withExamples(int examples) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTrainSize(int trainSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTestSize(int testSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withMode(CouplingMode mode) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withRelax(Relaxation.Kind relax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withRelaxRate(double relaxRate) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withSwitchProb(double switchProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withPresentProb(double presentProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withB(double b) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withPhaseLength(int phaseLength) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withNudge(double nudge) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withLr(double lr) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withKMin(double kMin) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withKMax(double kMax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withSteps(long steps) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withEvalEvery(long evalEvery) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withSeed(long seed) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTraceTau(Double traceTau) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTraceGate(TraceGate traceGate) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTraceHold(Integer traceHold) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withGamma(double gamma) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withDt(double dt) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withUnstableFactor(double unstableFactor) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withNetwork(String network, String networkSha256) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withBatch(BatchMode batch) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withPowerWeight(double powerWeight) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);

    }
    public NetworkSettings withTerminals(Terminals terminals) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withUpdateOnError(Boolean updateOnError) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withElementC(double elementC) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withTeacherElementC(Double teacherElementC) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
    public NetworkSettings withLrTau(double lrTau) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                traceTau, traceGate, traceHold, gamma, dt, unstableFactor, network, networkSha256, batch, powerWeight,
                terminals, updateOnError, lrTau, elementC, teacherElementC);
    }
}

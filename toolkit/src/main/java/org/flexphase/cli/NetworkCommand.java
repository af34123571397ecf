package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.util.concurrent.Callable;
import org.flexphase.circuits.BatchMode;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.TaskKind;
import org.flexphase.circuits.Terminals;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.learning.TraceGate;
import org.flexphase.runs.NetworkFiles;
import org.flexphase.runs.NetworkRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code network}: coupled learning in a resistor network (standard, twin or flexible phases). */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Coupled learning in a resistor network (random, or your own: --network); writes history.csv, summary.json, history.png, "
                + "network.csv and network.png.")
public final class NetworkCommand implements Callable<Integer>, CheckedOptions {
    static final NetworkSettings D = NetworkSettings.DEFAULTS;
    /** mnist3's network when --nodes and --degree are not given: the anchors' 300 nodes and about 1,500 edges. */
    static final int MNIST3_NODES = 300;
    static final double MNIST3_DEGREE = 11.5;
    @Spec
    CommandSpec spec;

    @Option(names = "--task", description = "regression (a random linear map) | iris | mnist | teacher (targets from a teacher network "
            + "on the same graph, realisable) | mnist3 (MNIST digits 0-2 at 10 x 10 pixels, the coupled-learning "
            + "anchors' task; its defaults: --nodes 300 --degree 11.5 (about 1,500 edges) --terminals edge, all digits 0-2 of the split) "
            + "(default: ${DEFAULT-VALUE})")
    String task = label(D.task());
    @Option(names = "--nodes", description = "nodes of the random geometric network (default: ${DEFAULT-VALUE})")
    int nodes = D.nodes();
    @Option(names = "--degree", description = "mean degree (default: ${DEFAULT-VALUE})")
    double degree = D.degree();
    @Option(names = "--inputs", description = "regression, teacher: input nodes (default: ${DEFAULT-VALUE})")
    int inputs = D.inputs();
    @Option(names = "--outputs", description = "regression, teacher: output nodes (default: ${DEFAULT-VALUE})")
    int outputs = D.outputs();
    @Option(names = "--examples", description = "regression, teacher: input vectors to map (default: ${DEFAULT-VALUE})")
    int examples = D.examples();
    @Option(names = "--train-size", description = "mnist: training digits used (default: ${DEFAULT-VALUE})")
    int trainSize = D.trainSize();
    @Option(names = "--test-size", description = "mnist: test digits used (default: ${DEFAULT-VALUE})")
    int testSize = D.testSize();
    @Option(names = "--mode", description = "standard | twin | local (default: ${DEFAULT-VALUE}); local changes the "
            + "defaults marked 'local:' to the best flexible-phase setting measured on 64 nodes (docs/experiments.md, "
            + "Phase-gated trace); an option given on the command line always wins")
    String mode = label(D.mode());
    @Option(names = "--relax", description = "uniform (every mode at rate r toward the exact equilibrium) | jacobi "
            + "(one damped Jacobi sweep per step) | ode (continuous time at rate --gamma, backward-Euler steps of "
            + "length --dt; --lr is then alpha per unit time) (default: ${DEFAULT-VALUE})")
    String relax = label(D.relax());
    @Option(names = "--relax-rate", description = "relaxation rate r in (0,1] (default: ${DEFAULT-VALUE})")
    double relaxRate = D.relaxRate();
    @Option(names = "--gamma", description = "ode: relaxation rate gamma per unit time (default: ${DEFAULT-VALUE})")
    double gamma = D.gammaValue();
    @Option(names = "--dt", description = "ode: physical length of a step (default: ${DEFAULT-VALUE})")
    double dt = D.dtValue();
    @Option(names = "--unstable-factor", description = "report the run unstable (exit 1) when its cost rises above "
            + "this multiple of its start (default: ${DEFAULT-VALUE})")
    double unstableFactor = D.unstableFactorValue();
    @Option(names = "--switch-prob", description = "local: phase switching probability p per step (default: ${DEFAULT-VALUE}; local: 0.2)")
    double switchProb = D.switchProb();
    @Option(names = "--present-prob", description = "twin, local: probability per step of a new example (default: ${DEFAULT-VALUE}; local: 0.04)")
    double presentProb = D.presentProb();
    @Option(names = "--b", description = "local: probability that a new phase is clamped, in (0,1) (default: ${DEFAULT-VALUE})")
    double b = D.b();
    @Option(names = "--phase-length", description = "standard: steps per phase (default: ${DEFAULT-VALUE})")
    int phaseLength = D.phaseLength();
    @Option(names = "--nudge", description = "nudge amplitude eta_c in (0,1] (default: ${DEFAULT-VALUE})")
    double nudge = D.nudge();
    @Option(names = "--lr", description = "learning rate alpha, per update (default: ${DEFAULT-VALUE}; local: 0.001)")
    double lr = D.lr();
    @Option(names = "--trace-tau", description = "local: centre the statistic on a per-node potential trace of this "
            + "time constant in steps, >= 1 (0: off) (default: 0; local: 4)")
    double traceTau;
    @Option(names = "--trace-gate", description = "local, with a trace: always (the ungated trace) | free-only (taken in "
            + "during free phases, held through clamped ones; both phases learn) | free-only-nudged-term (held, and only "
            + "clamped steps learn) (default: always; local: free-only)")
    String traceGate;
    @Option(names = "--trace-hold", description = "local, with a trace: free steps of an example a clamped step waits "
            + "for before it learns, 0 <= value < 1 / present-prob (default: 0)")
    int traceHold;
    @Option(names = "--terminals", description = "node (inputs hold node potentials, outputs are node potentials) | "
            + "edge (inputs are potential drops imposed across edges, outputs the drops across edges) (default: node; "
            + "mnist3: edge)")
    String terminals;
    @Option(names = "--update-on-error", description = "classification, standard mode: update only on examples the "
            + "free network misclassifies (the anchors' rule); summary.json and history.csv count updates_made")
    boolean updateOnError;
    @Option(names = "--k-min", description = "smallest conductance (default: ${DEFAULT-VALUE})")
    double kMin = D.kMin();
    @Option(names = "--k-max", description = "largest conductance (default: ${DEFAULT-VALUE})")
    double kMax = D.kMax();
    @Option(names = "--steps", description = "relaxation steps (default: ${DEFAULT-VALUE}; local: 200000, the budget of the "
            + "documented comparison)")
    long steps = D.steps();
    @Option(names = "--eval-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    long evalEvery = D.evalEvery();
    @Option(names = "--seed", description = "seed of the network, the task and the run (default: ${DEFAULT-VALUE})")
    long seed = D.seed();
    @Option(names = "--network", paramLabel = "FILE", description = "learn this network instead of a random one: "
            + "an edge-list CSV with the header from,to and optionally conductance, x_from,y_from,x_to,y_to, "
            + "role_from,role_to (README, network section; a run's network.csv is one); --nodes and --degree are then "
            + "unused, and the file's roles, when given, replace --inputs and --outputs. spec.json records the path "
            + "and the file's SHA-256")
    String network;
    @Option(names = "--batch", description = "standard: example (one update per example's pair of phases) | full (one "
            + "update from the mean of every example's rule) (default: example)")
    String batch;
    @Option(names = "--lr-tau", description = "decay the learning rate as lr / (1 + t / tau), t and tau in steps "
            + "(0: a constant rate) (default: 0)")
    double lrTau;
    @Option(names = "--power-weight", description = "standard, twin: learn cost + lambda * (power dissipated at the "
            + "free equilibrium), lambda >= 0 (default: 0)")
    double powerWeight;
    @Option(names = "--element-c", paramLabel = "C", description = "nonlinear elements: every edge passes "
            + "k (v + C tanh v) at the drop v (co-content v^2/2 + C log cosh v); 0: linear resistors, C > 0: "
            + "saturating, -1 < C < 0: diode-like; C <= 1000. Tasks regression and teacher (whose teacher then has "
            + "the same element), relax uniform, node terminals (default: 0)")
    double elementC;
    @Option(names = "--teacher-element-c", paramLabel = "C", description = "teacher: the teacher network's element, "
            + "-1 < C <= 1000, when it should differ from --element-c (e.g. a linear network on a saturating "
            + "teacher's targets) (default: --element-c)")
    Double teacherElementC;
    @Mixin
    RunOutput output;

    @Override
    public void checkOptions() {
        OutputFolder.checkOptions(spec, this::settings, output);
    }

    @Override
    public Integer call() {
        return OutputFolder.runCommand(spec, this::settings, output, NetworkRun::outcome, summary -> String.format(
                "network %s %s%s, %s nodes: cost %.4g -> %.4g%s, %.0f steps/s -> %s", task, mode,
                elementC == 0 ? "" : " (element c = " + elementC + ")", summary.network().nodes(), summary.initialCost(), summary.finalMetrics().cost(),
                summary.finalMetrics().testError() == null ? ""
                        : String.format(", test error %.4f", summary.finalMetrics().testError()),
                summary.stepsPerSecond(), output.out));
    }

    /**
     * The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting.
     * The mode's defaults ({@link NetworkSettings#defaults}) fill what the command line does not give; with the trace
     * turned off ({@code --trace-tau 0}) the mode's default gate and hold, which act on the trace, are dropped.
     */
    NetworkSettings settings() {
        CouplingMode m = requireLabel("mode", mode, CouplingMode.class);
        NetworkSettings d = NetworkSettings.defaults(m);
        double tau = ModeDefaults.pick(spec, "--trace-tau", traceTau, d.traceTau() == null ? 0 : d.traceTau());
        boolean traced = tau != 0;
        TraceGate gate = ModeDefaults.given(spec, "--trace-gate")
                ? requireLabel("trace_gate", traceGate, TraceGate.class) : traced ? d.traceGate() : null;
        Integer hold = ModeDefaults.given(spec, "--trace-hold") ? Integer.valueOf(traceHold)
                : traced ? d.traceHold() : null;
        TaskKind kind = requireLabel("task", task, TaskKind.class);
        boolean m3 = kind == TaskKind.MNIST3;
        Terminals where = ModeDefaults.given(spec, "--terminals") ? requireLabel("terminals", terminals,
                Terminals.class) : m3 ? Terminals.EDGE : Terminals.NODE;
        return d.withTask(kind).withNodes(m3 && !ModeDefaults.given(spec, "--nodes") ? MNIST3_NODES : nodes)
                .withDegree(m3 && !ModeDefaults.given(spec, "--degree") ? MNIST3_DEGREE : degree)
                .withInputs(inputs).withOutputs(outputs).withExamples(examples)
                .withTrainSize(m3 && !ModeDefaults.given(spec, "--train-size") ? Integer.MAX_VALUE : trainSize)
                .withTestSize(m3 && !ModeDefaults.given(spec, "--test-size") ? Integer.MAX_VALUE : testSize)
                .withTerminals(where).withUpdateOnError(updateOnError).withRelax(requireLabel("relax", relax, Relaxation.Kind.class))
                .withRelaxRate(relaxRate).withSwitchProb(ModeDefaults.pick(spec, "--switch-prob", switchProb,
                        d.switchProb()))
                .withPresentProb(ModeDefaults.pick(spec, "--present-prob", presentProb, d.presentProb())).withB(b)
                .withPhaseLength(phaseLength).withNudge(nudge).withLr(ModeDefaults.pick(spec, "--lr", lr, d.lr()))
                .withKMin(kMin).withKMax(kMax).withSteps(ModeDefaults.pick(spec, "--steps", steps, d.steps()))
                .withEvalEvery(ModeDefaults.pick(spec, "--eval-every", evalEvery, d.evalEvery())).withSeed(seed)
                .withTraceTau(tau).withTraceGate(gate).withTraceHold(hold)
                .withGamma(gamma).withDt(dt).withUnstableFactor(unstableFactor)
                .withNetwork(network, network == null ? null : NetworkFiles.read(network).sha256())
                .withBatch(batch == null ? null : requireLabel("batch", batch, BatchMode.class))
                .withPowerWeight(powerWeight).withLrTau(lrTau).withElementC(elementC)
                .withTeacherElementC(teacherElementC);
    }
}

package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.util.concurrent.Callable;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.TaskKind;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.runs.NetworkRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code network}: coupled learning in a resistor network (standard, twin or flexible phases). */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Coupled learning in a random resistor network; writes history.csv, summary.json, history.png, "
                + "network.csv and network.png.")
public final class NetworkCommand implements Callable<Integer> {
    static final NetworkSettings D = NetworkSettings.DEFAULTS;
    @Spec
    CommandSpec spec;

    @Option(names = "--task", description = "regression (a random linear map) | iris | mnist | teacher (targets from a teacher network "
            + "on the same graph, realisable) (default: ${DEFAULT-VALUE})")
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
    @Option(names = "--mode", description = "standard | twin | local (default: ${DEFAULT-VALUE})")
    String mode = label(D.mode());
    @Option(names = "--relax", description = "uniform (every mode at rate r toward the exact equilibrium) | jacobi "
            + "(one damped Jacobi sweep per step) | ode (continuous time at rate --gamma, backward-Euler steps of "
            + "length --dt; --lr is then alpha per unit time) (default: ${DEFAULT-VALUE})")
    String relax = label(D.relax());
    @Option(names = "--relax-rate", description = "relaxation rate r in (0,1] (default: ${DEFAULT-VALUE})")
    double relaxRate = D.relaxRate();
    @Option(names = "--gamma", description = "ode: relaxation rate gamma per unit time (default: ${DEFAULT-VALUE})")
    double gamma = D.gamma();
    @Option(names = "--dt", description = "ode: physical length of a step (default: ${DEFAULT-VALUE})")
    double dt = D.dt();
    @Option(names = "--unstable-factor", description = "report the run unstable (exit 1) when its cost rises above "
            + "this multiple of its start (default: ${DEFAULT-VALUE})")
    double unstableFactor = D.unstableFactor();
    @Option(names = "--switch-prob", description = "local: phase switching probability p per step (default: ${DEFAULT-VALUE})")
    double switchProb = D.switchProb();
    @Option(names = "--present-prob", description = "twin, local: probability per step of a new example (default: ${DEFAULT-VALUE})")
    double presentProb = D.presentProb();
    @Option(names = "--b", description = "local: probability that a new phase is clamped, in (0,1) (default: ${DEFAULT-VALUE})")
    double b = D.b();
    @Option(names = "--phase-length", description = "standard: steps per phase (default: ${DEFAULT-VALUE})")
    int phaseLength = D.phaseLength();
    @Option(names = "--nudge", description = "nudge amplitude eta_c in (0,1] (default: ${DEFAULT-VALUE})")
    double nudge = D.nudge();
    @Option(names = "--lr", description = "learning rate alpha, per update (default: ${DEFAULT-VALUE})")
    double lr = D.lr();
    @Option(names = "--k-min", description = "smallest conductance (default: ${DEFAULT-VALUE})")
    double kMin = D.kMin();
    @Option(names = "--k-max", description = "largest conductance (default: ${DEFAULT-VALUE})")
    double kMax = D.kMax();
    @Option(names = "--steps", description = "relaxation steps (default: ${DEFAULT-VALUE})")
    long steps = D.steps();
    @Option(names = "--eval-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    long evalEvery = D.evalEvery();
    @Option(names = "--seed", description = "seed of the network, the task and the run (default: ${DEFAULT-VALUE})")
    long seed = D.seed();
    @Mixin
    RunOutput output;

    @Override
    public Integer call() {
        return OutputFolder.runCommand(spec, this::settings, output, NetworkRun::outcome, summary -> String.format(
                "network %s %s, %s nodes: cost %.4g -> %.4g%s, %.0f steps/s -> %s", task, mode,
                summary.network().nodes(), summary.initialCost(), summary.finalMetrics().cost(),
                summary.finalMetrics().testError() == null ? ""
                        : String.format(", test error %.4f", summary.finalMetrics().testError()),
                summary.stepsPerSecond(), output.out));
    }

    /** The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting. */
    NetworkSettings settings() {
        return D.withTask(requireLabel("task", task, TaskKind.class)).withNodes(nodes).withDegree(degree)
                .withInputs(inputs).withOutputs(outputs).withExamples(examples).withTrainSize(trainSize)
                .withTestSize(testSize).withMode(requireLabel("mode", mode, CouplingMode.class))
                .withRelax(requireLabel("relax", relax, Relaxation.Kind.class)).withRelaxRate(relaxRate)
                .withSwitchProb(switchProb).withPresentProb(presentProb).withB(b).withPhaseLength(phaseLength)
                .withNudge(nudge).withLr(lr).withKMin(kMin).withKMax(kMax).withSteps(steps).withEvalEvery(evalEvery)
                .withSeed(seed).withGamma(gamma).withDt(dt).withUnstableFactor(unstableFactor);
    }
}

package org.flexphase.circuits;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import static org.flexphase.util.InvalidSetting.label;

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
 *
 * <p>With {@code relax} {@code ode} the network relaxes in continuous time at rate {@code gamma} per unit time, a step
 * lasting {@code dt}, and {@code lr} is the learning rate {@code alpha} per unit time: an update takes
 * {@code alpha dt} (twin, local) or {@code alpha 2 T dt} (standard, one update per {@code 2 T} steps), so
 * {@code R = alpha / gamma} is the ratio of learning to relaxation rates (docs/theory.md section 5.2). A run whose
 * cost rises above {@code unstableFactor} times its start, or oscillates without trend, is reported unstable.
 */
public record NetworkSettings(TaskKind task, int nodes, double degree, int inputs, int outputs, int examples,
                              int trainSize, int testSize, CouplingMode mode, Relaxation.Kind relax,
                              double relaxRate,
                              double switchProb, double presentProb, double b, int phaseLength, double nudge,
                              double lr, double kMin, double kMax, long steps, long evalEvery, long seed,
                              double gamma, double dt, double unstableFactor)
        implements Settings {

    public static final NetworkSettings DEFAULTS = new NetworkSettings(TaskKind.REGRESSION, 64, 4.0, 3, 2, 5, 100,
            100, CouplingMode.STANDARD, Relaxation.Kind.UNIFORM, 0.5, 0.05, 0.01, 0.5, 10, 0.1, 0.5, 1e-3, 1e3,
            100_000, 5_000, 1, 1.0, 0.1, 10.0);

    @Override
    public void validate() {
        requireChoice("task", task, TaskKind.class);
        requireAtLeast("nodes", nodes, 8);
        require(degree >= 2 && degree <= 20, "degree", degree, "2 <= value <= 20");
        requireAtLeast("inputs", inputs, 1);
        requireAtLeast("outputs", outputs, 1);
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
        require(kMax >= kMin && kMax < Double.POSITIVE_INFINITY, "k_max", kMax, "finite value >= k_min");
        requireAtLeast("steps", steps, 1);
        requireAtLeast("eval_every", evalEvery, 1);
        requirePositive("gamma", gamma);
        requirePositive("dt", dt);
        require(gamma * dt > 0 && 1 / (gamma * dt) < Double.POSITIVE_INFINITY, "dt", dt,
                "value with gamma * dt > 0 and 1 / (gamma * dt) finite");
        require(unstableFactor > 1 && unstableFactor < Double.POSITIVE_INFINITY, "unstable_factor", unstableFactor,
                "finite value > 1");
        int needed = task.terminals(inputs, outputs);
        require(nodes >= needed + 2, "nodes", nodes, "integer >= " + (needed + 2) + " (inputs, outputs, ground and a "
                + "hidden node for task " + label(task) + ")");
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public NetworkSettings withTask(TaskKind task) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withNodes(int nodes) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withDegree(double degree) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withInputs(int inputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withOutputs(int outputs) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withExamples(int examples) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withTrainSize(int trainSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withTestSize(int testSize) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withMode(CouplingMode mode) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withRelax(Relaxation.Kind relax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withRelaxRate(double relaxRate) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withSwitchProb(double switchProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withPresentProb(double presentProb) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withB(double b) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withPhaseLength(int phaseLength) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withNudge(double nudge) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withLr(double lr) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withKMin(double kMin) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withKMax(double kMax) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withSteps(long steps) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withEvalEvery(long evalEvery) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withSeed(long seed) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withGamma(double gamma) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withDt(double dt) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
    public NetworkSettings withUnstableFactor(double unstableFactor) {
        return new NetworkSettings(task, nodes, degree, inputs, outputs, examples, trainSize, testSize, mode, relax,
                relaxRate, switchProb, presentProb, b, phaseLength, nudge, lr, kMin, kMax, steps, evalEvery, seed,
                gamma, dt, unstableFactor);
    }
}

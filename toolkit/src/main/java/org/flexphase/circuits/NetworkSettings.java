package org.flexphase.circuits;

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

    /** Where inputs and outputs sit: {@link Terminals#NODE} when unset. */
    public Terminals terminalsValue() {
        return terminals == null ? Terminals.NODE : terminals;
    }

    /** Whether a classification run updates only on examples the free network misclassifies: false when unset. */
    public boolean updateOnErrorValue() {
        return updateOnError != null && updateOnError;
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

    @Override
    public void validate() {
        NetworkSettingsChecks.validate(this);
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

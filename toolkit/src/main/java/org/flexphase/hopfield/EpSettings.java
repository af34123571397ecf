package org.flexphase.hopfield;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireInRange;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.util.List;
import org.flexphase.data.DatasetNames;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.LengthLaw;
import org.flexphase.util.MemoryBudget;
import org.flexphase.util.Settings;

/**
 * Everything that determines an {@code ep} run, and what {@link EquilibriumPropagationTrainer} takes: Equilibrium
 * Propagation or Contrastive Hebbian learning of a layered Hopfield network on labelled images (docs/theory.md
 * section 5.1, docs/experiments.md). Components are the {@code ep} command's options. The budget is counted in
 * relaxation sweeps: one epoch is {@code N x (free_steps + nudge_steps)} sweeps, what standard EP spends on one pass
 * through the N training images, so every mode gets the same physical work per epoch. {@code lr} is per example in
 * every mode (LOCAL applies {@code lr / E[presentation length]} per sweep); with {@code lr_tau_epochs > 0} it decays
 * as {@code lr / (1 + t / tau)}, {@code tau} that many epochs of sweeps. {@code presentation} is the law of example
 * lengths in LOCAL mode, with mean {@code free_steps + nudge_steps}; {@code sweeps_per_step} the relaxation sweeps
 * per time step in LOCAL mode (1: the persistent physical system); {@code trace_tau} (LOCAL only, 0: off) centres the
 * statistic on a slow activity trace of that time constant in steps ({@link EquilibriumPropagation#withTrace});
 * {@code trace_gate} says when that trace takes in the state and which phases learn (unset: always, the ungated
 * trace; {@link TraceGate}), {@code trace_hold} how many free steps of an example a nudged step waits for before it
 * learns (unset: 0); both need LOCAL mode and a trace (docs/theory.md section 5.3).
 * What depends on the number of training examples (budget, checkpoint interval, rate schedule) is
 * {@link #budget(int)}, the one place it is computed. {@link #DEFAULTS} reach the goal of standard EP at or below
 * 5 % test error on the MNIST subset.
 */
public record EpSettings(Mode mode, String data, String dataDir, double beta, int freeSteps, int nudgeSteps,
                         double b, double switchProb, PresentationLaw presentation, int sweepsPerStep, double traceTau,
                         TraceGate traceGate, Integer traceHold, Boolean traceCommit, List<Integer> hidden, int epochs, double lr,
                         double lrTauEpochs, int evalPerEpoch, int evalSize, long seed)
        implements Settings {

    public static final EpSettings DEFAULTS = new EpSettings(Mode.STANDARD, "mnist",
            null, 0.3, 20, 4, 0.5, 0.5, PresentationLaw.FIXED, 1, 0, null, null, null, List.of(500), 8, 0.02, 1, 2, 2000, 1);

    /**
     * The defaults of {@code ep --mode local}: the best flexible-phase setting measured (docs/experiments.md,
     * "Phase-gated trace": 5.42 % mean test error over seeds 1-3 after 8 epochs, 4.95 / 5.90 / 5.40 %, against 4.77 %
     * for standard EP): the phase-gated sample-and-hold trace ({@code tau = 1}, nudged term only, hold 4) with the
     * nudged increments committed when the nudged phase ends, beta 0.5, p 0.5, b 0.5, rate 0.045 per example decaying
     * over one epoch. Every other setting is {@link #DEFAULTS}'.
     */
    public static final EpSettings LOCAL_DEFAULTS = DEFAULTS.withMode(Mode.LOCAL).withBeta(0.5).withSwitchProb(0.5)
            .withB(0.5).withTraceTau(1).withTraceGate(TraceGate.FREE_ONLY_NUDGED_TERM).withTraceHold(4)
            .withTraceCommit(true).withLr(0.045).withLrTauEpochs(1);

    /**
     * The command line's defaults for {@code mode}: {@link #LOCAL_DEFAULTS} in LOCAL mode, {@link #DEFAULTS} in the
     * others. Specs lay their settings over {@link #DEFAULTS} whatever their mode, so an old spec keeps its run.
     */
    public static EpSettings defaults(Mode mode) {
        return mode == Mode.LOCAL ? LOCAL_DEFAULTS : DEFAULTS.withMode(mode);
    }

    /**
     * {@code traceGate} {@code null} or ALWAYS is the ungated trace and {@code traceHold} {@code null} or 0 no hold
     * condition; both are stored as {@code null}, left out of {@code spec.json}, so a run that does not gate has the
     * key it had before the gate existed; so is {@code traceCommit} {@code null} or false (increments applied at every
     * step).
     */
    public EpSettings {
        hidden = hidden == null ? null : List.copyOf(hidden);
        traceGate = traceGate == TraceGate.ALWAYS ? null : traceGate;
        traceHold = traceHold != null && traceHold == 0 ? null : traceHold;
        traceCommit = Boolean.TRUE.equals(traceCommit) ? traceCommit : null;
    }

    /** Whether nudged steps' increments are applied when their phase ends: false when unset. */
    public boolean commitAtSwitch() {
        return traceCommit != null && traceCommit;
    }

    /** The trace's gate: {@link TraceGate#ALWAYS} when unset. */
    public TraceGate gate() {
        return traceGate == null ? TraceGate.ALWAYS : traceGate;
    }

    /** Free steps of an example a nudged step waits for before it learns: 0 when unset. */
    public int hold() {
        return traceHold == null ? 0 : traceHold;
    }

    @Override
    public void validate() {
        requireChoice("mode", mode, Mode.class);
        requireChoice("data", data, DatasetNames.LABELLED.toArray(String[]::new));
        org.flexphase.util.InvalidSetting.requireFolderOrNull("data_dir", dataDir);
        requireOpenUnit("beta", beta);
        requireInRange("free_steps", freeSteps, 1, MAX_PHASE_STEPS);
        requireInRange("nudge_steps", nudgeSteps, 1, MAX_PHASE_STEPS);
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireChoice("presentation", presentation, PresentationLaw.class);
        // A time step longer than an epoch of the smallest training set (the MNIST subset) would overrun the budget
        // in one step; a checkpoint per sweep would evaluate after every sweep.
        long epochSweeps = sweepsPerEpoch(MIN_TRAIN_IMAGES);
        require(sweepsPerStep >= 1 && sweepsPerStep <= epochSweeps, "sweeps_per_step", sweepsPerStep,
                "1 <= integer <= " + epochSweeps + " (one epoch of " + MIN_TRAIN_IMAGES + " images x (free_steps + "
                        + "nudge_steps) sweeps)");
        EquilibriumPropagation.requireTraceTau("trace_tau", traceTau);
        validateTraceGate();
        require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", hidden,
                "one or more layer sizes, each an integer >= 1");
        requireAtLeast("epochs", epochs, 1);
        long maxEpochs = Long.MAX_VALUE / sweepsPerEpoch(MAX_TRAIN_IMAGES);
        require(epochs <= maxEpochs, "epochs", epochs, "1 <= integer <= " + maxEpochs + " with free_steps + nudge_steps = "
                + ((long) freeSteps + nudgeSteps) + " (the budget in sweeps, epochs x images x (free_steps + "
                + "nudge_steps), must fit in a long)");
        requirePositive("lr", lr);
        require(lrTauEpochs >= 0 && lrTauEpochs <= MAX_LR_TAU_EPOCHS, "lr_tau_epochs", lrTauEpochs,
                "0 <= value <= " + MAX_LR_TAU_EPOCHS + " (0: a constant rate; a larger tau is a constant rate for any "
                        + "budget)");
        requireInRange("eval_per_epoch", evalPerEpoch, 1, MIN_TRAIN_IMAGES);
        requireAtLeast("eval_size", evalSize, 1);
        requireMemory(MemoryBudget.heap());
    }

    /** The most sweeps of one phase, so that {@code free_steps + nudge_steps} (an example's length) fits an int. */
    public static final int MAX_PHASE_STEPS = 1_000_000_000;
    /** The largest {@code lr_tau_epochs}: tau in sweeps stays finite, and a larger one is a constant rate. */
    public static final double MAX_LR_TAU_EPOCHS = 1e12;
    /** Training images of the largest labelled dataset (Fashion-MNIST), the bound of a budget computed before loading. */
    static final int MAX_TRAIN_IMAGES = 60_000;
    /** Training images of the smallest labelled dataset (the shipped MNIST subset): at most one checkpoint each. */
    static final int MIN_TRAIN_IMAGES = 8_000;
    /** Images each dataset loads, train and test ({@code mnist}: the shipped subset; {@code fashion}: all of it). */
    static int loadedImages(String data) {
        return data.equals("fashion") ? 70_000 : 10_000;
    }
    /**
     * Parameter-sized arrays a run holds at once: the live parameters, the last finite copy, the Polyak average and
     * its mark, the copy a checkpoint evaluates, and one buffer of the statistic.
     */
    static final int PARAMETER_COPIES = 6;

    /**
     * Refuses layer sizes whose run cannot fit in {@code heapBytes}, before anything is allocated. The estimate counts
     * what the run allocates that grows with the settings: {@link #PARAMETER_COPIES} copies of the parameter vector
     * (every weight matrix and bias, one {@code double[]}, which must also fit one Java array), the states (activity,
     * trace, drive and scratch, 6 copies of every layer), and the dataset as loaded (each image's pixels as one byte
     * and as doubles, its one-hot target as doubles). {@code eval_size} only takes the first images of a split (no
     * copy), so it allocates nothing.
     */
    void requireMemory(long heapBytes) {
        int[] sizes = layerSizes(DatasetNames.inputUnits(data));
        long params = 0;
        long units = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            params = MemoryBudget.plus(params, MemoryBudget.times(sizes[l], sizes[l + 1]), sizes[l + 1]);
            units = MemoryBudget.plus(units, sizes[l + 1]);
        }
        long images = loadedImages(data);
        long row = MemoryBudget.plus(MemoryBudget.doubles(sizes[0]), MemoryBudget.doubles(10), sizes[0] + 1);
        long needed = MemoryBudget.plus(MemoryBudget.times(PARAMETER_COPIES, MemoryBudget.doubles(params)),
                MemoryBudget.times(6, MemoryBudget.doubles(units)), MemoryBudget.times(images, row));
        MemoryBudget.requireFits("hidden", hidden, needed, "a " + java.util.Arrays.toString(sizes) + " network on "
                + data + " (" + PARAMETER_COPIES + " copies of " + params + " parameters, its states and "
                + images + " images)", "layer sizes, each an integer >= 1, whose run fits in the heap", heapBytes);
    }

    /** The gate and hold act on local mode's trace: refused without one, the hold shorter than an example. */
    private void validateTraceGate() {
        String needs = "only with mode local and trace_tau >= 1 (the gate and the hold act on the trace)";
        require(traceGate == null || mode == Mode.LOCAL && traceTau > 0, "trace_gate", traceGate == null ? null
                : label(traceGate), needs);
        if (traceHold != null) {
            require(mode == Mode.LOCAL && traceTau > 0, "trace_hold", traceHold, needs);
            int length = freeSteps + nudgeSteps;
            require(traceHold >= 0 && traceHold < length, "trace_hold", traceHold, "0 <= value < " + length
                    + " (free_steps + nudge_steps, an example's mean length: a longer hold never learns)");
        }
        // EquilibriumPropagation.withCommitAtSwitch refuses it too, but only once the run builds its system.
        require(traceCommit == null || mode == Mode.LOCAL && traceTau > 0
                && traceGate == TraceGate.FREE_ONLY_NUDGED_TERM, "trace_commit", traceCommit, "false unless mode is "
                + "local with trace_tau >= 1 and trace_gate free-only-nudged-term (only nudged steps' increments can "
                + "wait for the end of their phase)");
    }

    /** Layer sizes input-hidden...-10 for {@code inputs} inputs. */
    public int[] layerSizes(int inputs) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = inputs;
        for (int l = 0; l < hidden.size(); l++) {
            sizes[l + 1] = hidden.get(l);
        }
        sizes[sizes.length - 1] = 10;
        return sizes;
    }

    /** Relaxation sweeps in one epoch on {@code examples} training images. */
    public long sweepsPerEpoch(int examples) {
        return (long) examples * ((long) freeSteps + nudgeSteps);
    }

    /** The example-length law of LOCAL mode: {@code presentation} with mean {@code free_steps + nudge_steps}. */
    public LengthLaw presentationLaw() {
        return presentation.withMean(freeSteps + nudgeSteps);
    }

    /**
     * What a run on {@code examples} training images spends: {@code steps} sweeps ({@code epochs} epochs), a checkpoint
     * every {@code evalEvery} sweeps ({@code eval_per_epoch} per epoch), the rate {@code schedule}.
     */
    public record Budget(long steps, long evalEvery, LearningRateSchedule schedule) {
    }

    /** The budget of a run on {@code examples} training images; call {@link #validate()} first. */
    public Budget budget(int examples) {
        long perEpoch = sweepsPerEpoch(examples);
        LearningRateSchedule schedule = lrTauEpochs == 0 ? LearningRateSchedule.constant(lr)
                : LearningRateSchedule.robbinsMonro(lr, lrTauEpochs * perEpoch, 1.0);
        return new Budget(Math.multiplyExact(epochs, perEpoch), Math.max(1, perEpoch / evalPerEpoch), schedule);
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public EpSettings withMode(Mode mode) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withData(String data) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withDataDir(String dataDir) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withBeta(double beta) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withFreeSteps(int freeSteps) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withNudgeSteps(int nudgeSteps) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withB(double b) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withSwitchProb(double switchProb) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withPresentation(PresentationLaw presentation) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withSweepsPerStep(int sweepsPerStep) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withTraceTau(double traceTau) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withTraceGate(TraceGate traceGate) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withTraceCommit(Boolean traceCommit) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch,
                evalSize, seed);
    }
    public EpSettings withTraceHold(Integer traceHold) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withHidden(List<Integer> hidden) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withEpochs(int epochs) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withLr(double lr) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withLrTauEpochs(double lrTauEpochs) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withEvalPerEpoch(int evalPerEpoch) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withEvalSize(int evalSize) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
    public EpSettings withSeed(long seed) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, traceGate, traceHold, traceCommit, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize,
                seed);
    }
}

package org.flexphase.boltzmann;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireNonNegative;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import org.flexphase.data.DatasetNames;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.PeriodicPhaseProcess;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;
import org.flexphase.util.Settings;

/**
 * Everything that determines a {@code train} run, and what {@link BoltzmannTrainer} takes: a Boltzmann machine on
 * binary patterns with exact evaluation (bas4, bas3), or a label-clamped RBM classifier on images (mnist, fashion).
 * Components are the {@code train} command's options ({@code switchProb} is {@code --switch-prob} and the spec key
 * {@code switch_prob}); {@link #DEFAULTS} are the defaults of both. The trainer's part: mode, phases ({@code b},
 * {@code switch_prob}, {@code phase_length}, {@code cd_k}; renewal phases when {@code plus_length} and
 * {@code minus_length} are set), rate ({@code lr}, {@code lr_schedule} constant or rm with {@code lr_tau},
 * {@code lr_kappa}), budget in Gibbs steps, weight decay, negative starts, averaging, checkpoints and seed; the rest
 * (model, data, evaluation, AIS) is the run's.
 */
public record TrainSettings(String model, String data, String dataDir, double binarise, int evalSize, int hidden,
                            boolean visibleBiases, double initSd, TrainingMode mode, double b,
                            double switchProb, int phaseLength, int cdK, double lr, String lrSchedule, double lrTau, double lrKappa,
                            long steps, double weightDecay, NegativeStart negativeStart,
                            long equilibriumRefresh, long averageFrom, int averageStride, int exactStride, long evalEvery, long seed,
                            String plusLength, String minusLength, Integer aisRuns, Integer aisSteps)
        implements Settings {

    /** Whether {@code -} and {@code +} phases follow their own length laws (a renewal process) instead of switch_prob. */
    public boolean renewal() {
        return plusLength != null || minusLength != null;
    }

    /** Whether the final summary estimates the test log-likelihood by AIS. */
    public boolean estimatesLogLikelihood() {
        return aisRuns != null || aisSteps != null;
    }

    /** The {@code average_from} that starts the Polyak average at half the steps. */
    public static final long AVERAGE_FROM_HALF = LearningLoop.AVERAGE_FROM_HALF;
    /** The most steps an AIS schedule may have ({@code ais_steps}; {@code estimation.AnnealingSchedule.MAX_STEPS}). */
    public static final int MAX_AIS_STEPS = 100_000_000;

    /** The defaults of the {@code train} command and of sweep specs: the BAS experiment's settings. */
    public static final TrainSettings DEFAULTS = new TrainSettings("rbm", "bas4", null, 0.8, 200, 16, true, 0.01,
            TrainingMode.LOCAL, 0.5, 0.05, 20, 1, 1e-4, "constant", 1e6, 1.0, 200_000, 0, NegativeStart.PERSISTENT, 0,
            AVERAGE_FROM_HALF, 16, 1_000, 5_000, 1, null, null, null, null);

    /** True for image classification data (mnist, fashion): one-hot labels appended, scored by error rate. */
    public boolean labelled() {
        return DatasetNames.LABELLED.contains(data);
    }

    /** Visible units of the model: the pattern's units, plus 10 label units for labelled data. */
    public int visibleUnits() {
        return DatasetNames.inputUnits(data) + (labelled() ? 10 : 0);
    }

    @Override
    public void validate() {
        requireChoice("model", model, "rbm", "lateral-bm");
        requireChoice("data", data, "bas4", "bas3", "mnist", "fashion");
        org.flexphase.util.InvalidSetting.requireFolderOrNull("data_dir", dataDir);
        requireChoice("mode", mode, TrainingMode.class);
        requireChoice("lr_schedule", lrSchedule, "constant", "rm");
        requireChoice("negative_start", negativeStart, NegativeStart.class);
        if (labelled()) {
            require(model.equals("rbm"), "model", model, "rbm (with data " + data + ")");
            require(mode != TrainingMode.EXACT, "mode", label(mode),
                    "standard | isd | local (with data " + data + "; exact gradients need data bas4 or bas3)");
        }
        // Checked with every dataset (bas4 ignores them) so that a garbage value never passes unseen.
        require(binarise >= 0 && binarise < 1, "binarise", binarise, "0 <= value < 1");
        requireAtLeast("eval_size", evalSize, 1);
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireAtLeast("phase_length", phaseLength, 1);
        requireAtLeast("cd_k", cdK, 1);
        if (mode == TrainingMode.STANDARD) {
            // One CD-k update costs 2k Gibbs steps: a larger k than steps / 2 would end the run before any update.
            require(2L * cdK <= steps, "cd_k", cdK, "1 <= value <= steps / 2 = " + steps / 2
                    + " (one CD-k update costs 2k Gibbs steps)");
        }
        requirePositive("lr", lr);
        requireAtLeast("steps", steps, 1);
        requireNonNegative("weight_decay", weightDecay);
        requireAtLeast("eval_every", evalEvery, 1);
        requireAtLeast("exact_stride", exactStride, 1);
        requireAtLeast("equilibrium_refresh", equilibriumRefresh, 0);
        requireAtLeast("average_stride", averageStride, 1);
        require(averageFrom == AVERAGE_FROM_HALF || (averageFrom >= 0 && averageFrom <= steps),
                "average_from", averageFrom, "-1 (half the steps) or 0 <= value <= steps = " + steps);
        requireAtLeast("hidden", hidden, 1);
        TrainMemory.requireUnitLimit(this);
        TrainMemory.requireMemory(this, Runtime.getRuntime().maxMemory());
        requireNonNegative("init_sd", initSd);
        validateRenewal();
        validateAis();
        // Checked with either schedule (constant ignores them) so that a garbage value never passes unseen.
        requirePositive("lr_tau", lrTau);
        require(lrKappa > 0 && lrKappa <= 1, "lr_kappa", lrKappa, "0 < value <= 1");
    }

    private void validateRenewal() {
        if (!renewal()) {
            return;
        }
        String laws = "fixed(N) | geometric(P) | uniform(LO, HI), with both plus_length and minus_length set";
        require(mode == TrainingMode.LOCAL, "mode", label(mode), "local (with plus_length / minus_length: renewal phases)");
        require(plusLength != null, "plus_length", plusLength, laws);
        require(minusLength != null, "minus_length", minusLength, laws);
        requireLaw("plus_length", plusLength, laws);
        requireLaw("minus_length", minusLength, laws);
    }

    private static void requireLaw(String key, String text, String allowed) {
        try {
            LengthLaws.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(key, text, allowed);
        }
    }

    private void validateAis() {
        if (!estimatesLogLikelihood()) {
            return;
        }
        // Each one set is judged by its own range first, then the missing partner is named: so a lone value's
        // message says what it allows.
        String set = aisRuns != null ? "ais_runs" : "ais_steps";
        require(labelled(), set, aisRuns != null ? aisRuns : aisSteps, "unset with data " + data
                + " (bas4 and bas3 are scored exactly; AIS is for mnist and fashion)");
        String runsAllowed = "integer >= 2, with ais_steps set";
        String stepsAllowed = "1 <= integer <= " + MAX_AIS_STEPS + ", with ais_runs set";
        require(aisRuns == null || aisRuns >= 2, "ais_runs", aisRuns, runsAllowed);
        require(aisSteps == null || aisSteps >= 1 && aisSteps <= MAX_AIS_STEPS, "ais_steps", aisSteps, stepsAllowed);
        require(aisRuns != null, "ais_runs", null, runsAllowed);
        require(aisSteps != null, "ais_steps", null, stepsAllowed);
        // AIS keeps one log-weight per run (and a copy to sum them in log space); its chains run one at a time.
        org.flexphase.util.MemoryBudget.requireFits("ais_runs", aisRuns, 2,
                r -> org.flexphase.util.MemoryBudget.times(2, org.flexphase.util.MemoryBudget.doubles(r)),
                "the AIS log-weights", org.flexphase.util.MemoryBudget.heap());
    }

    /** The rate schedule: {@code lr} constant, or {@code lr / (1 + t / lr_tau)^lr_kappa} (rm). */
    public LearningRateSchedule schedule() {
        return lrSchedule.equals("rm") ? LearningRateSchedule.robbinsMonro(lr, lrTau, lrKappa)
                : LearningRateSchedule.constant(lr);
    }

    /** The first step of the Polyak average: {@code average_from}, or half the steps when it is -1. */
    public long averageFromStep() {
        return averageFrom < 0 ? steps / 2 : averageFrom;
    }

    /**
     * A fresh phase process of these settings: renewal phases of {@code plus_length} and {@code minus_length} when
     * set, else periodic CD-k (standard), random-type blocks of {@code phase_length} (isd) or geometric switching
     * (local, exact).
     */
    public PhaseProcess newPhaseProcess() {
        if (renewal()) {
            return RenewalPhaseProcess.of(b, LengthLaws.parse(plusLength), LengthLaws.parse(minusLength));
        }
        return switch (mode) {
            case STANDARD -> PeriodicPhaseProcess.of(cdK);
            case ISD -> RandomBlockPhaseProcess.of(b, phaseLength);
            case LOCAL, EXACT -> GeometricPhaseProcess.of(b, switchProb);
        };
    }

    /** A fresh model with {@code visible} units, its couplings drawn with standard deviation {@code initSd} from the seed. */
    public BoltzmannMachine newModel(int visible) {
        var rng = Rngs.stream(seed, -1);
        if (model.equals("lateral-bm")) {
            LateralBoltzmannMachine lbm = LateralBoltzmannMachine.of(visible, hidden, 1.0);
            double[] t = lbm.parameters();
            for (int k = 0; k < visible * hidden; k++) {
                t[k] = initSd * rng.nextGaussian();
            }
            return lbm;
        }
        return Rbm.of(visible, hidden, 1.0, visibleBiases).initializeWeights(initSd, rng);
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public TrainSettings withModel(String model) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withData(String data) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withDataDir(String dataDir) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withBinarise(double binarise) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withEvalSize(int evalSize) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withHidden(int hidden) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withVisibleBiases(boolean visibleBiases) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withInitSd(double initSd) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withMode(TrainingMode mode) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withB(double b) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withSwitchProb(double switchProb) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withPhaseLength(int phaseLength) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withCdK(int cdK) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withLr(double lr) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withLrSchedule(String lrSchedule) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withLrTau(double lrTau) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withLrKappa(double lrKappa) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withSteps(long steps) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withWeightDecay(double weightDecay) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withNegativeStart(NegativeStart negativeStart) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withEquilibriumRefresh(long equilibriumRefresh) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withAverageFrom(long averageFrom) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withAverageStride(int averageStride) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withExactStride(int exactStride) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withEvalEvery(long evalEvery) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withSeed(long seed) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withPlusLength(String plusLength) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withMinusLength(String minusLength) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withAisRuns(Integer aisRuns) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
    public TrainSettings withAisSteps(Integer aisSteps) {
        return new TrainSettings(model, data, dataDir, binarise, evalSize, hidden, visibleBiases, initSd, mode, b,
                switchProb, phaseLength, cdK, lr, lrSchedule, lrTau, lrKappa, steps, weightDecay, negativeStart,
                equilibriumRefresh, averageFrom, averageStride, exactStride, evalEvery, seed, plusLength, minusLength,
                aisRuns, aisSteps);
    }
}

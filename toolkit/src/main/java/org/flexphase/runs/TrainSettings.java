package org.flexphase.runs;

import org.flexphase.util.Settings;
import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireNonNegative;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.nio.file.Path;
import org.flexphase.util.InvalidSetting;
import java.util.Locale;
import org.flexphase.estimation.AnnealedImportanceSampling;
import org.flexphase.estimation.AnnealingSchedule;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.TrainerConfig;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.LateralBoltzmannMachine;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.RenewalPhaseProcess;
import org.flexphase.util.Rngs;
import static org.flexphase.util.InvalidSetting.label;

/**
 * A {@code train} run: a Boltzmann machine on binary patterns with exact evaluation (bas4, bas3), or a
 * label-clamped RBM classifier on images (mnist, fashion). Components are the {@code train} command's options
 * ({@code switchProb} is {@code --switch-prob} and the spec key {@code switch_prob}); {@link #DEFAULTS} are the
 * defaults of both, taken from {@link TrainerConfig#DEFAULTS} for the trainer's settings.
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

    public static final TrainSettings DEFAULTS = defaults();

    private static TrainSettings defaults() {
        TrainerConfig t = TrainerConfig.DEFAULTS;
        return new TrainSettings("rbm", "bas4", null, 0.8, 200, 16, true, 0.01, t.mode, t.b, t.switchProbability,
                t.phaseLength, t.cdK, t.schedule.rate(0), "constant", 1e6, 1.0, t.steps, t.weightDecay, t.negativeStart,
                t.equilibriumRefresh, TrainerConfig.AVERAGE_FROM_HALF, t.averageStride, t.exactStride, t.evalEvery,
                t.seed, null, null, null, null);
    }

    /** True for image classification data (mnist, fashion): one-hot labels appended, scored by error rate. */
    public boolean labelled() {
        return Datasets.LABELLED.contains(data);
    }

    /** Visible units of the model: the pattern's units, plus 10 label units for labelled data. */
    public int visibleUnits() {
        return Datasets.inputUnits(data) + (labelled() ? 10 : 0);
    }

    @Override
    public void validate() {
        requireChoice("model", model, "rbm", "lateral-bm");
        requireChoice("data", data, "bas4", "bas3", "mnist", "fashion");
        requireChoice("mode", mode, TrainingMode.class);
        requireChoice("lr_schedule", lrSchedule, "constant", "rm");
        requireChoice("negative_start", negativeStart, NegativeStart.class);
        if (labelled()) {
            require(model.equals("rbm"), "model", model, "rbm (with data " + data + ")");
            require(mode != TrainingMode.EXACT, "mode", label(mode),
                    "standard | isd | local (with data " + data + "; exact gradients need data bas4 or bas3)");
            require(binarise >= 0 && binarise < 1, "binarise", binarise, "0 <= value < 1");
            requireAtLeast("eval_size", evalSize, 1);
        }
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
        require(averageFrom == TrainerConfig.AVERAGE_FROM_HALF || (averageFrom >= 0 && averageFrom <= steps),
                "average_from", averageFrom, "-1 (half the steps) or 0 <= value <= steps = " + steps);
        requireAtLeast("hidden", hidden, 1);
        TrainMemory.requireUnitLimit(this);
        TrainMemory.requireMemory(this, Runtime.getRuntime().maxMemory());
        requireNonNegative("init_sd", initSd);
        validateRenewal();
        validateAis();
        if (lrSchedule.equals("rm")) {
            requirePositive("lr_tau", lrTau);
            require(lrKappa > 0 && lrKappa <= 1, "lr_kappa", lrKappa, "0 < value <= 1");
        }
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
        require(labelled(), "ais_runs", aisRuns, "unset with data " + data
                + " (bas4 and bas3 are scored exactly; AIS is for mnist and fashion)");
        require(aisRuns != null && aisRuns >= 2, "ais_runs", aisRuns, "integer >= 2, with ais_steps set");
        require(aisSteps != null && aisSteps >= 1 && aisSteps <= AnnealingSchedule.MAX_STEPS, "ais_steps", aisSteps,
                "1 <= integer <= " + AnnealingSchedule.MAX_STEPS + ", with ais_runs set");
    }

    /** The AIS estimator of the final summary (equal steps in inverse temperature); null when not asked for. */
    public AnnealedImportanceSampling annealing() {
        return estimatesLogLikelihood()
                ? AnnealedImportanceSampling.of(AnnealingSchedule.uniform(aisSteps), aisRuns, Rngs.mix(seed, 0xA15L)) : null;
    }

    public LearningRateSchedule schedule() {
        return lrSchedule.equals("rm") ? LearningRateSchedule.robbinsMonro(lr, lrTau, lrKappa)
                : LearningRateSchedule.constant(lr);
    }

    /** The trainer's configuration; call {@link #validate()} first. */
    public TrainerConfig trainerConfig() {
        return TrainerConfig.builder()
                .mode(mode).negativeStart(negativeStart)
                .b(b).switchProbability(switchProb).phaseLength(phaseLength).cdK(cdK).schedule(schedule())
                .steps(steps).weightDecay(weightDecay).equilibriumRefresh(equilibriumRefresh).averageFrom(averageFrom)
                .averageStride(averageStride).exactStride(exactStride).evalEvery(evalEvery).seed(seed)
                .process(renewal() ? RenewalPhaseProcess.of(b, LengthLaws.parse(plusLength), LengthLaws.parse(minusLength))
                        : null)
                .build();
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

    /** This run's row of a sweep's summary table. */
    public SweepColumns sweepColumns() {
        return new SweepColumns(label(mode), b, switchProb, label(negativeStart),
                trainerConfig().describe().get("lr_schedule").toString(), steps);
    }

    /** Runs into {@code out} (history, summary, chart; nothing written when null). */
    public RunOutcome<RunSummary> run(Path out) {
        validate();
        TrainerConfig config = trainerConfig();
        if (labelled()) {
            var split = Datasets.labelled(data, dataDir);
            var run = new LabelledRbmRun(data, split.train().binarised(binarise), split.train().labelArray(),
                    split.test().binarised(binarise), split.test().labelArray(), 10).estimatingLogLikelihood(annealing());
            var o = run.run((Rbm) newModel(split.train().pixelsPerImage() + 10), config, evalSize, out);
            return new RunOutcome<>(o.history(), o.summary());
        }
        double[][] rows = Datasets.binaryRows(data);
        var o = new BoltzmannRun(data, rows).run(newModel(rows[0].length), config, out);
        return new RunOutcome<>(o.history(), o.summary());
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

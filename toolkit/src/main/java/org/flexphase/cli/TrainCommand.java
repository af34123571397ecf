package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.runs.BoltzmannSummary;
import org.flexphase.runs.TrainRun;
import org.flexphase.runs.LabelledRbmSummary;
import org.flexphase.runs.RunSummary;
import org.flexphase.boltzmann.TrainSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: one training run of a Boltzmann machine with exact evaluation. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a Boltzmann machine under a phase process; writes history.csv, summary.json, history.png.")
public final class TrainCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "rbm | lateral-bm (default: ${DEFAULT-VALUE})")
    String model = TrainSettings.DEFAULTS.model();
    @Option(names = "--data", description = "bas4 (the published 32-row BAS 4x4) | bas3 | mnist (784 pixels binarised + one-hot label, classification) | fashion (default: ${DEFAULT-VALUE})")
    String data = TrainSettings.DEFAULTS.data();
    @Option(names = "--data-dir", description = "mnist, fashion: read the IDX files from this folder")
    Path dataDir;
    @Option(names = "--binarise", description = "mnist, fashion: pixel threshold in [0,1) (default: ${DEFAULT-VALUE})")
    double binarise = TrainSettings.DEFAULTS.binarise();
    @Option(names = "--eval-size", description = "mnist, fashion: images of each split classified at every checkpoint (the final evaluation uses all)")
    int evalSize = TrainSettings.DEFAULTS.evalSize();
    @Option(names = "--hidden", description = "hidden units (default: ${DEFAULT-VALUE})")
    int hidden = TrainSettings.DEFAULTS.hidden();
    @Option(names = "--mode", description = "standard | isd | local | exact (default: ${DEFAULT-VALUE})")
    String mode = label(TrainSettings.DEFAULTS.mode());
    @Option(names = "--b", description = "probability a new phase is positive, in (0,1)")
    double b = TrainSettings.DEFAULTS.b();
    @Option(names = "--switch-prob", description = "local mode: per-step switch probability p, in (0,1]")
    double switchProb = TrainSettings.DEFAULTS.switchProb();
    @Option(names = "--plus-length", description = "local mode: + phase length law, fixed(N) | geometric(P) | uniform(LO, HI) (a renewal process, with --minus-length; replaces --switch-prob)")
    String plusLength;
    @Option(names = "--minus-length", description = "local mode: - phase length law (with --plus-length)")
    String minusLength;
    @Option(names = "--ais-runs", description = "mnist, fashion: estimate the final test log-likelihood by AIS with this many runs (with --ais-steps)")
    Integer aisRuns;
    @Option(names = "--ais-steps", description = "mnist, fashion: AIS inverse temperatures, equally spaced (with --ais-runs)")
    Integer aisSteps;
    @Option(names = "--phase-length", description = "isd mode: fixed phase length")
    int phaseLength = TrainSettings.DEFAULTS.phaseLength();
    @Option(names = "--cd-k", description = "standard mode: Gibbs steps per phase (CD-k)")
    int cdK = TrainSettings.DEFAULTS.cdK();
    @Option(names = "--lr", description = "learning rate: per Gibbs step (isd, local), per CD-k update (standard), per exact update (exact)")
    double lr = TrainSettings.DEFAULTS.lr();
    @Option(names = "--lr-schedule", description = "constant | rm (Robbins-Monro lr/(1+t/tau)^kappa)")
    String lrSchedule = TrainSettings.DEFAULTS.lrSchedule();
    @Option(names = "--lr-tau", description = "Robbins-Monro tau in Gibbs steps")
    double lrTau = TrainSettings.DEFAULTS.lrTau();
    @Option(names = "--lr-kappa", description = "Robbins-Monro kappa in (0,1]")
    double lrKappa = TrainSettings.DEFAULTS.lrKappa();
    @Option(names = "--steps", description = "Gibbs steps for every mode (a CD-k update counts 2k)")
    long steps = TrainSettings.DEFAULTS.steps();
    @Option(names = "--weight-decay", description = "L2 weight decay on couplings")
    double weightDecay = TrainSettings.DEFAULTS.weightDecay();
    @Option(names = "--negative-start", description = "persistent | equilibrium | pcd")
    String negativeStart = label(TrainSettings.DEFAULTS.negativeStart());
    @Option(names = "--equilibrium-refresh", description = "equilibrium starts: rebuild the exact sampler at most every N steps (0: every phase)")
    long equilibriumRefresh = TrainSettings.DEFAULTS.equilibriumRefresh();
    @Option(names = "--average-from", description = "first step of the Polyak average (default: half the steps)")
    long averageFrom = TrainSettings.DEFAULTS.averageFrom();
    @Option(names = "--exact-stride", description = "exact mode: Gibbs steps charged per exact update")
    int exactStride = TrainSettings.DEFAULTS.exactStride();
    @Option(names = "--no-visible-biases", description = "drop visible biases (the published code's model)")
    boolean noVisibleBiases;
    @Option(names = "--init-sd", description = "initial weight standard deviation")
    double initSd = TrainSettings.DEFAULTS.initSd();
    @Option(names = "--seed", description = "random seed")
    long seed = TrainSettings.DEFAULTS.seed();
    @Option(names = "--eval-every", description = "Gibbs steps between exact evaluations")
    long evalEvery = TrainSettings.DEFAULTS.evalEvery();
    @Mixin
    RunOutput output;

    @Override
    public void checkOptions() {
        OutputFolder.checkOptions(spec, this::settings, output);
    }

    @Override
    public Integer call() {
        return OutputFolder.runCommand(spec, this::settings, output, TrainRun::outcome, this::report);
    }

    /** The line a finished run prints: exact NLL and TV on binary patterns, error rates (and AIS) on images. */
    private String report(RunSummary summary) {
        if (summary instanceof BoltzmannSummary s) {
            return String.format("%s %s: step %d, NLL/row %.4f (averaged %.4f), TV %.4f, %.0f steps/s -> %s",
                    s.model(), mode, s.stepsDone(), s.finalMetrics().nllPerRow(), s.finalMetrics().nllPerRowAvg(),
                    s.finalMetrics().tv(), s.stepsPerSecond(), output.out);
        }
        if (!(summary instanceof LabelledRbmSummary s)) {
            throw new IllegalStateException("a train run reported a " + summary.getClass().getSimpleName());
        }
        LabelledRbmSummary.Final fin = s.finalMetrics();
        String line = String.format("%s %s on %s: step %d, train error %.4f, test error %.4f (averaged %.4f), "
                + "%.0f steps/s -> %s", s.model(), mode, data, s.stepsDone(), fin.trainError(), fin.testError(),
                fin.testErrorAvg(), s.stepsPerSecond(), output.out);
        return fin.likelihood() == null ? line : line + String.format(
                "%ntest log-likelihood per digit log p(x, y) %.2f nats (averaged %.2f), log p(x) >= %.2f",
                fin.likelihood().testLl(), fin.likelihoodAvg().testLl(), fin.likelihood().testLlPixels());
    }

    /** The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting. */
    TrainSettings settings() {
        return TrainSettings.DEFAULTS.withModel(model).withData(data)
                .withDataDir(dataDir == null ? null : dataDir.toString()).withBinarise(binarise).withEvalSize(evalSize)
                .withHidden(hidden).withVisibleBiases(!noVisibleBiases).withInitSd(initSd)
                .withMode(requireLabel("mode", mode, TrainingMode.class)).withB(b).withSwitchProb(switchProb)
                .withPhaseLength(phaseLength).withCdK(cdK).withLr(lr).withLrSchedule(lrSchedule).withLrTau(lrTau)
                .withLrKappa(lrKappa).withSteps(steps).withWeightDecay(weightDecay)
                .withNegativeStart(requireLabel("negative_start", negativeStart, NegativeStart.class))
                .withEquilibriumRefresh(equilibriumRefresh).withAverageFrom(averageFrom).withExactStride(exactStride)
                .withEvalEvery(evalEvery).withSeed(seed).withPlusLength(plusLength).withMinusLength(minusLength)
                .withAisRuns(aisRuns).withAisSteps(aisSteps);
    }
}

package org.flexphase.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.NegativeStart;
import org.flexphase.learning.TrainerConfig;
import org.flexphase.learning.TrainingMode;
import org.flexphase.models.BoltzmannMachine;
import org.flexphase.models.LateralBoltzmannMachine;
import org.flexphase.models.Rbm;
import org.flexphase.runs.BoltzmannRun;
import org.flexphase.util.Rngs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: one training run of a Boltzmann machine with exact evaluation. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a Boltzmann machine under a phase process; writes history.csv, summary.json, history.png.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "rbm", description = "rbm | lateral-bm (default: ${DEFAULT-VALUE})")
    String model;
    @Option(names = "--data", defaultValue = "bas4", description = "bas4 (the published 32-row BAS 4x4) | bas3 | mnist (784 pixels binarised + one-hot label, classification) | fashion (default: ${DEFAULT-VALUE})")
    String data;
    @Option(names = "--data-dir", description = "mnist, fashion: read the IDX files from this folder")
    Path dataDir;
    @Option(names = "--binarise", defaultValue = "0.8", description = "mnist, fashion: pixel threshold in [0,1) (default: ${DEFAULT-VALUE})")
    double binarise;
    @Option(names = "--eval-size", defaultValue = "200", description = "mnist, fashion: images of each split classified at every checkpoint (the final evaluation uses all)")
    int evalSize;
    @Option(names = "--hidden", defaultValue = "16", description = "hidden units (default: ${DEFAULT-VALUE})")
    int hidden;
    @Option(names = "--mode", defaultValue = "local", description = "standard | isd | local | exact (default: ${DEFAULT-VALUE})")
    String mode;
    @Option(names = "--b", defaultValue = "0.5", description = "probability a new phase is positive, in (0,1)")
    double b;
    @Option(names = "--switch-prob", defaultValue = "0.05", description = "local mode: per-step switch probability p, in (0,1]")
    double switchProb;
    @Option(names = "--phase-length", defaultValue = "20", description = "isd mode: fixed phase length")
    int phaseLength;
    @Option(names = "--cd-k", defaultValue = "1", description = "standard mode: Gibbs steps per phase (CD-k)")
    int cdK;
    @Option(names = "--lr", defaultValue = "1e-4", description = "learning rate: per Gibbs step (isd, local), per CD-k update (standard), per exact update (exact)")
    double lr;
    @Option(names = "--lr-schedule", defaultValue = "constant", description = "constant | rm (Robbins-Monro lr/(1+t/tau)^kappa)")
    String lrSchedule;
    @Option(names = "--lr-tau", defaultValue = "1e6", description = "Robbins-Monro tau in Gibbs steps")
    double lrTau;
    @Option(names = "--lr-kappa", defaultValue = "1.0", description = "Robbins-Monro kappa in (0,1]")
    double lrKappa;
    @Option(names = "--steps", defaultValue = "200000", description = "Gibbs steps for every mode (a CD-k update counts 2k)")
    long steps;
    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay on couplings")
    double weightDecay;
    @Option(names = "--negative-start", defaultValue = "persistent", description = "persistent | equilibrium | pcd")
    String negativeStart;
    @Option(names = "--equilibrium-refresh", defaultValue = "0", description = "equilibrium starts: rebuild the exact sampler at most every N steps (0: every phase)")
    long equilibriumRefresh;
    @Option(names = "--average-from", defaultValue = "-1", description = "first step of the Polyak average (default: half the steps)")
    long averageFrom;
    @Option(names = "--exact-stride", defaultValue = "1000", description = "exact mode: Gibbs steps charged per exact update")
    int exactStride;
    @Option(names = "--no-visible-biases", description = "drop visible biases (the published code's model)")
    boolean noVisibleBiases;
    @Option(names = "--init-sd", defaultValue = "0.01", description = "initial weight standard deviation")
    double initSd;
    @Option(names = "--seed", defaultValue = "1", description = "random seed")
    long seed;
    @Option(names = "--eval-every", defaultValue = "5000", description = "Gibbs steps between exact evaluations")
    long evalEvery;
    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() {
        TrainerConfig config = config();
        if (data.equals("mnist") || data.equals("fashion")) {
            return trainClassifier(config);
        }
        double[][] rows = dataRows(spec, data);
        BoltzmannMachine m = model(rows[0].length);
        BoltzmannRun.Outcome outcome = new BoltzmannRun(data, rows).run(m, config, out);
        Map<?, ?> fin = (Map<?, ?>) outcome.summary().get("final");
        System.out.printf("%s %s: step %d, NLL/row %.4f (averaged %.4f), TV %.4f, %.0f steps/s -> %s%n",
                m.describe(), mode, outcome.result().steps(), fin.get("nll_per_row"), fin.get("nll_per_row_avg"),
                fin.get("tv"), outcome.result().stepsPerSecond(), out);
        if (outcome.result().diverged()) {
            System.err.println("flexphase: run diverged: " + outcome.result().divergence());
            return 1;
        }
        return 0;
    }

    /** A generative RBM over pixels and a one-hot label, scored by classification error (label inference). */
    int trainClassifier(TrainerConfig config) {
        if (!model.equals("rbm")) {
            throw Options.bad(spec, "--model", model, "rbm (with --data " + data + ")");
        }
        if (!(binarise >= 0 && binarise < 1)) {
            throw Options.bad(spec, "--binarise", binarise, "0 <= value < 1");
        }
        Options.atLeast(spec, "--eval-size", evalSize, 1);
        var split = DataChoice.split(spec, data, dataDir);
        var run = new org.flexphase.runs.LabelledRbmRun(data, split.train().binarised(binarise),
                split.train().labelArray(), split.test().binarised(binarise), split.test().labelArray(), 10);
        Rbm rbm = (Rbm) model(split.train().pixelsPerImage() + 10);
        var outcome = run.run(rbm, config, evalSize, out);
        Map<?, ?> fin = (Map<?, ?>) outcome.summary().get("final");
        System.out.printf("%s %s on %s: step %d, train error %.4f, test error %.4f (averaged %.4f), %.0f steps/s -> %s%n",
                rbm.describe(), mode, data, outcome.result().steps(), fin.get("train_error"), fin.get("test_error"),
                fin.get("test_error_avg"), outcome.result().stepsPerSecond(), out);
        if (outcome.result().diverged()) {
            System.err.println("flexphase: run diverged: " + outcome.result().divergence());
            return 1;
        }
        return 0;
    }

    TrainerConfig config() {
        Options.openUnit(spec, "--b", b);
        Options.halfOpenUnit(spec, "--switch-prob", switchProb);
        Options.atLeast(spec, "--phase-length", phaseLength, 1);
        Options.atLeast(spec, "--cd-k", cdK, 1);
        Options.positive(spec, "--lr", lr);
        Options.atLeast(spec, "--steps", steps, 1);
        Options.nonNegative(spec, "--weight-decay", weightDecay);
        Options.atLeast(spec, "--eval-every", evalEvery, 1);
        Options.atLeast(spec, "--exact-stride", exactStride, 1);
        Options.atLeast(spec, "--hidden", hidden, 1);
        Options.nonNegative(spec, "--init-sd", initSd);
        LearningRateSchedule schedule = switch (lrSchedule) {
            case "constant" -> LearningRateSchedule.constant(lr);
            case "rm" -> {
                Options.positive(spec, "--lr-tau", lrTau);
                if (!(lrKappa > 0 && lrKappa <= 1)) {
                    throw Options.bad(spec, "--lr-kappa", lrKappa, "0 < value <= 1");
                }
                yield LearningRateSchedule.robbinsMonro(lr, lrTau, lrKappa);
            }
            default -> throw Options.bad(spec, "--lr-schedule", lrSchedule, "constant | rm");
        };
        return TrainerConfig.builder()
                .mode(choice("--mode", mode, TrainingMode.class))
                .negativeStart(choice("--negative-start", negativeStart, NegativeStart.class))
                .b(b).switchProbability(switchProb).phaseLength(phaseLength).cdK(cdK).schedule(schedule)
                .steps(steps).weightDecay(weightDecay).averageFrom(averageFrom).evalEvery(evalEvery)
                .exactStride(exactStride).equilibriumRefresh(equilibriumRefresh).seed(seed).build();
    }

    BoltzmannMachine model(int visible) {
        var rng = Rngs.stream(seed, -1);
        return switch (model) {
            case "rbm" -> Rbm.of(visible, hidden, 1.0, !noVisibleBiases).initializeWeights(initSd, rng);
            case "lateral-bm" -> {
                LateralBoltzmannMachine lbm = LateralBoltzmannMachine.of(visible, hidden, 1.0);
                double[] t = lbm.parameters();
                for (int k = 0; k < visible * hidden; k++) {
                    t[k] = initSd * rng.nextGaussian();
                }
                yield lbm;
            }
            default -> throw Options.bad(spec, "--model", model, "rbm | lateral-bm");
        };
    }

    static double[][] dataRows(CommandSpec spec, String data) {
        return switch (data) {
            case "bas4" -> BarsAndStripes.published4x4();
            case "bas3" -> BarsAndStripes.multiset(3);
            default -> throw Options.bad(spec, "--data", data, "bas4 | bas3 | mnist | fashion");
        };
    }

    <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw Options.bad(spec, option, value, java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
    }
}

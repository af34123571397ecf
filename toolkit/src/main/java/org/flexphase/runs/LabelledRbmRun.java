package org.flexphase.runs;

import java.util.Objects;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.flexphase.estimation.AnnealedImportanceSampling;
import org.flexphase.estimation.BaseRateModel;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingListener;
import org.flexphase.boltzmann.TrainingResult;
import org.flexphase.boltzmann.LabelInference;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.plots.Charts;
import org.flexphase.tables.Histories;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A generative RBM trained on binary inputs with a one-hot label appended (MNIST: 784 pixels binarised at 0.8
 * plus 10 label units), evaluated by classification: clamp the input, sample the label units (80 steps, 40
 * burn-in), arg-max (docs/experiments.md). Checkpoints use the first {@code evalSize} examples of each split; the
 * final numbers use all of them. Writes {@code history.csv} after every checkpoint, then {@code summary.json} and
 * {@code history.png}.
 *
 * <pre>{@code
 * LabelledRbmRun run = new LabelledRbmRun("mnist", trainBits, trainLabels, testBits, testLabels, 10);
 * LabelledRbmRun.Outcome o = run.run(Rbm.of(794, 16, 1.0, true), TrainSettings.DEFAULTS.withData("mnist"), null);
 * }</pre>
 */
public final class LabelledRbmRun {
    /** Gibbs steps and burn-in of label inference, as the published code. */
    public static final int INFERENCE_STEPS = 80;
    /** Burn-in steps of label inference. */
    public static final int INFERENCE_BURN_IN = 40;

    private final String dataName;
    private final double[][] trainInputs;
    private final int[] trainLabels;
    private final double[][] testInputs;
    private final int[] testLabels;
    private final int classes;
    private final AnnealedImportanceSampling annealing;

    /** Runs on inputs with labels in {@code 0..classes-1}; the label is appended one-hot to each training row. */
    public LabelledRbmRun(String dataName, double[][] trainInputs, int[] trainLabels, double[][] testInputs,
                          int[] testLabels, int classes) {
        this(dataName, trainInputs, trainLabels, testInputs, testLabels, classes, null);
    }

    private LabelledRbmRun(String dataName, double[][] trainInputs, int[] trainLabels, double[][] testInputs,
                           int[] testLabels, int classes, AnnealedImportanceSampling annealing) {
        Objects.requireNonNull(dataName, "dataName must not be null");
        Objects.requireNonNull(trainInputs, "trainInputs must not be null");
        Objects.requireNonNull(trainLabels, "trainLabels must not be null");
        Objects.requireNonNull(testInputs, "testInputs must not be null");
        Objects.requireNonNull(testLabels, "testLabels must not be null");
        this.annealing = annealing;
        this.dataName = dataName;
        this.trainInputs = trainInputs;
        this.trainLabels = trainLabels;
        this.testInputs = testInputs;
        this.testLabels = testLabels;
        this.classes = classes;
    }

    /**
     * The same run, whose final summary also reports the test log-likelihood per digit of the current and the
     * averaged parameters ({@link TestLogLikelihood}), {@code log Z} estimated by {@code annealing} from the
     * training data's base-rate model; {@code null} leaves it out.
     */
    public LabelledRbmRun estimatingLogLikelihood(AnnealedImportanceSampling annealing) {
        return new LabelledRbmRun(dataName, trainInputs, trainLabels, testInputs, testLabels, classes, annealing);
    }

    /** Training rows: each input with its one-hot label appended. */
    public double[][] trainingRows() {
        double[][] rows = new double[trainInputs.length][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = java.util.Arrays.copyOf(trainInputs[k], trainInputs[k].length + classes);
            rows[k][trainInputs[k].length + trainLabels[k]] = 1.0;
        }
        return rows;
    }

    /** Fraction of the first {@code n} examples misclassified; inference randomness from {@code seed}. */
    public static double error(Rbm rbm, int classes, double[][] inputs, int[] labels, int n, long seed) {
        Objects.requireNonNull(rbm, "rbm must not be null");
        Objects.requireNonNull(inputs, "inputs must not be null");
        Objects.requireNonNull(labels, "labels must not be null");
        LabelInference inference = new LabelInference(rbm, classes, INFERENCE_STEPS, INFERENCE_BURN_IN);
        RandomGenerator rng = Rngs.create(seed);
        int m = Math.min(n, inputs.length);
        int wrong = 0;
        for (int k = 0; k < m; k++) {
            if (inference.predict(inputs[k], rng) != labels[k]) {
                wrong++;
            }
        }
        return wrong / (double) m;
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, TrainingResult result, LabelledRbmSummary summary) {
        /** This run as one entry of a long table ({@link Histories#stack}), under {@code key}. */
        public Histories.Run asRun(String key) {
            return new Histories.Run(key, summary.config(), summary.seed(), history);
        }
    }

    /**
     * Trains {@code model} in place with these settings, evaluating checkpoints on the first {@code eval_size} images of
     * each split; writes files under {@code out} unless it is null.
     */
    public Outcome run(Rbm model, TrainSettings settings, Path out) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        return run(model, new BoltzmannTrainer(settings), out, history -> { });
    }

    /** As {@link #run(Rbm, TrainSettings, Path)} with {@code trainer}, calling {@code afterCheckpoint} with the history so far. */
    public Outcome run(Rbm model, BoltzmannTrainer trainer, Path out, Consumer<Table> afterCheckpoint) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(trainer, "trainer must not be null");
        Objects.requireNonNull(afterCheckpoint, "afterCheckpoint must not be null");
        int evalSize = trainer.settings().evalSize();
        Table history = Table.create("history", LongColumn.create("step"), DoubleColumn.create("train_error"),
                DoubleColumn.create("test_error"), DoubleColumn.create("train_error_avg"),
                DoubleColumn.create("test_error_avg"));
        long evalSeed = Rngs.mix(trainer.settings().seed(), 0xE7A1L);
        TrainingListener listener = c -> {
            history.longColumn("step").append(c.step());
            Rbm now = (Rbm) c.current();
            Rbm avg = (Rbm) c.averaged();
            history.doubleColumn("train_error").append(error(now, classes, trainInputs, trainLabels, evalSize, evalSeed));
            history.doubleColumn("test_error").append(error(now, classes, testInputs, testLabels, evalSize, evalSeed));
            history.doubleColumn("train_error_avg").append(error(avg, classes, trainInputs, trainLabels, evalSize, evalSeed));
            history.doubleColumn("test_error_avg").append(error(avg, classes, testInputs, testLabels, evalSize, evalSeed));
            if (out != null) {
                RunFiles.writeCsv(history, out.resolve("history.csv"));
            }
            afterCheckpoint.accept(history);
        };
        TrainingResult result = trainer.train(model, trainingRows(), listener);
        Rbm finalModel = (Rbm) result.model();
        Rbm finalAvg = (Rbm) result.averaged();
        double trainError = error(finalModel, classes, trainInputs, trainLabels, Integer.MAX_VALUE, evalSeed);
        double testError = error(finalModel, classes, testInputs, testLabels, Integer.MAX_VALUE, evalSeed);
        double trainErrorAvg = error(finalAvg, classes, trainInputs, trainLabels, Integer.MAX_VALUE, evalSeed);
        double testErrorAvg = error(finalAvg, classes, testInputs, testLabels, Integer.MAX_VALUE, evalSeed);
        TestLogLikelihood.Entries likelihood = null;
        TestLogLikelihood.Entries likelihoodAvg = null;
        if (annealing != null && !result.diverged()) {
            BaseRateModel base = BaseRateModel.fromData(trainingRows());
            likelihood = TestLogLikelihood.of(finalModel, testInputs, testLabels, classes, annealing, base).entries();
            likelihoodAvg = TestLogLikelihood.of(finalAvg, testInputs, testLabels, classes, annealing, base).entries();
        }
        LabelledRbmSummary s = new LabelledRbmSummary(model.describe(), dataName, trainer.describe(), trainer.settings().seed(),
                result.steps(), result.wallSeconds(), result.stepsPerSecond(), result.diverged(), result.divergence(),
                new LabelledRbmSummary.Final(trainError, testError, trainErrorAvg, testErrorAvg, likelihood,
                        likelihoodAvg));
        if (out != null) {
            RunFiles.writeSummary(s, out.resolve("summary.json"));
            Charts.savePng(RunCharts.errorHistory(history, model.describe() + " on " + dataName + ", "
                    + trainer.settings().mode().name().toLowerCase(), "Gibbs steps", List.of("train_error", "test_error", "test_error_avg")),
                    out.resolve("history.png"));
        }
        return new Outcome(history, result, s);
    }
}

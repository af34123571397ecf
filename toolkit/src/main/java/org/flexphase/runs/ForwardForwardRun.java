package org.flexphase.runs;

import java.util.Objects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.data.Digits;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.plots.Charts;
import org.flexphase.tables.ForwardForwardHistory;
import org.flexphase.tables.Histories;
import tech.tablesaw.api.Table;

/**
 * One Forward-Forward run on labelled images: train, evaluate at every checkpoint on the first {@code evalSize}
 * images of each split (the splits are shuffled, so that is a fair sample) and at the end on all of them.
 * Writes {@code history.csv} after every checkpoint (step, train_error, test_error), then {@code summary.json}
 * (configuration, final errors, wall seconds, examples per second) and {@code history.png}.
 *
 * <pre>{@code
 * MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
 * var settings = ForwardForwardSettings.DEFAULTS.withMode(Mode.LOCAL).withEpochs(1).withEvalSize(300);
 * ForwardForwardRun.Outcome o = new ForwardForwardRun(split.train(), split.test()).run(settings, null);
 * }</pre>
 */
public final class ForwardForwardRun {
    private final Digits train;
    private final Digits test;
    private final double[][] trainImages;
    private final double[][] testImages;

    /** Runs trained on {@code train}, evaluated on {@code test}. */
    public ForwardForwardRun(Digits train, Digits test) {
        Objects.requireNonNull(train, "train must not be null");
        Objects.requireNonNull(test, "test must not be null");
        this.train = train;
        this.test = test;
        this.trainImages = train.scaled();
        this.testImages = test.scaled();
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, ForwardForwardTrainer.Result result, ForwardForwardSummary summary) {
        /** Test error on all test images at the end. */
        public double finalTestError() {
            return summary.finalMetrics().testError();
        }

        /** This run as one entry of a long table ({@link Histories#stack}), under {@code key}. */
        public Histories.Run asRun(String key) {
            return new Histories.Run(key, RunFiles.asMap(summary.config()), summary.seed(), history);
        }

        /** Training error on all training images at the end. */
        public double finalTrainError() {
            return summary.finalMetrics().trainError();
        }
    }

    /** A run of the {@code ff} kind: validated, trained and written under {@code out} (nothing when null). */
    public static RunOutcome<ForwardForwardSummary> outcome(ForwardForwardSettings s, Path out) {
        Objects.requireNonNull(s, "settings must not be null");
        s.validate();
        var split = Datasets.labelled(s.data(), s.dataDir());
        var o = new ForwardForwardRun(split.train(), split.test()).run(s, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    /** A run's row of a sweep's summary table. */
    public static SweepColumns sweepColumns(ForwardForwardSettings s) {
        Objects.requireNonNull(s, "settings must not be null");
        return new SweepColumns("ff " + s.mode().label(), s.b(), s.switchProb(), "", "adam(" + s.lr() + ")",
                Double.NaN);
    }

    /** Trains a new net, evaluating on {@code evalSize} images per split; writes files under {@code out} unless null. */
    public Outcome run(ForwardForwardSettings settings, Path out) {
        Objects.requireNonNull(settings, "settings must not be null");
        return run(settings, out, history -> { });
    }

    /** As {@link #run(ForwardForwardSettings, Path)}, calling {@code afterCheckpoint} with the history so far. */
    public Outcome run(ForwardForwardSettings settings, Path out, Consumer<Table> afterCheckpoint) {
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(afterCheckpoint, "afterCheckpoint must not be null");
        ForwardForwardTrainer trainer = new ForwardForwardTrainer(settings);
        int evalSize = settings.evalSize();
        int[] trainLabels = train.labelArray();
        int[] testLabels = test.labelArray();
        ForwardForwardHistory recorder = Histories.forwardForward(trainImages, trainLabels, testImages, testLabels, evalSize);
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        recorder.then(afterCheckpoint);
        ForwardForwardNet net = trainer.newNet(train.pixelsPerImage(), 10);
        ForwardForwardTrainer.Result result = trainer.train(net, trainImages, trainLabels, recorder);
        Table history = recorder.table();
        // A run's settings name no phase process of their own: process stays null (the geometric one of switch_prob).
        var c = new ForwardForwardSummary.Config(settings.mode().label(), settings.b(), settings.switchProb(),
                null, settings.negatives().label(), settings.isdWeights().label(), settings.epochs(), settings.lr(),
                settings.threshold(), settings.hiddenSizes(), settings.evalEvery(), evalSize);
        var fin = new ForwardForwardSummary.Final(history.longColumn("step").get(history.rowCount() - 1),
                net.error(trainImages, trainLabels, Integer.MAX_VALUE), net.error(testImages, testLabels, Integer.MAX_VALUE));
        var s = new ForwardForwardSummary(net.describe(), train.name() + " / " + test.name(), c, settings.seed(),
                result.steps(), result.positiveExamples(), result.negativeExamples(), result.wallSeconds(),
                result.examplesPerSecond(), result.stepsPerSecond(), result.divergence() != null, result.divergence(),
                fin);
        if (out != null) {
            RunFiles.writeSummary(s, out.resolve("summary.json"));
            Charts.savePng(RunCharts.errorHistory(history, net.describe() + " on " + train.name() + ", " + settings.mode().label(),
                    "training steps (one image each)", List.of("train_error", "test_error")),
                    out.resolve("history.png"));
        }
        return new Outcome(history, result, s);
    }
}

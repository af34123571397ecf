package org.flexphase.runs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.flexphase.data.Digits;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.learning.LearningLoop;
import org.flexphase.plots.Charts;
import org.flexphase.tables.EquilibriumPropagationHistory;
import org.flexphase.tables.Histories;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.Table;

/**
 * One {@code ep} run on labelled images: a Glorot-initialised Hopfield network trained by {@link EquilibriumPropagationTrainer},
 * evaluated at every checkpoint on the first {@code evalSize} images of each split (the splits are shuffled) and at the
 * end on all of them. Writes {@code history.csv} after every checkpoint (step = parameter updates, relaxation_steps,
 * train_error, test_error), then {@code summary.json} (configuration, final errors, wall seconds) and
 * {@code history.png}. Predictions relax freely from rest for {@code free_steps} sweeps and take the largest output.
 *
 * <pre>{@code
 * MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
 * EpRun.Outcome o = new EpRun(split.train(), split.test()).run(EpSettings.DEFAULTS, null);
 * }</pre>
 */
public final class EpRun {
    private final Digits train;
    private final Digits test;
    private final Examples trainExamples;
    private final Examples testExamples;

    /** Runs trained on {@code train}, evaluated on {@code test}. */
    public EpRun(Digits train, Digits test) {
        this.train = train;
        this.test = test;
        this.trainExamples = Examples.of(train);
        this.testExamples = Examples.of(test);
    }

    /** A finished run: its history, summary (as written) and why it diverged, if it did. */
    public record Outcome(Table history, EpSummary summary, HopfieldNetwork network) {
        /** Test error on all test images at the end. */
        public double finalTestError() {
            return summary.finalMetrics().testError();
        }

        /** Training error on all training images at the end. */
        public double finalTrainError() {
            return summary.finalMetrics().trainError();
        }

        /** Why the run stopped early, or null. */
        public String divergence() {
            return summary.divergence();
        }
    }

    /** A run of the {@code ep} kind: validated, trained and written under {@code out} (nothing when null). */
    public static RunOutcome<EpSummary> outcome(EpSettings s, Path out) {
        s.validate();
        var split = Datasets.labelled(s.data(), s.dataDir());
        var o = new EpRun(split.train(), split.test()).run(s, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    /** A run's row of a sweep's summary table. */
    public static SweepColumns sweepColumns(EpSettings s) {
        return new SweepColumns("ep " + InvalidSetting.label(s.mode()), s.b(), s.switchProb(), "",
                "constant(" + s.lr() + ")", s.epochs() * s.sweepsPerEpoch(8000));
    }

    static Examples head(Examples e, int n) {
        int k = Math.min(n, e.count());
        return new Examples(Arrays.copyOf(e.inputs(), k), Arrays.copyOf(e.targets(), k), Arrays.copyOf(e.labels(), k));
    }

    /** Trains a new network; writes files under {@code out} unless it is null. */
    public Outcome run(EpSettings settings, Path out) {
        return run(settings, out, h -> { });
    }

    /** As {@link #run(EpSettings, Path)}, calling {@code afterCheckpoint} with the history so far. */
    public Outcome run(EpSettings settings, Path out, Consumer<Table> afterCheckpoint) {
        settings.validate();
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.stream(settings.seed(), 1),
                settings.layerSizes(trainExamples.inputSize()));
        Examples trainHead = head(trainExamples, settings.evalSize());
        Examples testHead = head(testExamples, settings.evalSize());
        int evalSweeps = settings.freeSteps();
        EquilibriumPropagationHistory recorder = Histories.equilibriumPropagation(net, trainHead, testHead, evalSweeps);
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        recorder.then(afterCheckpoint);
        LearningLoop loop = new EquilibriumPropagationTrainer(settings).train(net, trainExamples, recorder);
        Table history = recorder.table();
        // Final errors on every image, of the last checkpoint's parameters when the run diverged.
        var fin = new EpSummary.Final(loop.divergence() == null ? loop.step() : loop.lastCheckpointStep(),
                EquilibriumPropagationTrainer.errorRate(net, trainExamples, evalSweeps),
                EquilibriumPropagationTrainer.errorRate(net, testExamples, evalSweeps));
        var s = new EpSummary(net.describe(), train.name() + " / " + test.name(), SettingsJson.describe(settings),
                settings.seed(),
                loop.step(), loop.updates(), loop.wallSeconds(), loop.step() / Math.max(1e-9, loop.wallSeconds()),
                loop.divergence() != null, loop.divergence(), fin);
        if (out != null) {
            RunFiles.writeSummary(s, out.resolve("summary.json"));
            Charts.savePng(RunCharts.errorHistory(history, net.describe() + " on " + train.name() + ", "
                    + InvalidSetting.label(settings.mode()), "relaxation_steps", "relaxation steps (sweeps)",
                    List.of("train_error", "test_error")), out.resolve("history.png"));
        }
        return new Outcome(history, s, net);
    }
}

package org.flexphase.runs;

import java.util.Objects;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingResult;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.plots.Charts;
import org.flexphase.tables.BoltzmannHistory;
import org.flexphase.tables.Histories;
import tech.tablesaw.api.Table;

/**
 * One training run of a Boltzmann machine on a small binary dataset with exact evaluation at every checkpoint:
 * NLL per row and total variation for the current and the Polyak-averaged parameters. With an output folder
 * it writes {@code history.csv} after every checkpoint (so an interrupted or diverged run keeps its results),
 * then {@code summary.json} (with wall time) and {@code history.png}. The history holds no clock readings, so the
 * same seed gives a bit-identical {@code history.csv}.
 *
 * <pre>{@code
 * BoltzmannRun.Outcome o = new BoltzmannRun("bas4", rows).run(rbm, TrainSettings.DEFAULTS, Path.of("out/local"));
 * Charts.image(RunCharts.boltzmannHistory(o.history(), "local"));
 * }</pre>
 */
public final class BoltzmannRun {
    private final String dataName;
    private final double[][] rows;
    private final DataDistribution data;

    /** Runs on {@code rows}, named {@code dataName} in summaries. */
    public BoltzmannRun(String dataName, double[][] rows) {
        Objects.requireNonNull(dataName, "dataName must not be null");
        Objects.requireNonNull(rows, "rows must not be null");
        this.dataName = dataName;
        this.rows = rows;
        this.data = DataDistribution.of(rows);
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, TrainingResult result, BoltzmannSummary summary) {
        /** This run as one entry of a long table ({@link Histories#stack}), under {@code key}. */
        public Histories.Run asRun(String key) {
            return new Histories.Run(key, summary.config(), summary.seed(), history);
        }
    }

    /** Trains {@code model} in place with these settings; writes files under {@code out} unless it is null. */
    public Outcome run(BoltzmannMachine model, TrainSettings settings, Path out) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        return run(model, new BoltzmannTrainer(settings), out, history -> { });
    }

    /**
     * Trains {@code model} in place with {@code trainer} (its settings, or a phase process given to it), calling
     * {@code afterCheckpoint} with the history so far after every checkpoint (a notebook passes a
     * {@link org.flexphase.plots.LiveChart} to watch the run); writes files under {@code out} unless it is null.
     */
    public Outcome run(BoltzmannMachine model, BoltzmannTrainer trainer, Path out, Consumer<Table> afterCheckpoint) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(trainer, "trainer must not be null");
        Objects.requireNonNull(afterCheckpoint, "afterCheckpoint must not be null");
        BoltzmannHistory recorder = Histories.boltzmann(data);
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        recorder.then(afterCheckpoint);
        TrainingResult result = trainer.train(model, rows, recorder);
        Table history = recorder.table();
        BoltzmannSummary summary = summary(model, trainer, result, history);
        if (out != null) {
            RunFiles.writeSummary(summary, out.resolve("summary.json"));
            Charts.savePng(RunCharts.boltzmannHistory(history, model.describe() + ", " + trainer.settings().mode().name().toLowerCase()),
                    out.resolve("history.png"));
        }
        return new Outcome(history, result, summary);
    }

    private BoltzmannSummary summary(BoltzmannMachine model, BoltzmannTrainer trainer, TrainingResult result,
                                     Table history) {
        int last = history.rowCount() - 1;
        var fin = new BoltzmannSummary.Final(history.longColumn("step").get(last),
                history.doubleColumn("nll_per_row").get(last), history.doubleColumn("tv").get(last),
                history.doubleColumn("nll_per_row_avg").get(last), history.doubleColumn("tv_avg").get(last),
                history.doubleColumn("kl").get(last), data.entropy());
        return new BoltzmannSummary(model.describe(), dataName, rows.length, trainer.describe(), trainer.settings().seed(),
                result.steps(), result.positiveSteps(), result.negativeSteps(), result.wallSeconds(),
                result.stepsPerSecond(), result.diverged(), result.divergence(), fin);
    }
}

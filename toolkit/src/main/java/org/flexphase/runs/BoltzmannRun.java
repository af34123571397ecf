package org.flexphase.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainerConfig;
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
 * BoltzmannRun.Outcome o = new BoltzmannRun("bas4", rows).run(rbm, config, Path.of("out/local"));
 * Charts.image(RunCharts.boltzmannHistory(o.history(), "local"));
 * }</pre>
 */
public final class BoltzmannRun {
    private final String dataName;
    private final double[][] rows;
    private final DataDistribution data;

    /** Runs on {@code rows}, named {@code dataName} in summaries. */
    public BoltzmannRun(String dataName, double[][] rows) {
        this.dataName = dataName;
        this.rows = rows;
        this.data = DataDistribution.of(rows);
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, TrainingResult result, Map<String, Object> summary) {
        /** This run as one entry of a long table ({@link Histories#stack}), under {@code key}. */
        @SuppressWarnings("unchecked")
        public Histories.Run asRun(String key) {
            return new Histories.Run(key, (Map<String, ?>) summary.get("config"), ((Number) summary.get("seed")).longValue(), history);
        }
    }

    /** Trains {@code model} in place; writes files under {@code out} unless it is null. */
    public Outcome run(BoltzmannMachine model, TrainerConfig config, Path out) {
        return run(model, config, out, history -> { });
    }

    /**
     * As {@link #run(BoltzmannMachine, TrainerConfig, Path)}, calling {@code afterCheckpoint} with the history so far
     * after every checkpoint (a notebook passes a {@link org.flexphase.plots.LiveChart} to watch the run).
     */
    public Outcome run(BoltzmannMachine model, TrainerConfig config, Path out, Consumer<Table> afterCheckpoint) {
        BoltzmannHistory recorder = Histories.boltzmann(data);
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        recorder.then(afterCheckpoint);
        TrainingResult result = new BoltzmannTrainer(config).train(model, rows, recorder);
        Table history = recorder.table();
        Map<String, Object> summary = summary(model, config, result, history);
        if (out != null) {
            RunFiles.writeJson(summary, out.resolve("summary.json"));
            Charts.savePng(RunCharts.boltzmannHistory(history, model.describe() + ", " + config.mode.name().toLowerCase()),
                    out.resolve("history.png"));
        }
        return new Outcome(history, result, summary);
    }

    private Map<String, Object> summary(BoltzmannMachine model, TrainerConfig config, TrainingResult result,
                                        Table history) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", model.describe());
        s.put("data", dataName);
        s.put("data_rows", rows.length);
        s.put("config", config.describe());
        s.put("seed", config.seed);
        s.put("steps_done", result.steps());
        s.put("positive_steps", result.positiveSteps());
        s.put("negative_steps", result.negativeSteps());
        s.put("wall_seconds", result.wallSeconds());
        s.put("steps_per_second", result.stepsPerSecond());
        s.put("diverged", result.diverged());
        s.put("divergence", result.divergence());
        int last = history.rowCount() - 1;
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("step", history.longColumn("step").get(last));
        for (String col : List.of("nll_per_row", "tv", "nll_per_row_avg", "tv_avg", "kl")) {
            fin.put(col, history.doubleColumn(col).get(last));
        }
        fin.put("data_entropy_per_row", data.entropy());
        s.put("final", fin);
        return s;
    }
}

package org.flexphase.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.exact.DataDistribution;
import org.flexphase.exact.ExactAnalysis;
import org.flexphase.learning.Trainer;
import org.flexphase.learning.TrainerConfig;
import org.flexphase.learning.TrainingListener;
import org.flexphase.learning.TrainingResult;
import org.flexphase.models.BoltzmannMachine;
import org.flexphase.plots.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * One training run of a Boltzmann machine on a small binary dataset with exact evaluation at every checkpoint:
 * NLL per row and total variation for the current and the Polyak-averaged parameters. With an output folder
 * it writes {@code history.csv} after every checkpoint (so an interrupted or diverged run keeps its results),
 * then {@code summary.json} (with wall time) and {@code history.png}. The history holds no clock readings, so the
 * same seed gives a bit-identical {@code history.csv}.
 */
public final class BoltzmannRun {
    private final String dataName;
    private final double[][] rows;
    private final DataDistribution data;

    public BoltzmannRun(String dataName, double[][] rows) {
        this.dataName = dataName;
        this.rows = rows;
        this.data = DataDistribution.of(rows);
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, TrainingResult result, Map<String, Object> summary) {
    }

    /** Trains {@code model} in place; writes files under {@code out} unless it is null. */
    public Outcome run(BoltzmannMachine model, TrainerConfig config, Path out) {
        Table history = Table.create("history",
                LongColumn.create("step"), DoubleColumn.create("nll_per_row"), DoubleColumn.create("tv"),
                DoubleColumn.create("nll_per_row_avg"), DoubleColumn.create("tv_avg"), DoubleColumn.create("kl"),
                LongColumn.create("positive_steps"), LongColumn.create("negative_steps"));
        TrainingListener listener = c -> {
            ExactAnalysis.Metrics now = ExactAnalysis.metrics(c.current(), data);
            ExactAnalysis.Metrics avg = ExactAnalysis.metrics(c.averaged(), data);
            history.longColumn("step").append(c.step());
            history.doubleColumn("nll_per_row").append(now.nllPerRow());
            history.doubleColumn("tv").append(now.totalVariation());
            history.doubleColumn("nll_per_row_avg").append(avg.nllPerRow());
            history.doubleColumn("tv_avg").append(avg.totalVariation());
            history.doubleColumn("kl").append(now.kl());
            history.longColumn("positive_steps").append(c.positiveSteps());
            history.longColumn("negative_steps").append(c.negativeSteps());
            if (out != null) {
                RunFiles.writeCsv(history, out.resolve("history.csv"));
            }
        };
        TrainingResult result = new Trainer(config).train(model, rows, listener);
        Map<String, Object> summary = summary(model, config, result, history);
        if (out != null) {
            RunFiles.writeJson(summary, out.resolve("summary.json"));
            Charts.savePng(chart(history, model.describe() + ", " + config.mode.name().toLowerCase()),
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

    /** NLL per row (current and averaged) against Gibbs steps. */
    public static org.knowm.xchart.XYChart chart(Table history, String title) {
        double[] x = history.longColumn("step").asDoubleColumn().asDoubleArray();
        List<Charts.Curve> curves = new ArrayList<>();
        curves.add(Charts.Curve.of("NLL per row (current)", x, history.doubleColumn("nll_per_row").asDoubleArray()));
        curves.add(Charts.Curve.of("NLL per row (averaged)", x, history.doubleColumn("nll_per_row_avg").asDoubleArray()));
        return Charts.lineChart(title, "Gibbs steps", "NLL per row (nats)", curves, false, false);
    }
}

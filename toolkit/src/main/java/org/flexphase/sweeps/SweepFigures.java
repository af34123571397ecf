package org.flexphase.sweeps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.plots.TableCharts;
import org.flexphase.runs.RunFiles;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures drawn from a sweep's summary table, like {@code reproduce}'s: for every setting that varies across the
 * sweep (b, the switching probability, as the mean phase length 1/p, and the number of steps), the final metric of
 * each kind against it (NLL per row of the averaged parameters for BAS runs, test error for classifiers, cost for
 * regression networks), mean and min-max over seeds, one curve per combination of the other settings. Diverged and
 * failed runs are left out of the means (the summary lists them). Each figure has its CSV beside it.
 */
public final class SweepFigures {
    private SweepFigures() {
    }

    /**
     * The metric each kind is judged by, in the order a row's is chosen (the first it has): the final NLL per row of
     * the averaged parameters for BAS runs, the test error for classifiers, the cost for regression networks; with the
     * figure name's stem and the axis label.
     */
    static final List<String[]> METRICS = List.of(
            new String[]{"nll_per_row_avg", "nll", "final NLL per row (averaged parameters, nats)"},
            new String[]{"test_error", "test_error", "final test error"},
            new String[]{"cost", "cost", "final cost"});

    /**
     * Writes {@code sweep_<metric>_vs_<setting>.{png,csv}} into {@code out} for every metric some finished run is
     * judged by ({@link #METRICS}: {@code nll}, {@code test_error}, {@code cost}), from those runs only; returns the
     * tables drawn.
     */
    public static Map<String, Table> draw(Table summary, Path out) {
        Map<String, Table> drawn = new LinkedHashMap<>();
        Table finished = summary.containsColumn("diverged")
                ? summary.where(summary.booleanColumn("diverged").isFalse()) : summary;
        if (finished.containsColumn("failed")) {
            finished = finished.where(finished.booleanColumn("failed").isFalse());
        }
        if (finished.containsColumn("key")) {
            // A run two labelled groups share is one sample, not two.
            java.util.Set<String> seen = new java.util.HashSet<>();
            Table[] finishedKey = {finished};
            int[] firsts = java.util.stream.IntStream.range(0, finished.rowCount())
                    .filter(r -> seen.add(finishedKey[0].stringColumn("key").get(r))).toArray();
            finished = finished.rows(firsts);
        }
        for (int k = 0; k < METRICS.size(); k++) {
            String metric = METRICS.get(k)[0];
            if (!finished.containsColumn(metric)) {
                continue;
            }
            Table judged = finished;
            for (int before = 0; before < k; before++) {
                String other = METRICS.get(before)[0];
                if (judged.containsColumn(other)) {
                    judged = judged.where(judged.doubleColumn(other).isMissing());
                }
            }
            judged = judged.where(judged.doubleColumn(metric).isNotMissing());
            if (judged.rowCount() > 0) {
                draw(judged, metric, METRICS.get(k)[1], METRICS.get(k)[2], out, drawn);
            }
        }
        return drawn;
    }

    private static void draw(Table finished, String metric, String stem, String axis, Path out, Map<String, Table> drawn) {
        List<String> numeric = List.of("b", "switch_prob", "steps");
        List<String> labels = List.of("mode", "negative_start", "lr_schedule");
        for (String x : numeric) {
            if (distinct(finished, x) < 2) {
                continue;
            }
            String xName = x.equals("switch_prob") ? "mean_phase_length" : x;
            StringColumn curve = StringColumn.create("curve");
            DoubleColumn xs = DoubleColumn.create(xName);
            for (int r = 0; r < finished.rowCount(); r++) {
                StringBuilder label = new StringBuilder();
                for (String other : numeric) {
                    if (!other.equals(x) && distinct(finished, other) > 1) {
                        label.append(other).append('=').append(finished.doubleColumn(other).get(r)).append(' ');
                    }
                }
                for (String other : labels) {
                    if (distinct(finished, other) > 1) {
                        label.append(finished.stringColumn(other).get(r)).append(' ');
                    }
                }
                curve.append(label.isEmpty() ? "all" : label.toString().strip());
                double xv = finished.doubleColumn(x).get(r);
                xs.append(x.equals("switch_prob") ? 1.0 / xv : xv);
            }
            Table points = Table.create("points", curve, xs, finished.doubleColumn(metric).copy());
            Table t = SeedStats.summarize(points, metric, "curve", xName).setName("sweep_" + stem + "_vs_" + xName);
            RunFiles.writeCsv(t, out.resolve(t.name() + ".csv"));
            Charts.savePng(finalMetricChart(t, xName, axis), out.resolve(t.name() + ".png"));
            drawn.put(t.name(), t);
        }
    }

    /**
     * {@code sweep_nll_vs_<x>}: a summary drawn by {@link #draw} (columns {@code curve}, {@code x}, {@code mean},
     * {@code min}, {@code max}) as one band per curve; log x axis except for b.
     */
    public static XYChart finalNllChart(Table t, String x) {
        return finalMetricChart(t, x, METRICS.get(0)[2]);
    }

    /** As {@link #finalNllChart} for any metric, {@code axis} its label. */
    public static XYChart finalMetricChart(Table t, String x, String axis) {
        String label = x.replace('_', ' ');
        ChartOptions o = ChartOptions.titled("Sweep: " + axis + " vs " + label)
                .axes(label, axis).groupBy("curve").label("all", "all runs");
        return TableCharts.bands(t, x, "mean", "min", "max", x.equals("b") ? o : o.logX());
    }

    static int distinct(Table t, String column) {
        TreeSet<Object> values = new TreeSet<>();
        for (int r = 0; r < t.rowCount(); r++) {
            values.add(t.column(column).get(r));
        }
        return values.size();
    }
}

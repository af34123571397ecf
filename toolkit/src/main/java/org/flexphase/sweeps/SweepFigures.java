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
 * sweep (b, the switching probability, as the mean phase length 1/p, and the number of steps), the final NLL per
 * row of the averaged parameters against it, mean and min-max over seeds, one curve per combination of the other
 * settings. Diverged runs are left out of the means (the summary lists them). Each figure has its CSV beside it.
 */
public final class SweepFigures {
    private SweepFigures() {
    }

    /** Writes {@code sweep_nll_vs_<setting>.{png,csv}} into {@code out}; returns the tables drawn. */
    public static Map<String, Table> draw(Table summary, Path out) {
        Map<String, Table> drawn = new LinkedHashMap<>();
        Table finished = summary.containsColumn("diverged")
                ? summary.where(summary.booleanColumn("diverged").isFalse()) : summary;
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
            Table points = Table.create("points", curve, xs, finished.doubleColumn("nll_per_row_avg").copy());
            Table t = SeedStats.summarize(points, "nll_per_row_avg", "curve", xName).setName("sweep_nll_vs_" + xName);
            RunFiles.writeCsv(t, out.resolve(t.name() + ".csv"));
            Charts.savePng(finalNllChart(t, xName), out.resolve(t.name() + ".png"));
            drawn.put(t.name(), t);
        }
        return drawn;
    }

    /**
     * {@code sweep_nll_vs_<x>}: a summary drawn by {@link #draw} (columns {@code curve}, {@code x}, {@code mean},
     * {@code min}, {@code max}) as one band per curve; log x axis except for b.
     */
    public static XYChart finalNllChart(Table t, String x) {
        String label = x.replace('_', ' ');
        ChartOptions o = ChartOptions.titled("Sweep: final NLL per row (averaged parameters) vs " + label)
                .axes(label, "final NLL per row (nats)").groupBy("curve").label("all", "averaged parameters");
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

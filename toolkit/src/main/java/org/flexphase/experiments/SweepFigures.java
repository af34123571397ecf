package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flexphase.plots.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures drawn from a sweep's summary table, like {@code reproduce}'s: for every setting that varies across the
 * sweep (b, the switching probability, as the mean phase length 1/p, and the number of steps), the final NLL per
 * row of the averaged parameters against it, mean and min-max over seeds, one curve per combination of the other
 * settings. Each figure has its CSV beside it.
 */
public final class SweepFigures {
    private SweepFigures() {
    }

    /** Writes {@code sweep_nll_vs_<setting>.{png,csv}} into {@code out}; returns the tables drawn. */
    public static Map<String, Table> draw(Table summary, Path out) {
        Map<String, Table> drawn = new LinkedHashMap<>();
        List<String> numeric = List.of("b", "switch_prob", "steps");
        List<String> labels = List.of("mode", "negative_start", "lr_schedule");
        for (String x : numeric) {
            if (distinct(summary, x) < 2) {
                continue;
            }
            Map<String, Map<Double, List<Double>>> curves = new TreeMap<>();
            for (int r = 0; r < summary.rowCount(); r++) {
                StringBuilder label = new StringBuilder();
                for (String other : numeric) {
                    if (!other.equals(x) && distinct(summary, other) > 1) {
                        label.append(other).append('=').append(summary.doubleColumn(other).get(r)).append(' ');
                    }
                }
                for (String other : labels) {
                    if (distinct(summary, other) > 1) {
                        label.append(summary.stringColumn(other).get(r)).append(' ');
                    }
                }
                double xv = summary.doubleColumn(x).get(r);
                double key = x.equals("switch_prob") ? 1.0 / xv : xv;
                curves.computeIfAbsent(label.toString().strip(), k -> new TreeMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(summary.doubleColumn("nll_per_row_avg").get(r));
            }
            String xName = x.equals("switch_prob") ? "mean_phase_length" : x;
            Table t = Table.create("sweep_nll_vs_" + xName, StringColumn.create("curve"), DoubleColumn.create(xName),
                    DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                    DoubleColumn.create("seeds"));
            curves.forEach((label, points) -> {
                double[] xs = new double[points.size()];
                double[] mean = new double[xs.length];
                double[] lo = new double[xs.length];
                double[] hi = new double[xs.length];
                int i = 0;
                for (Map.Entry<Double, List<Double>> e : points.entrySet()) {
                    xs[i] = e.getKey();
                    mean[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    lo[i] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                    hi[i] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                    t.stringColumn("curve").append(label.isEmpty() ? "all" : label);
                    t.doubleColumn(xName).append(xs[i]);
                    t.doubleColumn("mean").append(mean[i]);
                    t.doubleColumn("min").append(lo[i]);
                    t.doubleColumn("max").append(hi[i]);
                    t.doubleColumn("seeds").append(e.getValue().size());
                    i++;
                }
            });
            RunFiles.writeCsv(t, out.resolve(t.name() + ".csv"));
            Charts.savePng(Figures.sweepFinalNll(t, xName),
                    out.resolve(t.name() + ".png"));
            drawn.put(t.name(), t);
        }
        return drawn;
    }

    static int distinct(Table t, String column) {
        TreeSet<Object> values = new TreeSet<>();
        for (int r = 0; r < t.rowCount(); r++) {
            values.add(t.column(column).get(r));
        }
        return values.size();
    }
}

package org.flexphase.experiments.networks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.flexphase.plots.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Seed bands for the network family: every figure and table reports the mean over its seeds with the spread (sd,
 * min-max) and the per-seed values, not one seed (docs/experiments.md, "Physical networks"; issue 28).
 */
final class SeedBands {
    private SeedBands() {
    }

    /** Mean, sample sd (0 for one seed), min, max and the values in seed order. */
    record Stats(int seeds, double mean, double sd, double min, double max, String perSeed) {
        static Stats of(List<Double> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no seeds to summarise");
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            StringJoiner each = new StringJoiner("; ");
            values.forEach(v -> each.add(String.format(Locale.ROOT, "%.3g", v)));
            return new Stats(values.size(), mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0,
                    values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), each.toString());
        }
    }

    /**
     * One row per group of {@code runs} (rows with equal {@code keys}, string columns, in first-seen order): the
     * number of seeds and the {@link Stats} of {@code value} over the group's rows sorted by their {@code seed}.
     * A NaN value (a run that did not reach something) is left out of the statistics and counted in
     * {@code missing}.
     */
    static Table bands(String name, Table runs, String value, String... keys) {
        Map<List<String>, List<int[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            List<String> key = new ArrayList<>();
            for (String k : keys) {
                key.add(runs.column(k).getString(i));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[]{runs.intColumn("seed").get(i), i});
        }
        Table t = Table.create(name);
        for (String k : keys) {
            t.addColumns(StringColumn.create(k));
        }
        t.addColumns(IntColumn.create("seeds"), IntColumn.create("missing"), DoubleColumn.create("mean"),
                DoubleColumn.create("sd"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                StringColumn.create("per_seed"));
        for (var g : groups.entrySet()) {
            List<int[]> rows = g.getValue();
            rows.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<Double> values = new ArrayList<>();
            StringJoiner all = new StringJoiner("; ");
            for (int[] r : rows) {
                Double v = runs.doubleColumn(value).get(r[1]);
                boolean missing = v == null || v.isNaN();
                all.add(missing ? "-" : String.format(Locale.ROOT, "%.3g", v));
                if (!missing) {
                    values.add(v);
                }
            }
            for (int k = 0; k < keys.length; k++) {
                t.stringColumn(keys[k]).append(g.getKey().get(k));
            }
            t.intColumn("seeds").append(rows.size());
            t.intColumn("missing").append(rows.size() - values.size());
            if (values.isEmpty()) {
                t.doubleColumn("mean").appendMissing();
                t.doubleColumn("sd").appendMissing();
                t.doubleColumn("min").appendMissing();
                t.doubleColumn("max").appendMissing();
            } else {
                Stats s = Stats.of(values);
                t.doubleColumn("mean").append(s.mean());
                t.doubleColumn("sd").append(s.sd());
                t.doubleColumn("min").append(s.min());
                t.doubleColumn("max").append(s.max());
            }
            t.stringColumn("per_seed").append(all.toString());
        }
        return t;
    }

    /**
     * The mean and min-max band over seeds of curves sampled at the same x (checkpoints of runs with equal steps),
     * up to the shortest curve (a diverged run stops early).
     */
    static Charts.Curve band(String name, List<double[]> xs, List<double[]> ys) {
        if (xs.isEmpty() || xs.size() != ys.size()) {
            throw new IllegalArgumentException("curve '" + name + "': " + xs.size() + " x series and " + ys.size()
                    + " y series; need the same positive number");
        }
        int n = Integer.MAX_VALUE;
        for (double[] y : ys) {
            n = Math.min(n, y.length);
        }
        double[] x = java.util.Arrays.copyOf(xs.get(0), n);
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            low[i] = Double.POSITIVE_INFINITY;
            high[i] = Double.NEGATIVE_INFINITY;
            for (double[] y : ys) {
                mean[i] += y[i] / ys.size();
                low[i] = Math.min(low[i], y[i]);
                high[i] = Math.max(high[i], y[i]);
            }
        }
        return new Charts.Curve(name + " (" + ys.size() + " seeds)", x, mean, low, high);
    }
}

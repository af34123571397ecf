package org.flexphase.plots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Line charts straight from Tablesaw tables, by column name: a training history, a long table of many runs
 * (one curve per value of the {@link ChartOptions#groupBy group} column, the rows of one x value, such as the
 * seeds, drawn as their mean with a shaded band), or a summary that already holds mean, low and high columns.
 * The CLI's figures are drawn by the same methods, so a notebook redraws them identically from their CSV files.
 *
 * <pre>{@code
 * Table runs = Histories.stack(...);                     // key, mode, ..., seed, step, nll_per_row_avg, ...
 * XYChart c = TableCharts.line(runs, "step", List.of("nll_per_row_avg"),
 *         ChartOptions.titled("NLL").axes("Gibbs steps", "nats per row").groupBy("mode").band(Band.MIN_MAX));
 * }</pre>
 */
public final class TableCharts {
    private TableCharts() {
    }

    /**
     * One curve per y column (and per group if the options name a group column). Where several rows share an x
     * value within a curve, the curve is their mean and the band their spread ({@link ChartOptions#band}).
     */
    public static XYChart line(Table table, String x, List<String> ys, ChartOptions options) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(ys, "ys must not be null");
        Objects.requireNonNull(options, "options must not be null");
        for (int i = 0; i < ys.size(); i++) {
            Objects.requireNonNull(ys.get(i), "ys[" + i + "] must not be null");
        }
        // Checked on the whole table first, so an empty group cannot hide a column of text.
        numeric(table, x, "x");
        ys.forEach(y -> numeric(table, y, "y"));
        List<Charts.Curve> curves = new ArrayList<>();
        for (Map.Entry<String, Table> group : groups(table, options.groupBy).entrySet()) {
            for (String y : ys) {
                String name = options.groupBy == null ? options.legend(y)
                        : ys.size() == 1 ? options.legend(group.getKey())
                        : options.legend(group.getKey()) + ", " + options.legend(y);
                curves.add(aggregate(name, group.getValue(), x, y, options.band));
            }
        }
        return Charts.lineChart(curves, options);
    }

    /** As {@link #line(Table, String, List, ChartOptions)} for one y column. */
    public static XYChart line(Table table, String x, String y, ChartOptions options) {
        Objects.requireNonNull(y, "y must not be null");
        return line(table, x, List.of(y), options);
    }

    /**
     * A summary table whose rows already hold a curve's {@code mean} and band edges {@code low} and {@code high}
     * at each x (as {@code reproduce}'s figure tables do), one curve per group if the options name one.
     */
    public static XYChart bands(Table table, String x, String mean, String low, String high, ChartOptions options) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(mean, "mean must not be null");
        Objects.requireNonNull(low, "low must not be null");
        Objects.requireNonNull(high, "high must not be null");
        Objects.requireNonNull(options, "options must not be null");
        boolean band = options.band.drawn();
        // Checked on the whole table first, so an empty group cannot hide a column of text.
        numeric(table, x, "x");
        numeric(table, mean, "mean");
        if (band) {
            numeric(table, low, "low");
            numeric(table, high, "high");
        }
        List<Charts.Curve> curves = new ArrayList<>();
        for (Map.Entry<String, Table> group : groups(table, options.groupBy).entrySet()) {
            Table t = group.getValue().sortAscendingOn(x);
            String name = options.groupBy == null ? options.legend(mean) : options.legend(group.getKey());
            curves.add(new Charts.Curve(name, values(t, x, "x"), values(t, mean, "mean"),
                    band ? values(t, low, "low") : null, band ? values(t, high, "high") : null));
        }
        return Charts.lineChart(curves, options);
    }

    private static Map<String, Table> groups(Table table, String groupBy) {
        Map<String, Table> out = new LinkedHashMap<>();
        if (groupBy == null) {
            out.put("", table);
            return out;
        }
        requireColumn(table, groupBy);
        // Text groups keep their order of first appearance; numeric ones are sorted and named "column = value".
        boolean numeric = table.column(groupBy) instanceof NumericColumn<?>;
        Map<Object, List<Integer>> rows = numeric ? new TreeMap<>() : new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            Object g = numeric ? (Object) table.numberColumn(groupBy).getDouble(r) : table.column(groupBy).getString(r);
            rows.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
        }
        rows.forEach((g, rs) -> out.put(numeric ? groupBy + " = " + table.column(groupBy).getString(rs.get(0)) : (String) g,
                table.rows(rs.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }

    private static Charts.Curve aggregate(String name, Table t, String x, String y, ChartOptions.Band band) {
        double[] xs = values(t, x, "x");
        double[] ys = values(t, y, "y");
        TreeMap<Double, List<Double>> byX = new TreeMap<>();
        for (int r = 0; r < xs.length; r++) {
            byX.computeIfAbsent(xs[r], k -> new ArrayList<>()).add(ys[r]);
        }
        int n = byX.size();
        double[] cx = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            cx[i] = e.getKey();
            mean[i] = Arrays.stream(v).average().orElse(Double.NaN);
            low[i] = band.drawn() ? percentile(v, band.lowPercentile()) : mean[i];
            high[i] = band.drawn() ? percentile(v, band.highPercentile()) : mean[i];
            i++;
        }
        return band.drawn() ? new Charts.Curve(name, cx, mean, low, high) : Charts.Curve.of(name, cx, mean);
    }

    /** The {@code q}-th percentile of sorted values, interpolating linearly between ranks (0 = min, 100 = max). */
    static double percentile(double[] sorted, double q) {
        double rank = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] values(Table t, String column, String role) {
        return numeric(t, column, role).asDoubleArray();
    }

    /**
     * The column {@code column} of {@code table} as numbers, for a chart's {@code role} ("x", "y", ...): a missing
     * column, or one that holds text, dates or booleans, is refused with a message naming the column and its type.
     * Tablesaw's own {@code numberColumn} would turn text into category codes and plot them as if they were values.
     */
    public static NumericColumn<?> numeric(Table table, String column, String role) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(column, "column must not be null");
        Objects.requireNonNull(role, "role must not be null");
        requireColumn(table, column);
        if (!(table.column(column) instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("table '" + table.name() + "': the " + role + " column '" + column
                    + "' holds " + table.column(column).type() + " values; a chart needs numbers there");
        }
        return numbers;
    }

    private static void requireColumn(Table t, String column) {
        if (!t.columnNames().contains(column)) {
            throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + column + "'; columns: "
                    + t.columnNames());
        }
    }
}

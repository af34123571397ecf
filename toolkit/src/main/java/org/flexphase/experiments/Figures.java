package org.flexphase.experiments;

import java.util.List;
import java.util.Objects;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.TableCharts;
import org.flexphase.runs.RunCharts;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The charts of {@code reproduce}, {@code sweep} and of every run's {@code history.png}, each drawn from the table
 * written beside it. The commands call these methods, and a notebook that reads the CSV back with
 * {@code Histories.read} and calls the same method shows the same picture.
 *
 * <pre>{@code
 * Table t = Histories.read(Path.of("results/bas/bas_nll_vs_steps.csv"));
 * BufferedImage shown = Charts.image(Figures.basNllVsSteps(t));
 * }</pre>
 */
public final class Figures {
    /** The best possible NLL per row on the published BAS 4x4 data (32 rows, 30 distinct patterns). */
    public static final double BAS_OPTIMUM = Math.log(32) - 2 * Math.log(2) / 16;

    private Figures() {
    }

    /** A Boltzmann machine's history: NLL per row of the current and averaged parameters against Gibbs steps. */
    public static XYChart boltzmannHistory(Table history, String title) {
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(title, "title must not be null");
        return RunCharts.boltzmannHistory(history, title);
    }

    /** A classifier's history: the error columns named against the step column. */
    public static XYChart errorHistory(Table history, String title, String xLabel, List<String> columns) {
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(xLabel, "xLabel must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        for (int i = 0; i < columns.size(); i++) {
            Objects.requireNonNull(columns.get(i), "columns[" + i + "] must not be null");
        }
        return RunCharts.errorHistory(history, title, xLabel, columns);
    }

    /**
     * {@code mnist_ff_protocols_vs_steps}: Forward-Forward test error against steps, mean and min-max over seeds,
     * one band per mode and protocol.
     */
    public static XYChart ffProtocolsVsSteps(Table table, String title) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Table labelled = table.copy();
        StringColumn curve = StringColumn.create("curve");
        for (int r = 0; r < table.rowCount(); r++) {
            curve.append(table.stringColumn("mode").get(r) + ", " + table.stringColumn("protocol").get(r));
        }
        labelled.addColumns(curve);
        return TableCharts.bands(labelled, "step", "mean", "min", "max",
                ChartOptions.titled(title).axes("training steps (one image each)", "test error").groupBy("curve"));
    }

    /**
     * {@code bas_nll_vs_steps}: NLL per row against Gibbs steps, mean and min-max over seeds, per mode; the
     * averaged parameters for the sampling modes, the current ones for exact ascent (which needs no averaging).
     */
    public static XYChart basNllVsSteps(Table table) {
        Objects.requireNonNull(table, "table must not be null");
        Table curves = curves("step");
        for (int r = 0; r < table.rowCount(); r++) {
            String mode = table.stringColumn("mode").get(r);
            String suffix = mode.equals("exact") ? "" : "_avg";
            double step = TableCharts.numeric(table, "step", "x").getDouble(r);
            add(curves, mode.equals("exact") ? mode : mode + " (averaged)", step, table, r, "mean" + suffix, "min" + suffix, "max" + suffix);
        }
        return bands(curves, "step", ChartOptions.titled("BAS 4x4: NLL vs Gibbs steps, mean and min-max over seeds")
                .axes("Gibbs steps", "NLL per row (nats)").reference("optimum", BAS_OPTIMUM));
    }

    /** {@code bas_nll_vs_b} or {@code bas_nll_vs_phase_length}: final NLL against {@code x}, current and averaged. */
    public static XYChart basFinalNll(Table table, String x) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(x, "x must not be null");
        Table curves = curves(x);
        for (String suffix : List.of("", "_avg")) {
            for (int r = 0; r < table.rowCount(); r++) {
                add(curves, suffix.isEmpty() ? "current parameters" : "averaged parameters",
                        TableCharts.numeric(table, x, "x").getDouble(r), table, r, "mean" + suffix, "min" + suffix,
                        "max" + suffix);
            }
        }
        ChartOptions o = ChartOptions.titled(x.equals("b") ? "BAS 4x4: final NLL vs b (local, p=0.05)"
                        : "BAS 4x4: final NLL vs mean phase length 1/p (b=0.5)")
                .axes(x.replace('_', ' '), "final NLL per row (nats)").reference("optimum", BAS_OPTIMUM);
        return bands(curves, x, x.equals("b") ? o : o.logX());
    }

    /** {@code mnist_*_error_vs_steps}: test error against steps, mean and min-max over seeds, per mode. */
    public static XYChart errorVsSteps(Table table, String title, String xLabel) {
        Objects.requireNonNull(table, "table must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(xLabel, "xLabel must not be null");
        return TableCharts.bands(table, "step", "mean", "min", "max",
                ChartOptions.titled(title).axes(xLabel, "test error").groupBy("mode"));
    }

    /** {@code mnist_ff_error_vs_b}: final Forward-Forward (isd) test error against b, mean and min-max over seeds. */
    public static XYChart ffErrorVsB(Table table, int epochs) {
        Objects.requireNonNull(table, "table must not be null");
        return TableCharts.bands(table, "b", "mean", "min", "max",
                ChartOptions.titled("MNIST Forward-Forward (isd, " + epochs + " epoch(s)): final test error vs b")
                        .axes("b", "final test error (2,000 digits)").label("mean", "isd"));
    }

    private static Table curves(String x) {
        return Table.create("curves", StringColumn.create("curve"), DoubleColumn.create(x), DoubleColumn.create("mean"),
                DoubleColumn.create("low"), DoubleColumn.create("high"));
    }

    private static void add(Table curves, String name, double x, Table t, int r, String mean, String low, String high) {
        curves.stringColumn("curve").append(name);
        curves.doubleColumn(1).append(x);
        curves.doubleColumn("mean").append(TableCharts.numeric(t, mean, "mean").getDouble(r));
        curves.doubleColumn("low").append(TableCharts.numeric(t, low, "low").getDouble(r));
        curves.doubleColumn("high").append(TableCharts.numeric(t, high, "high").getDouble(r));
    }

    private static XYChart bands(Table curves, String x, ChartOptions options) {
        return TableCharts.bands(curves, x, "mean", "low", "high", options.groupBy("curve"));
    }
}

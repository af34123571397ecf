package org.flexphase.experiments.rbmscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flexphase.sweeps.SeedStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** The tables behind {@link RbmScaleFigures}: best settings per mode and size, their curves, and Markdown. */
final class RbmScaleTables {
    /** Final metrics read from each run's summary (errors on all 8,000 / 2,000 digits; AIS log-likelihoods). */
    static final List<String> METRICS = List.of("train_error", "test_error", "test_error_avg", "test_ll", "test_ll_avg",
            "test_ll_pixels", "test_ll_pixels_avg", "ais_effective_runs", "ais_effective_runs_avg");

    private RbmScaleTables() {
    }

    /**
     * Per size, budget and mode, the setting with the lowest mean final test error over its seeds, of the current
     * or of the averaged parameters ({@code parameters} says which); with its other metrics' means over seeds.
     */
    static Table best(Table runs) {
        Table t = Table.create("rbm_scale_best", DoubleColumn.create("hidden"), DoubleColumn.create("steps"),
                StringColumn.create("mode"), StringColumn.create("setting"), DoubleColumn.create("seeds"),
                StringColumn.create("parameters"), DoubleColumn.create("test_error_sd"));
        METRICS.forEach(m -> t.addColumns(DoubleColumn.create(m)));
        Table cells = runs.selectColumns("hidden", "steps", "mode").dropDuplicateRows()
                .sortAscendingOn("hidden", "steps", "mode");
        for (int c = 0; c < cells.rowCount(); c++) {
            Selection in = runs.doubleColumn("hidden").isEqualTo(cells.doubleColumn("hidden").getDouble(c))
                    .and(runs.doubleColumn("steps").isEqualTo(cells.doubleColumn("steps").getDouble(c)))
                    .and(runs.stringColumn("mode").isEqualTo(cells.stringColumn("mode").get(c)));
            Table cell = runs.where(in);
            String bestSetting = null;
            boolean bestAveraged = false;
            double bestError = Double.POSITIVE_INFINITY;
            for (String setting : cell.stringColumn("setting").unique()) {
                Table seeds = cell.where(cell.stringColumn("setting").isEqualTo(setting));
                for (boolean averaged : new boolean[]{false, true}) {
                    double e = seeds.doubleColumn(averaged ? "test_error_avg" : "test_error").mean();
                    if (e < bestError) {
                        bestError = e;
                        bestSetting = setting;
                        bestAveraged = averaged;
                    }
                }
            }
            if (bestSetting == null) {
                continue;
            }
            Table seeds = cell.where(cell.stringColumn("setting").isEqualTo(bestSetting));
            t.doubleColumn("hidden").append(cells.doubleColumn("hidden").getDouble(c));
            t.doubleColumn("steps").append(cells.doubleColumn("steps").getDouble(c));
            t.stringColumn("mode").append(cells.stringColumn("mode").get(c));
            t.stringColumn("setting").append(bestSetting);
            t.doubleColumn("seeds").append(seeds.rowCount());
            t.stringColumn("parameters").append(bestAveraged ? "averaged" : "current");
            double sd = seeds.doubleColumn(bestAveraged ? "test_error_avg" : "test_error").standardDeviation();
            t.doubleColumn("test_error_sd").append(seeds.rowCount() > 1 ? sd : Double.NaN);
            for (String m : METRICS) {
                t.doubleColumn(m).append(seeds.doubleColumn(m).mean());
            }
        }
        return t;
    }

    /** The best setting of each mode (rows of {@link #best} at one size): test error against steps over seeds. */
    static Table errorVsSteps(Table best, Table runs, Map<String, Table> histories) {
        Table t = Table.create("curves", StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"));
        for (int r = 0; r < best.rowCount(); r++) {
            Table seeds = runs.where(runs.doubleColumn("hidden").isEqualTo(best.doubleColumn("hidden").getDouble(r))
                    .and(runs.doubleColumn("steps").isEqualTo(best.doubleColumn("steps").getDouble(r)))
                    .and(runs.stringColumn("mode").isEqualTo(best.stringColumn("mode").get(r)))
                    .and(runs.stringColumn("setting").isEqualTo(best.stringColumn("setting").get(r))));
            boolean averaged = best.stringColumn("parameters").get(r).equals("averaged");
            List<Table> hs = new ArrayList<>();
            seeds.stringColumn("key").forEach(k -> hs.add(histories.get(k)));
            Table band = SeedStats.band(hs, averaged ? "test_error_avg" : "test_error");
            String label = best.stringColumn("mode").get(r) + (averaged ? " (averaged)" : "") + ", "
                    + RbmScaleFigures.num(best.doubleColumn("steps").getDouble(r)) + " steps";
            for (int k = 0; k < band.rowCount(); k++) {
                t.stringColumn("mode").append(label);
                t.doubleColumn("step").append(band.doubleColumn("step").getDouble(k));
                t.doubleColumn("mean").append(band.doubleColumn("mean").getDouble(k));
                t.doubleColumn("min").append(band.doubleColumn("min").getDouble(k));
                t.doubleColumn("max").append(band.doubleColumn("max").getDouble(k));
            }
        }
        return t;
    }

    /** {@link #best} as a Markdown table: errors in percent, log-likelihoods in nats per digit. */
    static String markdown(Table best) {
        StringBuilder md = new StringBuilder("| hidden | Gibbs steps | mode | best setting | seeds | parameters "
                + "| test error % | test error % (averaged) | train error % | test LL log p(x,y) | test LL log p(x) >= "
                + "| AIS effective runs |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < best.rowCount(); r++) {
            String sd = Double.isNaN(best.doubleColumn("test_error_sd").getDouble(r)) ? ""
                    : String.format(Locale.ROOT, " ± %.1f", 100 * best.doubleColumn("test_error_sd").getDouble(r));
            boolean averaged = best.stringColumn("parameters").get(r).equals("averaged");
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %d | %s | %s%s | %s%s | %s | %s | %s | %s |%n",
                    (int) best.doubleColumn("hidden").getDouble(r), RbmScaleFigures.num(best.doubleColumn("steps").getDouble(r)),
                    best.stringColumn("mode").get(r), best.stringColumn("setting").get(r),
                    (int) best.doubleColumn("seeds").getDouble(r), best.stringColumn("parameters").get(r),
                    percent(best.doubleColumn("test_error").getDouble(r)), averaged ? "" : sd,
                    percent(best.doubleColumn("test_error_avg").getDouble(r)), averaged ? sd : "",
                    percent(best.doubleColumn("train_error").getDouble(r)),
                    nats(best.doubleColumn(averaged ? "test_ll_avg" : "test_ll").getDouble(r)),
                    nats(best.doubleColumn(averaged ? "test_ll_pixels_avg" : "test_ll_pixels").getDouble(r)),
                    nats(best.doubleColumn(averaged ? "ais_effective_runs_avg" : "ais_effective_runs").getDouble(r))));
        }
        return md.toString();
    }

    private static String percent(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.1f", 100 * x);
    }

    private static String nats(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.1f", x);
    }
}

package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.List;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.plots.TableCharts;
import org.flexphase.tables.Histories;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Draws the checkpoint curves of several runs, one curve per run, for the docs' seed tables (docs/figures/): a
 * headline number that swings between checkpoints is shown with its curve, not only its last value. Reads the runs
 * the way a notebook does ({@code Histories.readRuns} on a folder holding {@code runs/<name>/}), keeps those whose
 * folder name starts with one of the prefixes, and writes the long table ({@code run, mode, epochs, seed} and the
 * history) as CSV beside two PNGs: every run's curve, and per prefix the mean with its min-max band over seeds.
 *
 * <pre>
 * java -cp toolkit/target/flexphase.jar:toolkit/target/test-classes org.flexphase.experiments.SeedCurvesFigure \
 *     RUNS_FOLDER COLUMN OUT_PREFIX "TITLE" "X LABEL" PREFIX=LEGEND [PREFIX=LEGEND ...]
 * </pre>
 */
public final class SeedCurvesFigure {
    private SeedCurvesFigure() {
    }

    public static void main(String[] args) {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: RUNS_FOLDER COLUMN OUT_PREFIX TITLE X_LABEL PREFIX=LEGEND...");
        }
        Table all = Histories.readRuns(Path.of(args[0]));
        String column = args[1];
        Path out = Path.of(args[2]);
        String title = args[3];
        String xLabel = args[4];
        List<String[]> groups = java.util.Arrays.stream(args, 5, args.length).map(a -> a.split("=", 2)).toList();

        StringColumn group = StringColumn.create("group");
        StringColumn run = StringColumn.create("run");
        Table kept = all.emptyCopy();
        for (int r = 0; r < all.rowCount(); r++) {
            String key = all.stringColumn("key").get(r);
            for (String[] g : groups) {
                if (key.startsWith(g[0])) {
                    kept.append(all.row(r));
                    group.append(g[1]);
                    run.append(g[1] + ", seed " + all.column("seed").getString(r));
                    break;
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no run under " + args[0] + " starts with any of the given prefixes");
        }
        kept.addColumns(group, run);
        Table written = kept.selectColumns("group", "run", "seed", "step", column);
        written.write().csv(out.resolveSibling(out.getFileName() + ".csv").toFile());

        ChartOptions perRun = ChartOptions.titled(title + " (each seed)").axes(xLabel, column.replace('_', ' '))
                .groupBy("run").band(ChartOptions.Band.NONE).size(900, 560);
        Charts.savePng(TableCharts.line(kept, "step", column, perRun), out.resolveSibling(out.getFileName() + ".png"));
        ChartOptions band = ChartOptions.titled(title + " (mean, min-max over seeds)")
                .axes(xLabel, column.replace('_', ' ')).groupBy("group").band(ChartOptions.Band.MIN_MAX).size(900, 560);
        Charts.savePng(TableCharts.line(kept, "step", column, band),
                out.resolveSibling(out.getFileName() + "_band.png"));
        System.out.println("wrote " + out + ".csv, .png, _band.png (" + written.rowCount() + " rows)");
    }
}

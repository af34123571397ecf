package org.flexphase.sweeps;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flexphase.runs.RunFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** One row per finished run: group, key, configuration, seed and final metrics (current and averaged). */
public final class SweepSummary {
    private SweepSummary() {
    }

    /** One row per run; {@code out} is the sweep folder, from whose summaries the wall time of each run is read. */
    public static Table of(List<Sweep.Finished> done, java.nio.file.Path out) {
        Table t = of(done);
        DoubleColumn wall = DoubleColumn.create("wall_seconds");
        for (int r = 0; r < t.rowCount(); r++) {
            java.nio.file.Path summary = out.resolve("runs").resolve(t.stringColumn("key").get(r)).resolve("summary.json");
            wall.append(java.nio.file.Files.exists(summary) ? RunFiles.readJson(summary).path("wall_seconds").asDouble(Double.NaN)
                    : Double.NaN);
        }
        return t.addColumns(wall);
    }

    public static Table of(List<Sweep.Finished> done) {
        Table t = Table.create("sweep_summary", StringColumn.create("group"), StringColumn.create("key"),
                StringColumn.create("mode"), DoubleColumn.create("b"), DoubleColumn.create("switch_prob"),
                StringColumn.create("negative_start"), StringColumn.create("lr_schedule"), DoubleColumn.create("steps"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_step"), DoubleColumn.create("nll_per_row"),
                DoubleColumn.create("nll_per_row_avg"), DoubleColumn.create("tv"), DoubleColumn.create("tv_avg"));
        List<Sweep.Finished> sorted = done.stream()
                .sorted(Comparator.comparing((Sweep.Finished f) -> f.spec().group()).thenComparing(f -> f.spec().config().seed))
                .toList();
        for (Sweep.Finished f : sorted) {
            Map<String, Object> c = f.spec().config().describe();
            Table h = f.history();
            int last = h.rowCount() - 1;
            t.stringColumn("group").append(f.spec().group());
            t.stringColumn("key").append(f.spec().key());
            t.stringColumn("mode").append(c.get("mode").toString());
            t.doubleColumn("b").append(f.spec().config().b);
            t.doubleColumn("switch_prob").append(f.spec().config().switchProbability);
            t.stringColumn("negative_start").append(c.get("negative_start").toString());
            t.stringColumn("lr_schedule").append(c.get("lr_schedule").toString());
            t.doubleColumn("steps").append(f.spec().config().steps);
            t.doubleColumn("seed").append(f.spec().config().seed);
            t.doubleColumn("final_step").append(((Number) h.column("step").get(last)).doubleValue());
            for (String col : new String[]{"nll_per_row", "nll_per_row_avg", "tv", "tv_avg"}) {
                t.doubleColumn(col).append(((Number) h.column(col).get(last)).doubleValue());
            }
        }
        return t;
    }
}

package org.flexphase.sweeps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flexphase.runs.RunFiles;
import org.flexphase.runs.RunKinds;
import org.flexphase.runs.SweepColumns;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One row per run: group, key, configuration, seed, final metrics (current and averaged), whether it diverged (its
 * final metrics are then those of its last finite checkpoint, and figures leave it out) and whether it failed (threw;
 * no metrics, left out of the figures, retried by the next sweep).
 */
public final class SweepSummary {
    static final List<String> BAS_METRICS = List.of("nll_per_row", "nll_per_row_avg", "tv", "tv_avg");
    static final List<String> ERROR_METRICS = List.of("train_error", "test_error");
    static final List<String> COST_METRICS = List.of("cost");
    static final List<String> FINAL_METRICS = List.of("train_error", "test_error", "test_error_avg", "test_ll",
            "test_ll_avg", "test_ll_pixels", "test_ll_pixels_avg");

    private SweepSummary() {
    }

    /** One row per run; {@code out} is the sweep folder, from whose summaries the wall time of each run is read. */
    public static Table of(List<Sweep.Finished> done, Path out) {
        Table t = of(done);
        DoubleColumn wall = DoubleColumn.create("wall_seconds");
        for (int r = 0; r < t.rowCount(); r++) {
            Path summary = out.resolve("runs").resolve(t.stringColumn("key").get(r)).resolve("summary.json");
            wall.append(Files.exists(summary) ? RunFiles.readJson(summary).path("wall_seconds").asDouble(Double.NaN)
                    : Double.NaN);
        }
        t.addColumns(wall);
        addFinalMetrics(t, out);
        addUnstable(t, out);
        return t;
    }

    /**
     * Runs that judge their stability (networks: {@code unstable} in {@code summary.json}) get an {@code unstable}
     * column: finished, finite, but the cost rose above the run's unstable factor times its start or oscillated
     * without trend. Other sweeps' tables keep their columns.
     */
    private static void addUnstable(Table t, Path out) {
        BooleanColumn unstable = BooleanColumn.create("unstable");
        boolean any = false;
        for (int r = 0; r < t.rowCount(); r++) {
            Path summary = out.resolve("runs").resolve(t.stringColumn("key").get(r)).resolve("summary.json");
            com.fasterxml.jackson.databind.JsonNode u = Files.exists(summary)
                    ? RunFiles.readJson(summary).path("unstable") : null;
            any |= u != null && u.isBoolean();
            unstable.append(u != null && u.asBoolean(false));
        }
        if (any) {
            t.addColumns(unstable);
        }
    }

    /**
     * Labelled runs: the final metrics of {@code summary.json} (errors on every image, the checkpoints' on
     * {@code eval_size}; and the AIS test log-likelihood where a run estimated it), as {@code final_<metric>}.
     */
    private static void addFinalMetrics(Table t, Path out) {
        List<com.fasterxml.jackson.databind.JsonNode> finals = new java.util.ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            Path summary = out.resolve("runs").resolve(t.stringColumn("key").get(r)).resolve("summary.json");
            finals.add(Files.exists(summary) ? RunFiles.readJson(summary).path("final") : null);
        }
        for (String m : FINAL_METRICS) {
            if (finals.stream().anyMatch(f -> f != null && f.has(m))) {
                DoubleColumn c = DoubleColumn.create("final_" + m);
                finals.forEach(f -> c.append(f != null && f.path(m).isNumber() ? f.path(m).asDouble() : Double.NaN));
                t.addColumns(c);
            }
        }
    }

    /**
     * One row per run. The metric columns are those some run's history has: {@code nll_per_row}... for BAS runs,
     * {@code cost} for networks, {@code train_error} and {@code test_error} for classifiers; a run lacking one has NaN
     * there. A failed run ({@code failed} true) has NaN metrics and final step.
     */
    public static Table of(List<Sweep.Finished> done) {
        Table t = Table.create("sweep_summary", StringColumn.create("group"), StringColumn.create("key"),
                StringColumn.create("mode"), DoubleColumn.create("b"), DoubleColumn.create("switch_prob"),
                StringColumn.create("negative_start"), StringColumn.create("lr_schedule"), DoubleColumn.create("steps"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_step"));
        List<String> metrics = new java.util.ArrayList<>();
        for (List<String> family : List.of(BAS_METRICS, COST_METRICS, ERROR_METRICS)) {
            if (done.stream().anyMatch(f -> f.history() != null && f.history().containsColumn(family.get(0)))) {
                metrics.addAll(family);
            }
        }
        metrics.forEach(m -> t.addColumns(DoubleColumn.create(m)));
        t.addColumns(BooleanColumn.create("diverged"), BooleanColumn.create("failed"));
        List<Sweep.Finished> sorted = done.stream()
                .sorted(Comparator.comparing((Sweep.Finished f) -> f.spec().group()).thenComparing(f -> f.spec().seed()))
                .toList();
        for (Sweep.Finished f : sorted) {
            t.stringColumn("group").append(f.spec().group());
            t.stringColumn("key").append(f.spec().key());
            SweepColumns c = RunKinds.of(f.spec().settings()).sweepColumns(f.spec().settings());
            t.stringColumn("mode").append(c.mode());
            t.doubleColumn("b").append(c.b());
            t.doubleColumn("switch_prob").append(c.switchProb());
            t.stringColumn("negative_start").append(c.negativeStart());
            t.stringColumn("lr_schedule").append(c.lrSchedule());
            t.doubleColumn("steps").append(c.steps());
            t.doubleColumn("seed").append(f.spec().seed());
            Table h = f.history();
            int last = h == null ? -1 : h.rowCount() - 1;
            t.doubleColumn("final_step").append(last < 0 ? Double.NaN : h.numberColumn("step").getDouble(last));
            for (String m : metrics) {
                t.doubleColumn(m).append(last >= 0 && h.containsColumn(m) ? h.numberColumn(m).getDouble(last) : Double.NaN);
            }
            t.booleanColumn("diverged").append(f.diverged());
            t.booleanColumn("failed").append(f.failed());
        }
        return t;
    }

    /**
     * Tells what a local sweep did: one line on stderr per diverged run and per failed run (key, group, seed and, for a
     * failure, the exception's message), and a last line on stdout with the counts. Returns the exit code: 0 when
     * every run finished without diverging, else 1.
     */
    public static int report(List<Sweep.Finished> done, String summaryName, double seconds, Path summaryFile) {
        long skipped = done.stream().filter(Sweep.Finished::skipped).count();
        List<Sweep.Finished> diverged = done.stream().filter(Sweep.Finished::diverged).toList();
        List<Sweep.Finished> failed = done.stream().filter(Sweep.Finished::failed).toList();
        for (Sweep.Finished f : diverged) {
            System.err.println("flexphase: run " + f.spec().key() + " (" + f.spec().group() + ", seed " + f.spec().seed()
                    + ") diverged; it is marked in " + summaryName + " and left out of the figures");
        }
        for (Sweep.Finished f : failed) {
            System.err.println("flexphase: run " + f.spec().key() + " (" + f.spec().group() + ", seed " + f.spec().seed()
                    + ") failed: " + f.failure() + " (runs/" + f.spec().key() + "/" + RunFolders.FAILED + ")");
        }
        if (!failed.isEmpty()) {
            System.err.println("flexphase: " + failed.size() + " of " + done.size() + " runs failed: "
                    + String.join(", ", failed.stream().map(f -> f.spec().key()).toList())
                    + "; the others are published and summarised; run the sweep again to retry only the failed ones");
        }
        System.out.printf("sweep: %d runs (%d already done, %d diverged, %d failed) in %.1f s -> %s%n", done.size(),
                skipped, diverged.size(), failed.size(), seconds, summaryFile);
        return diverged.isEmpty() && failed.isEmpty() ? 0 : 1;
    }
}

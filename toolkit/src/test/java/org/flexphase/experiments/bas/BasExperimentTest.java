package org.flexphase.experiments.bas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The figures' seed statistics (Tablesaw summarize) against the per-run table, computed independently here. */
class BasExperimentTest {
    @TempDir
    Path tmp;

    @Test
    void figureStatisticsAreTheMeanMinAndMaxOfTheRunsFinalValues() {
        BasProfile tiny = new BasProfile("test", 20_000, 3, 2, 10_000, 2e-4, 4);
        Map<String, Table> tables = new BasExperiment(tiny).run(tmp, 2, r -> { });
        Table runs = tables.get("bas_runs");
        assertEquals(4 * 3 + (9 + 7) * 2, runs.rowCount());
        Table curves = tables.get("bas_nll_vs_steps");
        for (String mode : List.of("standard", "isd", "local")) {
            Table m = curves.where(curves.stringColumn("mode").isEqualTo(mode));
            assertEquals(3, m.rowCount(), mode + ": checkpoints at 0, 10000, 20000");
            double[] finals = runs.where(runs.stringColumn("group").isEqualTo("a:" + mode))
                    .doubleColumn("final_nll_avg").asDoubleArray();
            assertEquals(3, finals.length);
            int last = m.rowCount() - 1;
            assertEquals(20_000, m.doubleColumn("step").get(last));
            assertEquals((finals[0] + finals[1] + finals[2]) / 3, m.doubleColumn("mean_avg").get(last), 1e-12);
            assertEquals(Math.min(finals[0], Math.min(finals[1], finals[2])), m.doubleColumn("min_avg").get(last));
            assertEquals(Math.max(finals[0], Math.max(finals[1], finals[2])), m.doubleColumn("max_avg").get(last));
        }
        Table byB = tables.get("bas_nll_vs_b");
        assertEquals(9, byB.rowCount());
        for (int r = 0; r < byB.rowCount(); r++) {
            double b = byB.doubleColumn("b").get(r);
            double[] finals = runs.where(runs.stringColumn("group").isEqualTo("b:" + b)).doubleColumn("final_nll")
                    .asDoubleArray();
            assertEquals(2, finals.length, "b = " + b);
            assertEquals((finals[0] + finals[1]) / 2, byB.doubleColumn("mean").get(r), 1e-12);
            assertEquals(Math.min(finals[0], finals[1]), byB.doubleColumn("min").get(r));
            assertEquals(Math.max(finals[0], finals[1]), byB.doubleColumn("max").get(r));
        }
        Table byLength = tables.get("bas_nll_vs_phase_length");
        double[] lengths = byLength.doubleColumn("mean_phase_length").asDoubleArray();
        assertEquals(7, lengths.length);
        for (int k = 1; k < lengths.length; k++) {
            assertTrue(lengths[k] > lengths[k - 1], "sorted by the mean phase length 1/p");
        }
        assertEquals(2, lengths[0], 1e-12);
    }
}

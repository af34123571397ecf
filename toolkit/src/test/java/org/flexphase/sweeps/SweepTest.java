package org.flexphase.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            {"base": {"data": "bas3", "hidden": 3, "mode": "local", "lr": 1e-3, "steps": 4000, "eval_every": 2000},
             "grid": {"switch_prob": [0.1, 0.5], "negative_start": ["persistent", "pcd"]},
             "runs": [{"b": 0.3}, {"b": 0.7}],
             "seeds": [1, 2]}
            """;

    List<RunSpec> specs() throws Exception {
        return SweepSpec.parse(RunFiles.json().readTree(SPEC));
    }

    @Test
    void gridIsCrossedWithTheListAndSeeds() throws Exception {
        List<RunSpec> runs = specs();
        assertEquals(2 * 2 * 2 * 2, runs.size());
        assertEquals(runs.size(), runs.stream().map(RunSpec::key).distinct().count(), "keys are unique");
        assertEquals(0.3, runs.get(0).train().b());
        assertEquals(3, runs.get(0).train().hidden());
    }

    @Test
    void keysDependOnEverySettingAndTheSeed() throws Exception {
        RunSpec a = specs().get(0);
        RunSpec again = specs().get(0);
        assertEquals(a.key(), again.key());
        assertNotEquals(a.key(), specs().get(1).key());
    }

    @Test
    void unknownKeysAreRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.parse(RunFiles.json().readTree("{\"base\": {\"learning_rate\": 1}}")));
        assertTrue(e.getMessage().contains("unknown key 'learning_rate'") && e.getMessage().contains("lr"), e.getMessage());
    }

    @Test
    void rerunSkipsFinishedRunsAndResultsDoNotDependOnThreads() throws Exception {
        List<RunSpec> runs = specs().subList(0, 4);
        List<Sweep.Finished> first = new Sweep(tmp.resolve("one"), 1).run(runs, f -> { });
        assertTrue(first.stream().noneMatch(Sweep.Finished::skipped));
        List<Sweep.Finished> again = new Sweep(tmp.resolve("one"), 2).run(runs, f -> { });
        assertTrue(again.stream().allMatch(Sweep.Finished::skipped));
        new Sweep(tmp.resolve("two"), 2).run(runs, f -> { });
        for (RunSpec r : runs) {
            Path a = tmp.resolve("one/runs/" + r.key() + "/history.csv");
            Path b = tmp.resolve("two/runs/" + r.key() + "/history.csv");
            assertEquals(Files.readString(a), Files.readString(b), "same run on 1 and 2 threads");
        }
    }

    @Test
    void summaryHasOneRowPerRunAndFiguresForEveryVaryingSetting() throws Exception {
        List<Sweep.Finished> done = new Sweep(tmp, 2).run(specs(), f -> { });
        tech.tablesaw.api.Table summary = SweepSummary.of(done, tmp);
        assertEquals(16, summary.rowCount());
        assertTrue(summary.doubleColumn("wall_seconds").min() > 0);
        var drawn = SweepFigures.draw(summary, tmp);
        assertEquals(java.util.Set.of("sweep_nll_vs_b", "sweep_nll_vs_mean_phase_length"), drawn.keySet());
        // b varies over 2 values, and the other varying settings (p, negative start) make 4 curves of 2 points.
        assertEquals(8, drawn.get("sweep_nll_vs_b").rowCount());
        assertTrue(drawn.get("sweep_nll_vs_b").doubleColumn("seeds").min() == 2);
        assertTrue(Files.size(tmp.resolve("sweep_nll_vs_mean_phase_length.png")) > 0);
        // Resumed runs (read back from disk) give the same table.
        assertEquals(summary.doubleColumn("nll_per_row").asList(),
                SweepSummary.of(new Sweep(tmp, 1).run(specs(), f -> { }), tmp).doubleColumn("nll_per_row").asList());
    }

    @Test
    void forwardForwardRunsBindTheirOwnSettingsAndRunBesideBoltzmannRuns() throws Exception {
        String spec = """
                {"runs": [{"kind": "ff", "mode": "isd", "epochs": 1, "hidden": [10], "eval_every": 4000,
                           "eval_size": 50, "negatives": "published", "isd_weights": "published"},
                          {"data": "bas3", "hidden": 3, "steps": 400, "eval_every": 200}],
                 "seeds": [4]}
                """;
        List<RunSpec> runs = SweepSpec.parse(spec, "test spec");
        var ff = (org.flexphase.forwardforward.ForwardForwardSettings) runs.get(0).settings();
        assertEquals(List.of(10), ff.hidden());
        assertEquals(org.flexphase.forwardforward.ForwardForwardTrainer.Negatives.PUBLISHED, ff.negatives());
        assertEquals(org.flexphase.forwardforward.ForwardForwardTrainer.IsdWeights.PUBLISHED, ff.isdWeights());
        assertEquals(4, ff.seed());
        assertEquals(org.flexphase.forwardforward.ForwardForwardTrainer.IsdWeights.PUBLISHED,
                new org.flexphase.forwardforward.ForwardForwardTrainer(ff).settings().isdWeights());
        List<Sweep.Finished> done = new Sweep(tmp, 1).run(runs, f -> { });
        tech.tablesaw.api.Table summary = SweepSummary.of(done, tmp);
        assertEquals(2, summary.rowCount());
        int ffRow = summary.stringColumn("mode").get(0).startsWith("ff") ? 0 : 1;
        double error = summary.doubleColumn("test_error").getDouble(ffRow);
        assertTrue(error >= 0 && error < 0.9, "a trained network beats chance: " + error);
        assertTrue(Double.isNaN(summary.doubleColumn("test_error").getDouble(1 - ffRow)), "a BAS run has no test error");
        assertTrue(Files.readString(tmp.resolve("runs/" + runs.get(0).key() + "/spec.json")).contains("\"kind\" : \"ff\""));
    }

    @Test
    void theShippedSpecsBindAndValidate() throws Exception {
        try (var files = Files.list(Path.of("..", "docs", "sweeps"))) {
            List<Path> specs = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertTrue(specs.size() >= 4, specs.toString());
            for (Path f : specs) {
                assertTrue(SweepSpec.read(f).size() >= 5, f.toString());
            }
        }
    }
}

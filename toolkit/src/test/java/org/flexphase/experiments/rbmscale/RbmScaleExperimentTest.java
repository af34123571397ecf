package org.flexphase.experiments.rbmscale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flexphase.runs.RunFiles;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.flexphase.sweeps.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The MNIST-at-scale sweep: its shipped specs, and the best-setting table and figures drawn from real runs. */
class RbmScaleExperimentTest {
    @TempDir
    Path tmp;

    @Test
    void theFullProfileRunsTheDocumentedSpecAndQuickAReducedOne() throws Exception {
        Path docs = Path.of("..", "docs", "sweeps", "mnist-rbm-scale.json");
        assertEquals(RunFiles.json().readTree(Files.readString(docs)), new RbmScaleExperiment("full").spec(),
                "docs/sweeps/mnist-rbm-scale.json is what reproduce --profile full runs");
        List<RunSpec> full = new RbmScaleExperiment("full").specs();
        List<RunSpec> quick = new RbmScaleExperiment("quick").specs();
        Set<Integer> sizes = full.stream().map(r -> r.train().hidden()).collect(Collectors.toSet());
        assertEquals(Set.of(16, 64, 256), sizes);
        Set<String> modes = full.stream().map(r -> RbmScaleFigures.mode(r.train())).collect(Collectors.toSet());
        assertEquals(Set.of("cd-1", "cd-10", "pcd-1", "isd", "local geometric", "local renewal"), modes);
        assertTrue(quick.size() < 8 && quick.stream().allMatch(r -> r.train().hidden() == 64 && r.seed() == 1));
        for (List<RunSpec> specs : List.of(full, quick)) {
            // Equal budgets: every run of one size has the same number of Gibbs steps.
            Map<Integer, Set<Long>> budgets = specs.stream().collect(Collectors.groupingBy(r -> r.train().hidden(),
                    Collectors.mapping(r -> r.train().steps(), Collectors.toSet())));
            budgets.values().forEach(b -> assertEquals(1, b.size(), budgets.toString()));
        }
    }

    @Test
    void theTablePicksEachModesLowestErrorAndTheFiguresDrawIt() {
        String spec = """
                {"base": {"data": "mnist", "hidden": 2, "steps": 2000, "eval_every": 1000, "eval_size": 20,
                          "ais_runs": 2, "ais_steps": 10},
                 "runs": [{"mode": "standard", "lr": 0.01, "seeds": [1, 2]},
                          {"mode": "local", "switch_prob": 0.5, "lr": 0.005},
                          {"mode": "local", "switch_prob": 0.2, "lr": 0.005}]}
                """;
        List<RunSpec> specs = SweepSpec.parse(spec, "test spec");
        List<Sweep.Finished> done = new Sweep(tmp, 1).run(specs, f -> { });
        Map<String, tech.tablesaw.api.Table> tables = RbmScaleFigures.write(done, tmp);
        Table runs = tables.get("rbm_scale_runs");
        Table best = tables.get("rbm_scale_best");
        assertEquals(4, runs.rowCount());
        assertEquals(List.of("cd-1", "local geometric"), best.stringColumn("mode").asList());
        assertEquals(2.0, best.doubleColumn("seeds").get(0));
        // The local entry is the lower of its two settings' errors, current or averaged.
        Table local = runs.where(runs.stringColumn("mode").isEqualTo("local geometric"));
        double lowest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < local.rowCount(); r++) {
            lowest = Math.min(lowest, Math.min(local.doubleColumn("test_error").get(r), local.doubleColumn("test_error_avg").get(r)));
        }
        int row = 1;
        String which = best.stringColumn("parameters").get(row).equals("averaged") ? "test_error_avg" : "test_error";
        assertEquals(lowest, best.doubleColumn(which).get(row), 0.0);
        for (int r = 0; r < runs.rowCount(); r++) {
            double ll = runs.doubleColumn("test_ll").get(r);
            assertTrue(ll < 0 && ll > -794 * Math.log(2) - 1, "log p(x, y) per digit in nats: " + ll);
            assertTrue(runs.doubleColumn("test_ll_pixels").get(r) >= ll, "summing the label can only add mass");
        }
        for (String f : new String[]{"rbm_scale_best.csv", "rbm_scale_best.md", "rbm_scale_runs.csv",
                "rbm_scale_error_vs_steps_h2.png", "rbm_scale_error_vs_steps_h2.csv"}) {
            assertTrue(Files.exists(tmp.resolve(f)), f);
        }
        assertTrue(RunFiles.readHistory(tmp.resolve("rbm_scale_best.csv")).rowCount() == 2);
        assertTrue(tables.containsKey("rbm_scale_error_vs_p_h2") && Files.exists(tmp.resolve("rbm_scale_error_vs_p_h2.png")));
        assertEquals(Set.of("b=0.5 lr=0.005", "b=0.5 lr=0.005 (averaged)"),
                Set.copyOf(tables.get("rbm_scale_error_vs_p_h2").stringColumn("curve").asList()));
        assertTrue(!tables.containsKey("rbm_scale_error_vs_b_h2"), "b does not vary: no figure");
        assertEquals(List.of(1000.0, 2000.0), tables.get("rbm_scale_error_vs_steps_h2").where(
                tables.get("rbm_scale_error_vs_steps_h2").stringColumn("mode").startsWith("cd-1"))
                .doubleColumn("step").asList().subList(1, 3));
        TrainSettings s = specs.get(0).train();
        assertEquals("lr=0.01", RbmScaleFigures.setting(s, true, true));
    }
}

package org.flexphase.experiments.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.FlexiblePhaseMoments;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.circuits.TaskKind;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Seed bands in {@code reproduce --parts networks}: every learning figure's group runs 5 seeds in the full profile
 * (fewer in the quick one), the teacher-task table runs at 64, 512 (and in full 2,048) nodes, and the tables carry
 * each seed and the band over them.
 */
class NetworkExperimentSeedsTest {
    @TempDir
    Path tmp;

    private static Map<String, Set<Long>> seedsByGroup(String profile) {
        Map<String, Set<Long>> seeds = new TreeMap<>();
        for (RunSpec s : new NetworkExperiment(profile).specs()) {
            if (!s.group().startsWith(NetworkRSweep.GROUP) && !s.group().startsWith(NetworkPhaseRatio.GROUP)) {
                seeds.computeIfAbsent(s.group(), g -> new TreeSet<>()).add(((NetworkSettings) s.settings()).seed());
            }
        }
        return seeds;
    }

    @Test
    void theFullProfileRunsFiveSeedsPerGroupAndQuickFewer() {
        Map<String, Set<Long>> full = seedsByGroup("full");
        Set<Long> five = Set.of(1L, 2L, 3L, 4L, 5L);
        full.forEach((g, seeds) -> assertEquals(five, seeds, g));
        assertEquals(9, full.keySet().stream().filter(g -> g.startsWith("teacher:")).count(), "3 sizes x 3 schemes");
        assertEquals(3 * 5 + 2 * 1 + 3, full.keySet().stream().filter(g -> g.startsWith("curve:")).count() + 3,
                "curves: 5 schemes at 2,048 nodes, 6 at 64 and 512");
        Map<String, Set<Long>> quick = seedsByGroup("quick");
        quick.forEach((g, seeds) -> assertEquals(g.startsWith("iris") ? Set.of(1L) : Set.of(1L, 2L), seeds, g));
        assertTrue(quick.keySet().stream().noneMatch(g -> g.startsWith("teacher:2048")), "2,048 teacher: full only");
        long keys = new NetworkExperiment("full").specs().stream().map(RunSpec::key).distinct().count();
        assertEquals(new NetworkExperiment("full").specs().size(), keys, "every run distinct");
    }

    /** Seed 1 of every curve is the run the part always had; the teacher runs differ only in task and relaxation. */
    @Test
    void seedOneIsTheOldRunAndTheTeacherRunsAreTheCurvesSchemesOnTheTeacherTask() {
        for (RunSpec s : new NetworkExperiment("full").specs()) {
            NetworkSettings n = (NetworkSettings) s.settings();
            String[] g = s.group().split(":");
            if (g[0].equals("curve") && n.seed() == 1) {
                NetworkSettings old = g[2].equals(NetworkExperiment.GATED)
                        ? NetworkExperiment.gated(n.nodes(), NetworkExperiment.steps(n.nodes()))
                        : NetworkExperiment.settings("regression", n.nodes(), g[2].startsWith("local") ? "local" : g[2],
                        g[2].startsWith("local") ? Double.parseDouble(g[2].substring("local p=".length())) : 0,
                        NetworkExperiment.steps(n.nodes()));
                assertEquals(old, n, s.group());
            }
            if (g[0].equals("teacher")) {
                assertEquals(TaskKind.TEACHER, n.task());
                assertEquals(NetworkExperiment.TEACHER_RELAX, n.relaxRate());
                NetworkSettings curve = (NetworkSettings) new NetworkExperiment("full").specs().stream()
                        .filter(c -> c.group().equals("curve:" + g[1] + ":" + (g[2].equals(NetworkExperiment.GATED)
                                && g[1].equals("2048") ? "local p=0.2" : g[2])))
                        .filter(c -> ((NetworkSettings) c.settings()).seed() == n.seed()).findFirst().orElseThrow()
                        .settings();
                if (!g[1].equals("2048") || !g[2].equals(NetworkExperiment.GATED)) {
                    assertEquals(curve.withTask(TaskKind.TEACHER).withRelaxRate(NetworkExperiment.TEACHER_RELAX), n,
                            s.group());
                }
            }
        }
    }

    /**
     * Two seeds of a curve and of a teacher run, shortened to 2,000 steps, through the sweep and the part's tables:
     * one row per run with its seed, a band row per group listing both seeds' values in seed order, the teacher's
     * orders of magnitude, and the band figures.
     */
    @Test
    void tablesCarryEverySeedAndTheirBand() {
        NetworkExperiment part = new NetworkExperiment("quick");
        List<Sweep.Job> jobs = part.specs().stream()
                .filter(s -> s.group().equals("curve:64:standard") || s.group().equals("teacher:64:standard"))
                .map(s -> new RunSpec(s.group(), ((NetworkSettings) s.settings()).withSteps(2_000).withEvalEvery(200)))
                .map(Sweep::job).toList();
        assertEquals(4, jobs.size());
        part.runTables(new Sweep(tmp, 1).runJobs(jobs, r -> { }), tmp);
        Table finals = Table.read().csv(tmp.resolve("network_final.csv").toFile());
        assertEquals(4, finals.rowCount());
        Table bands = Table.read().csv(tmp.resolve("network_final_bands.csv").toFile());
        assertEquals(2, bands.rowCount());
        for (int i = 0; i < bands.rowCount(); i++) {
            String task = bands.column("task").getString(i);
            Table rows = finals.where(finals.stringColumn("task").isEqualTo(task)).sortAscendingOn("seed");
            assertEquals(List.of(1, 2), rows.intColumn("seed").asList(), task);
            assertEquals(String.format(java.util.Locale.ROOT, "%.3g; %.3g", rows.doubleColumn("relative_cost").get(0),
                    rows.doubleColumn("relative_cost").get(1)), bands.stringColumn("per_seed").get(i), task);
            assertEquals((rows.doubleColumn("relative_cost").get(0) + rows.doubleColumn("relative_cost").get(1)) / 2,
                    bands.doubleColumn("mean").get(i), 1e-9, task);
        }
        Table orders = Table.read().csv(tmp.resolve("network_teacher_orders.csv").toFile());
        assertEquals(1, orders.rowCount());
        Table teacher = finals.where(finals.stringColumn("task").isEqualTo("teacher"));
        assertEquals(-Math.log10(teacher.doubleColumn("relative_cost").get(0)),
                teacher.doubleColumn("orders_of_magnitude").get(0), 1e-9);
        assertTrue(Files.exists(tmp.resolve("network_error_vs_steps_64.png")));
        assertTrue(Files.exists(tmp.resolve("network_teacher_vs_steps_64.png")));
    }

    /** Seed 1 of the exact-bias table is the 12-node network it always had; the other seeds are other networks. */
    @Test
    void exactBiasSeedOneIsTheOldNetwork() {
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(12, 4.0, 5), 2, 2, 1.0, 1e-3,
                1e3, 6);
        CoupledLearning sys = new CoupledLearning(net, CouplingTask.randomLinear(2, 2, 2, 7), 0.1,
                Relaxation.Kind.UNIFORM, 0.25);
        double[] u = sys.twoPhaseUpdate();
        double[] h = FlexiblePhaseMoments.meanUpdate(sys, 0.5, 0.05, 0.05);
        double d = 0;
        double nu = 0;
        for (int e = 0; e < u.length; e++) {
            d += (h[e] - u[e]) * (h[e] - u[e]);
            nu += u[e] * u[e];
        }
        Table t = ExactBias.table(2);
        Table cell = t.where(t.doubleColumn("relax_rate").isEqualTo(0.25).and(t.doubleColumn("p").isEqualTo(0.05)));
        assertEquals(2, cell.rowCount());
        assertEquals(Math.sqrt(d / nu), cell.doubleColumn("relative_bias").get(0), 1e-12, "seed 1");
        assertTrue(Math.abs(cell.doubleColumn("relative_bias").get(1) - Math.sqrt(d / nu)) > 1e-6, "seed 2 differs");
    }
}

package org.flexphase.experiments.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flexphase.data.Digits;
import org.flexphase.data.MnistSubset;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.runs.ForwardForwardRun;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The MNIST experiment's job list: the protocol comparison's runs and the keys finished runs are found by. */
class MnistExperimentTest {
    @TempDir
    Path tmp;

    static final MnistExperiment FULL = new MnistExperiment(MnistProfile.of("full"));

    static Map<String, List<Sweep.Job>> byGroup(List<Sweep.Job> jobs) {
        Map<String, List<Sweep.Job>> m = new java.util.TreeMap<>();
        jobs.forEach(j -> m.computeIfAbsent(j.group(), g -> new java.util.ArrayList<>()).add(j));
        return m;
    }

    @Test
    void thePairedCellsAreTheFigureRunsThemselves() {
        // The comparison's paired cells have (a)'s settings, hence (a)'s keys: no run is done twice.
        var only = new MnistExperiment(MnistProfile.of("full"), true);
        Map<String, List<Sweep.Job>> all = byGroup(FULL.jobs());
        Map<String, List<Sweep.Job>> cells = byGroup(only.jobs());
        for (String mode : ForwardForwardProtocols.MODES) {
            assertEquals(all.get("a:" + mode).stream().map(Sweep.Job::key).toList(),
                    cells.get(ForwardForwardProtocols.PAIRED + mode).stream().map(Sweep.Job::key).toList(), mode);
            assertEquals("paired", all.get("a:" + mode).get(0).description().get("negatives"));
            assertEquals("unbiased", all.get("a:" + mode).get(0).description().get("isd_weights"));
        }
    }

    @Test
    void thePublishedProtocolHasItsOwnRunsAndKeys() {
        Map<String, List<Sweep.Job>> g = byGroup(FULL.jobs());
        Set<String> keys = new HashSet<>();
        FULL.jobs().forEach(j -> keys.add(j.key()));
        for (String mode : ForwardForwardProtocols.MODES) {
            List<Sweep.Job> published = g.get(ForwardForwardProtocols.PUBLISHED + mode);
            assertEquals(5, published.size(), mode);
            for (int s = 0; s < 5; s++) {
                Map<String, Object> d = published.get(s).description();
                assertEquals("published", d.get("negatives"));
                assertEquals("published", d.get("isd_weights"));
                Map<String, Object> paired = new java.util.TreeMap<>(g.get(ForwardForwardProtocols.PAIRED + mode).get(s)
                        .description());
                paired.put("negatives", "published");
                paired.put("isd_weights", "published");
                assertEquals(paired, d, "only the protocol differs from the paired run of the same seed");
            }
        }
        assertEquals(FULL.jobs().size(), keys.size(), "no two runs share a key");
    }

    @Test
    void protocolsOnlyRunsBothProtocolsOfStandardAndIsd() {
        var only = new MnistExperiment(MnistProfile.of("quick"), true);
        Map<String, List<Sweep.Job>> g = byGroup(only.jobs());
        assertEquals(Set.of("a:standard", "a:isd", "p:standard", "p:isd"), g.keySet());
        g.values().forEach(list -> assertEquals(3, list.size()));
        assertTrue(byGroup(new MnistExperiment(MnistProfile.of("quick")).jobs()).keySet().stream()
                .noneMatch(k -> k.startsWith("p:")), "quick leaves the comparison to --ff-protocols-only");
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void theProtocolTableSummarisesEachRunsFinalErrors() {
        // Small real runs (784-8 net, 200 training digits) under the four groups the comparison draws.
        MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
        Digits train = split.train().select("train200", range(200));
        Digits test = split.test().select("test100", range(100));
        List<Sweep.Job> jobs = new ArrayList<>();
        for (String[] g : ForwardForwardProtocols.groups()) {
            for (long seed = 1; seed <= 3; seed++) {
                var settings = ForwardForwardSettings.DEFAULTS.withMode(ForwardForwardTrainer.Mode.parse(g[1]))
                        .withB(0.5).withSwitchProb(0.05).withEpochs(1).withLr(0.01).withThreshold(2.0)
                        .withHidden(List.of(8)).withEvalEvery(100).withEvalSize(50).withSeed(seed);
                var c = g[0].equals("published") ? settings.withPublishedProtocol() : settings;
                jobs.add(new Sweep.Job(g[2], Map.of("group", g[2], "seed", seed),
                        dir -> new ForwardForwardRun(train, test).run(c, dir).history()));
            }
        }
        List<Sweep.JobResult> done = new Sweep(tmp, 1).runJobs(jobs, r -> { });
        Map<String, Table> tables = ForwardForwardProtocols.write(done, tmp, MnistProfile.of("quick"));
        Table fin = tables.get("mnist_ff_protocols_final");
        assertEquals(4, fin.rowCount());
        for (int row = 0; row < 4; row++) {
            String[] g = ForwardForwardProtocols.groups().get(row);
            assertEquals(g[0], fin.stringColumn("protocol").get(row));
            assertEquals(g[1], fin.stringColumn("mode").get(row));
            assertEquals(3, fin.intColumn("seeds").get(row));
            double[] errors = done.stream().filter(r -> r.job().group().equals(g[2])).mapToDouble(r ->
                    RunFiles.readJson(tmp.resolve("runs").resolve(r.job().key()).resolve("summary.json"))
                            .get("final").get("test_error").asDouble()).toArray();
            double mean = (errors[0] + errors[1] + errors[2]) / 3;
            double var = 0;
            for (double e : errors) {
                var += (e - mean) * (e - mean) / 2;
            }
            assertEquals(mean, fin.doubleColumn("mean_test_error").get(row), 1e-12, g[2]);
            assertEquals(Math.sqrt(var), fin.doubleColumn("sd_test_error").get(row), 1e-12, g[2]);
            assertEquals(java.util.Arrays.stream(errors).min().getAsDouble(), fin.doubleColumn("min_test_error").get(row));
            assertEquals(java.util.Arrays.stream(errors).max().getAsDouble(), fin.doubleColumn("max_test_error").get(row));
        }
        assertEquals(4 * 3, tables.get("mnist_ff_protocols_vs_steps").rowCount(), "checkpoints 0, 100, 200 per curve");
        assertTrue(Files.exists(tmp.resolve("mnist_ff_protocols_final.csv")));
        assertTrue(Files.exists(tmp.resolve("mnist_ff_protocols_vs_steps.png")));
    }
}

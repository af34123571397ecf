package org.flexphase.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real local Spark context (one per JVM, shared by the tests), no mocks. */
class SparkSweepTest {
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("flexphase-test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** 2 switching probabilities x 2 modes... x 2 seeds: 8 small BAS runs. */
    static final String SPEC = """
            {"base": {"data": "bas4", "hidden": 4, "mode": "local", "lr": 1e-3, "steps": 20000, "eval_every": 5000},
             "grid": {"switch_prob": [0.05, 0.2]},
             "runs": [{"b": 0.5}, {"b": 0.3, "negative_start": "pcd"}],
             "seeds": [1, 2]}
            """;

    @Test
    void sparkWritesTheLocalRunnersFilesFileForFile(@TempDir Path tmp) throws Exception {
        List<RunSpec> specs = SparkSweep.parse(SPEC);
        assertEquals(8, specs.size());
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        new Sweep(local, 2).run(specs, f -> { });
        List<SparkSweep.Outcome> outcomes = SparkSweep.run(sc, SPEC, spark);
        assertEquals(8, outcomes.size());
        for (RunSpec s : specs) {
            Path a = local.resolve("runs").resolve(s.key());
            Path b = spark.resolve("runs").resolve(s.key());
            assertArrayEquals(Files.readAllBytes(a.resolve("history.csv")), Files.readAllBytes(b.resolve("history.csv")),
                    "history of " + s.key());
            assertArrayEquals(Files.readAllBytes(a.resolve("spec.json")), Files.readAllBytes(b.resolve("spec.json")));
            assertEquals(withoutTimings(a.resolve("summary.json")), withoutTimings(b.resolve("summary.json")),
                    "summary of " + s.key() + " (apart from wall-clock fields)");
            assertTrue(Files.size(b.resolve("history.png")) > 0);
        }
        // Run again: every run is found finished and skipped.
        assertTrue(SparkSweep.run(sc, SPEC, spark).stream().allMatch(SparkSweep.Outcome::skipped));
    }

    static String withoutTimings(Path summary) {
        ObjectNode o = (ObjectNode) RunFiles.readJson(summary);
        o.remove(List.of("wall_seconds", "steps_per_second"));
        return o.toString();
    }

    @Test
    void aFailingRunIsReportedByKeyWhileTheOthersFinishAndARerunRunsOnlyIt(@TempDir Path out) throws Exception {
        // An existing but empty data folder passes the spec's checks and fails inside the run (a missing folder is
        // refused before any run starts).
        Path empty = Files.createDirectories(out.resolve("flexphase-data"));
        String dir = empty.toString().replace("\\", "/");
        String broken = """
                {"base": {"hidden": 4, "mode": "local", "lr": 1e-3, "steps": 10000, "eval_every": 5000},
                 "runs": [{"data": "bas4"}, {"data": "mnist", "data_dir": "DIR"}], "seeds": [1, 2]}
                """.replace("DIR", dir);
        List<SparkSweep.Outcome> first = SparkSweep.run(sc, broken, out);
        List<String> failedKeys = first.stream().filter(SparkSweep.Outcome::failed).map(SparkSweep.Outcome::key).toList();
        List<String> badKeys = SparkSweep.parse(broken).stream().filter(s -> s.train().data().equals("mnist")).map(RunSpec::key).toList();
        assertEquals(badKeys, failedKeys);
        assertTrue(first.stream().filter(SparkSweep.Outcome::failed).allMatch(o -> o.error().contains("flexphase-data")),
                first.toString());
        for (SparkSweep.Outcome o : first) {
            assertEquals(!o.failed(), Files.exists(out.resolve("runs").resolve(o.key()).resolve("summary.json")), o.key());
        }
        String fixed = broken.replace("{\"data\": \"mnist\", \"data_dir\": \"" + dir + "\"}", "{\"data\": \"bas3\"}");
        List<SparkSweep.Outcome> second = SparkSweep.run(sc, fixed, out);
        assertTrue(second.stream().noneMatch(SparkSweep.Outcome::failed));
        List<String> ran = second.stream().filter(o -> !o.skipped()).map(SparkSweep.Outcome::key).sorted().toList();
        List<String> fixedKeys = SparkSweep.parse(fixed).stream().filter(s -> s.train().data().equals("bas3"))
                .map(RunSpec::key).sorted().collect(Collectors.toList());
        assertEquals(fixedKeys, ran, "the re-run runs only the fixed configuration");
        assertFalse(ran.isEmpty());
    }

    @Test
    void aHadoopUriReceivesTheSameRunsPublishedAtomicallyAndASummary(@TempDir Path tmp) throws Exception {
        List<RunSpec> specs = SparkSweep.parse(SPEC);
        Path local = tmp.resolve("local");
        new Sweep(local, 2).run(specs, f -> { });
        Path store = tmp.resolve("store");
        String uri = store.toUri().toString(); // file:///..., read and written through Hadoop's FileSystem
        assertTrue(RunStore.isUri(uri));
        List<SparkSweep.Outcome> outcomes = SparkSweep.runOnStore(sc, SPEC, uri);
        assertTrue(outcomes.stream().noneMatch(SparkSweep.Outcome::failed), outcomes.toString());
        for (RunSpec s : specs) {
            assertArrayEquals(Files.readAllBytes(local.resolve("runs").resolve(s.key()).resolve("history.csv")),
                    Files.readAllBytes(store.resolve("runs").resolve(s.key()).resolve("history.csv")), s.key());
        }
        try (var names = Files.list(store.resolve("runs"))) {
            assertTrue(names.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary folders left");
        }
        assertTrue(SparkSweep.runOnStore(sc, SPEC, uri).stream().allMatch(SparkSweep.Outcome::skipped));
        String summary = RunStore.publishSummary(uri, SPEC, outcomes, sc.hadoopConfiguration());
        assertTrue(summary.endsWith("sweep_summary.csv"));
        assertEquals(1 + 8, Files.readAllLines(store.resolve("sweep_summary.csv")).size());
        assertTrue(Files.exists(store.resolve("sweep_nll_vs_mean_phase_length.png")));
    }

    @Test
    void aDivergedRunIsReportedAsDivergedOnAPathAndOnAUri(@TempDir Path tmp) throws Exception {
        String spec = """
                {"base": {"data": "bas3", "hidden": 3, "mode": "local", "steps": 4000, "eval_every": 2000},
                 "runs": [{"lr": 1e-3}, {"lr": 1e308}]}
                """;
        List<RunSpec> specs = SparkSweep.parse(spec);
        for (List<SparkSweep.Outcome> outcomes : List.of(SparkSweep.run(sc, spec, tmp.resolve("path")),
                SparkSweep.runOnStore(sc, spec, tmp.resolve("uri").toUri().toString()),
                SparkSweep.runOnStore(sc, spec, tmp.resolve("uri").toUri().toString()))) {
            assertEquals(List.of(false, true), outcomes.stream().map(SparkSweep.Outcome::diverged).toList(), outcomes.toString());
            assertEquals(specs.get(1).key(), outcomes.get(1).key());
        }
        assertTrue(Files.readString(tmp.resolve("path/runs").resolve(specs.get(1).key()).resolve("summary.json"))
                .contains("\"diverged\" : true"));
    }

    @Test
    void localMasterAttemptsComeFromTheMasterString() {
        assertEquals(1, SparkSweep.maxAttempts(new SparkConf().setMaster("local[*]")));
        assertEquals(3, SparkSweep.maxAttempts(new SparkConf().setMaster("local[2, 3]")));
        assertEquals(4, SparkSweep.maxAttempts(new SparkConf().setMaster("spark://h:7077")));
        assertEquals(4, SparkSweep.maxAttempts(new SparkConf().setMaster("local-cluster[2,1,1024]")));
        assertTrue(RunStore.isUri("hdfs://namenode:8020/results") && RunStore.isUri("s3a://bucket/x"));
        assertFalse(RunStore.isUri("/shared/results") || RunStore.isUri("results/long"));
    }
}

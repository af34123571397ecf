package org.flexphase.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors in separate JVMs: Spark's {@code local-cluster[2,1,1024]} master starts a standalone Master and two
 * Workers inside this JVM, and each Worker launches its executor as a child JVM, all on 127.0.0.1. Spark looks for
 * its jars under {@code spark.test.home}; with {@code spark.testing} set, the executors get this JVM's class path
 * instead, so two empty folders are all the "installation" needed. The test kills the executor JVMs with
 * SIGKILL while a run is half-way; Spark retries the lost task on the other executor (and the Worker launches a
 * new one).
 */
class SparkClusterTest {
    /** Four BAS runs, each long enough (several checkpoints) to be caught half-way. */
    static final String SPEC = """
            {"base": {"data": "bas4", "hidden": 6, "mode": "local", "lr": 1e-3, "steps": 200000, "eval_every": 10000},
             "grid": {"switch_prob": [0.05, 0.2]},
             "seeds": [1, 2]}
            """;

    @Test
    void executorJvmsKilledMidRunAreReplacedAndTheFilesEqualTheLocalRunnersByteForByte(@TempDir Path tmp)
            throws Exception {
        List<RunSpec> specs = SparkSweep.parse(SPEC);
        Path local = tmp.resolve("local");
        Path cluster = tmp.resolve("cluster");
        new Sweep(local, 2).run(specs, f -> { });

        Path sparkHome = tmp.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createDirectories(sparkHome.resolve("launcher/target/scala-2.13")); // how the launcher finds Scala's version
        org.apache.spark.util.Utils.setCustomHostname("127.0.0.1"); // Workers and executors: loopback only
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", sparkHome.toString());
        List<Object> lostTasks = new CopyOnWriteArrayList<>();
        long killed;
        List<SparkSweep.Outcome> outcomes;
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local-cluster[2,1,1024]")
                .setAppName("flexphase-cluster-test").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"))) {
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.reason() instanceof ExecutorLostFailure lost) {
                        lostTasks.add(lost);
                    }
                }
            });
            CompletableFuture<List<SparkSweep.Outcome>> sweep =
                    CompletableFuture.supplyAsync(() -> SparkSweep.run(sc, SPEC, cluster));
            killed = killExecutorsOnceARunIsHalfWay(cluster, sweep);
            outcomes = sweep.get();
        } finally {
            System.clearProperty("spark.testing");
            System.clearProperty("spark.test.home");
        }
        assertTrue(killed > 0, "an executor JVM was killed half-way through a run");
        assertFalse(lostTasks.isEmpty(), "Spark saw tasks lost with their executor and retried them");
        assertTrue(outcomes.stream().noneMatch(SparkSweep.Outcome::failed), outcomes.toString());
        for (RunSpec s : specs) {
            Path a = local.resolve("runs").resolve(s.key());
            Path b = cluster.resolve("runs").resolve(s.key());
            assertArrayEquals(Files.readAllBytes(a.resolve("history.csv")), Files.readAllBytes(b.resolve("history.csv")),
                    "history of " + s.key());
            assertArrayEquals(Files.readAllBytes(a.resolve("spec.json")), Files.readAllBytes(b.resolve("spec.json")));
            assertEquals(SparkSweepTest.withoutTimings(a.resolve("summary.json")),
                    SparkSweepTest.withoutTimings(b.resolve("summary.json")), "summary of " + s.key());
            assertTrue(Files.size(b.resolve("history.png")) > 0);
        }
        assertTrue(executors().isEmpty(), "the executor JVMs stop with the context");
    }

    /**
     * Waits until some run has written checkpoints but not its summary, then kills an executor JVM with SIGKILL
     * (both run a task by then: one core each, more tasks than cores); returns how many were killed (0 if the
     * sweep ended first, which the test reports as a failure). The other executor takes the lost task.
     */
    static long killExecutorsOnceARunIsHalfWay(Path out, CompletableFuture<?> sweep) throws Exception {
        while (!sweep.isDone()) {
            if (someRunIsHalfWay(out.resolve("runs"))) {
                List<ProcessHandle> victims = executors().stream().limit(1).toList();
                victims.forEach(ProcessHandle::destroyForcibly);
                for (ProcessHandle p : victims) {
                    p.onExit().get();
                }
                return victims.size();
            }
            Thread.sleep(5);
        }
        return 0;
    }

    static boolean someRunIsHalfWay(Path runs) {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.anyMatch(d -> {
                try {
                    return Files.exists(d.resolve("history.csv")) && !Files.exists(d.resolve("summary.json"))
                            && Files.readAllLines(d.resolve("history.csv")).size() > 2;
                } catch (java.io.IOException e) {
                    return false; // being renamed into place right now
                }
            });
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * This JVM's child JVMs: the in-process Workers launch the executors, and nothing else here starts a JVM (their
     * command lines, which name the executor class after a long class path, may be cut short by the kernel).
     */
    static List<ProcessHandle> executors() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("/java"))
                .toList();
    }
}

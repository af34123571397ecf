package org.flexphase.sweeps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line sweep in a child JVM, killed with SIGKILL 20 times at seeded random moments and resumed, ends
 * with the same files as an uninterrupted sweep, byte for byte (wall-clock fields aside) and nothing else: no
 * working folders, temporary or lock files. A moment is a random point of progress (an unfinished run holding a
 * random number of checkpoints, half the time all 11) plus a random delay of up to 150 ms, so kills land inside
 * runs, between a run's last files and around publication, whatever the machine's speed.
 */
class SweepKillTest {
    static final long SEED = 20260214L;
    static final int KILLS = 20;

    /** 12 runs of 11 checkpoints each (steps 0, 10000, ..., 100000). */
    static final String SPEC = """
            {"base": {"data": "bas3", "hidden": 3, "mode": "local", "lr": 1e-3, "steps": 100000, "eval_every": 10000},
             "grid": {"switch_prob": [0.05, 0.2], "b": [0.3, 0.5, 0.7]}, "seeds": [1, 2]}
            """;

    @TempDir
    Path tmp;

    Process sweep(Path spec, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.flexphase.cli.Main", "sweep", "--spec", spec.toString(), "--out", out.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    @Test
    void killedTwentyTimesAndResumedEqualsAnUninterruptedSweep() throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.json"), SPEC);
        Path reference = tmp.resolve("reference");
        Path killed = tmp.resolve("killed");
        assertEquals(0, finish(sweep(spec, reference)), "uninterrupted sweep");

        SplittableRandom random = new SplittableRandom(SEED);
        int midRun = 0;
        for (int k = 0; k < KILLS; k++) {
            // Half the kills aim at a run's end (its last checkpoint written, then summary, chart and publication).
            int checkpoints = random.nextBoolean() ? 11 : 1 + random.nextInt(10);
            long extraMillis = random.nextLong(151);
            Process p = sweep(spec, killed);
            boolean reached = waitForAWorkingFolderWith(killed.resolve("runs"), checkpoints, p);
            Thread.sleep(extraMillis);
            if (p.isAlive()) {
                midRun += reached ? 1 : 0;
                p.destroyForcibly(); // SIGKILL
            }
            p.waitFor();
        }
        System.out.printf("SweepKillTest: seed %d, %d kills, %d of them inside a run%n", SEED, KILLS, midRun);
        assertTrue(midRun > 0, "at least one kill landed inside a run");
        assertEquals(0, finish(sweep(spec, killed)), "resumed sweep");
        assertSameFiles(reference, killed);
    }

    static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(10, TimeUnit.MINUTES)) { // a hang, not slowness: a sweep here takes seconds
            p.destroyForcibly();
            throw new AssertionError("sweep did not end");
        }
        return p.exitValue();
    }

    /**
     * Waits until some run under {@code runs/} (its working folder, in practice) has at least {@code checkpoints}
     * rows of history and no summary yet, or the sweep ends.
     */
    static boolean waitForAWorkingFolderWith(Path runs, int checkpoints, Process p) throws InterruptedException {
        while (p.isAlive()) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    if (s.anyMatch(d -> !Files.exists(d.resolve("summary.json"))
                            && rows(d.resolve("history.csv")) >= checkpoints)) {
                        return true;
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    // a folder renamed or deleted while listed: look again
                }
            }
            Thread.sleep(2);
        }
        return false;
    }

    static long rows(Path history) {
        try (Stream<String> lines = Files.lines(history)) {
            return lines.count() - 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names = relativeFiles(expected);
        List<String> got = relativeFiles(actual);
        assertEquals(List.of(), names.stream().filter(n -> !got.contains(n)).toList(), "missing after the kills");
        assertEquals(List.of(), got.stream().filter(n -> !names.contains(n)).toList(), "left over after the kills");
        for (String name : names) {
            Path a = expected.resolve(name);
            Path b = actual.resolve(name);
            if (Files.isDirectory(a)) {
                continue;
            } else if (name.endsWith("summary.json")) {
                assertEquals(withoutTimings(a), withoutTimings(b), name);
            } else if (name.equals("sweep_summary.csv")) {
                assertEquals(withoutLastColumn(a), withoutLastColumn(b), name + " apart from wall_seconds");
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), name);
            }
        }
    }

    static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .sorted().toList();
        }
    }

    static String withoutTimings(Path summary) {
        ObjectNode o = (ObjectNode) RunFiles.readJson(summary);
        o.remove(List.of("wall_seconds", "steps_per_second"));
        return o.toString();
    }

    static List<String> withoutLastColumn(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",wall_seconds"), lines.get(0));
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}

package org.flexphase.sweeps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders under concurrent writers, duplicates, kills between files, and leftovers of killed runs. */
class RunFoldersTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            {"base": {"data": "bas3", "hidden": 3, "mode": "local", "lr": 1e-3, "steps": 30000, "eval_every": 10000},
             "grid": {"switch_prob": [0.1, 0.5]},
             "seeds": [1, 2, 3]}
            """;

    static List<RunSpec> specs() throws Exception {
        return SweepSpec.parse(RunFiles.json().readTree(SPEC));
    }

    /** The spec's runs as jobs that count how often each key's body runs (the body is the real run). */
    static List<Sweep.Job> counted(List<RunSpec> specs, Map<String, AtomicInteger> calls) {
        List<Sweep.Job> jobs = new ArrayList<>();
        for (RunSpec s : specs) {
            Sweep.Job real = Sweep.job(s);
            jobs.add(new Sweep.Job(real.group(), real.description(), dir -> {
                calls.computeIfAbsent(real.key(), k -> new AtomicInteger()).incrementAndGet();
                return real.body().apply(dir);
            }));
        }
        return jobs;
    }

    @Test
    void twoSweepsAndADuplicatedKeyOnOneFolderRunEachKeyOnceAndPublishCompleteRuns() throws Exception {
        List<RunSpec> specs = specs();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        List<RunSpec> withDuplicate = new ArrayList<>(specs);
        withDuplicate.add(specs.get(0));
        Path out = tmp.resolve("shared");
        // Two sweeps in parallel on the same keys in the same order (as two users or overlapping shards would):
        // they start on the same runs at the same moment.
        Thread other = new Thread(() -> new Sweep(out, 2).runJobs(counted(withDuplicate, calls), r -> { }));
        other.start();
        List<Sweep.JobResult> mine = new Sweep(out, 2).runJobs(counted(withDuplicate, calls), r -> { });
        other.join();
        assertEquals(withDuplicate.size(), mine.size(), "one result per job, duplicates included");
        for (RunSpec s : specs) {
            assertEquals(1, calls.get(s.key()).get(), "runs of key " + s.key());
            assertTrue(RunFolders.finished(out.resolve("runs").resolve(s.key())));
        }
        // And the files are those of a sweep alone.
        Path alone = tmp.resolve("alone");
        new Sweep(alone, 1).run(specs, f -> { });
        for (RunSpec s : specs) {
            assertArrayEquals(Files.readAllBytes(alone.resolve("runs").resolve(s.key()).resolve("history.csv")),
                    Files.readAllBytes(out.resolve("runs").resolve(s.key()).resolve("history.csv")));
        }
        try (Stream<Path> names = Files.list(out.resolve("runs"))) {
            assertTrue(names.allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{16}")),
                    "only published runs: no working folders, temporary or lock files");
        }
    }

    @Test
    void aRunWithoutItsChartIsNotFinishedAndRunsAgain() throws Exception {
        RunSpec s = specs().get(0);
        Path out = tmp.resolve("out");
        new Sweep(out, 1).run(List.of(s), f -> { });
        Path dir = out.resolve("runs").resolve(s.key());
        byte[] history = Files.readAllBytes(dir.resolve("history.csv"));
        Files.delete(dir.resolve("history.png")); // killed after summary.json, before history.png
        List<Sweep.Finished> again = new Sweep(out, 1).run(List.of(s), f -> { });
        assertFalse(again.get(0).skipped(), "a run missing its chart is run again");
        assertTrue(Files.size(dir.resolve("history.png")) > 0);
        assertArrayEquals(history, Files.readAllBytes(dir.resolve("history.csv")));
    }

    @Test
    void leftoversOfKilledRunsAreRemovedOnStartButNotAWorkingFolderInUse() throws Exception {
        List<RunSpec> specs = specs();
        Path out = tmp.resolve("out");
        RunFolders folders = new RunFolders(out);
        String killed = specs.get(0).key();
        String busy = "00000000000000ff";
        Files.createDirectories(folders.work(killed));
        Files.writeString(folders.work(killed).resolve("history.csv"), "step,nll_per_row\n0,11.0\n");
        Files.writeString(folders.work(killed).resolve(".history.csv.1234.tmp"), "step,nl");
        Files.writeString(out.resolve("runs").resolve(".spec.json.99.tmp"), "{");
        Files.createDirectories(folders.work(busy));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                folders.locked(busy, () -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        holding.await();
        int removed = new Sweep(out, 1).removeLeftovers();
        release.countDown();
        writer.join();
        assertEquals(2, removed, "the killed run's working folder and the stray temporary file");
        assertFalse(Files.exists(folders.work(killed)));
        assertFalse(Files.exists(out.resolve("runs").resolve(".spec.json.99.tmp")));
        assertTrue(Files.isDirectory(folders.work(busy)), "a working folder whose writer holds its lock stays");
        // A sweep starts by cleaning, then runs the killed key from scratch.
        assertFalse(new Sweep(out, 1).run(specs.subList(0, 1), f -> { }).get(0).skipped());
        assertTrue(RunFolders.finished(folders.dir(killed)));
    }

    /** Issue 25: a dangling {@code runs/.<key>.lock} link is replaced, not followed: nothing is created outside. */
    @Test
    void aDanglingLockLinkIsReplacedNotFollowed() throws Exception {
        Path out = tmp.resolve("linked");
        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("victim");
        Files.createDirectories(out.resolve("runs"));
        Path lock = out.resolve("runs").resolve(".0000000000000abc.lock");
        Files.createSymbolicLink(lock, outside);
        assertEquals(7, new RunFolders(out).locked("0000000000000abc", () -> 7));
        assertFalse(Files.exists(outside, java.nio.file.LinkOption.NOFOLLOW_LINKS), "no file created outside --out");
        assertFalse(Files.isSymbolicLink(lock));
    }
}

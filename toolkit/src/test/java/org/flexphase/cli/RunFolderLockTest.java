package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.flexphase.runs.FolderLock;
import org.flexphase.runs.RunFiles;
import org.flexphase.runs.RunKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25: a single run locks its {@code --out}, and every file a run kind writes is one of its run files. */
class RunFolderLockTest {
    @TempDir
    Path tmp;

    private static String[] network(int seed, Path out, String... more) {
        String[] base = {"network", "--nodes", "20", "--mode", "twin", "--lr", "0.1", "--steps", "1500",
            "--eval-every", "500", "--seed", String.valueOf(seed), "--out", out.toString()};
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private static long seedIn(Path file) {
        return RunFiles.readJson(file).get("seed").asLong();
    }

    /**
     * Two runs with different seeds started together on one folder: exactly one succeeds (the other exits 2), and
     * every file in the folder is that run's. Twenty trials; the count of mixed folders is printed (expected 0).
     */
    @Test
    void twoRunsStartedTogetherOnOneFolderNeverMixTheirFiles() throws Exception {
        Path[] ref = {tmp.resolve("ref1"), tmp.resolve("ref2")};
        for (int seed = 1; seed <= 2; seed++) {
            assertEquals(0, Main.run(network(seed, ref[seed - 1])));
        }
        int trials = 20;
        int mixed = 0;
        int bothSucceeded = 0;
        int otherNotRefused = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int t = 0; t < trials; t++) {
                Path out = tmp.resolve("shared" + t);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return Main.run(network(1, out));
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return Main.run(network(2, out));
                });
                int ca = a.get();
                int cb = b.get();
                if (ca == 0 && cb == 0) {
                    bothSucceeded++;
                }
                int winner = ca == 0 ? 1 : 2;
                Path r = ref[winner - 1];
                boolean same = seedIn(out.resolve("spec.json")) == winner
                        && seedIn(out.resolve("summary.json")) == winner
                        && Files.readString(out.resolve("history.csv")).equals(Files.readString(r.resolve("history.csv")))
                        && Files.readString(out.resolve("network.csv")).equals(Files.readString(r.resolve("network.csv")))
                        && java.util.Arrays.equals(Files.readAllBytes(out.resolve("network.png")),
                                Files.readAllBytes(r.resolve("network.png")));
                if (!same || (ca != 0) == (cb != 0)) {
                    mixed++;
                }
                if (Math.max(ca, cb) != 2) {
                    otherNotRefused++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("RunFolderLockTest: " + trials + " concurrent trials, " + mixed + " mixed, "
                + bothSucceeded + " with both runs exiting 0");
        assertEquals(0, bothSucceeded, "exactly one of two runs on one folder succeeds");
        assertEquals(0, mixed, "a folder's files all come from the run that succeeded");
        assertEquals(0, otherNotRefused, "the run that did not succeed exits 2");
    }

    @Test
    void aRunOnAFolderAnotherRunHoldsExitsTwoNamingIt() throws Exception {
        Path out = tmp.resolve("held");
        try (FolderLock held = FolderLock.tryLock(out)) {
            assertTrue(held != null);
            FailureMessagesTest.Ran r = FailureMessagesTest.run(network(1, out));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--out " + out + " is in use: another run holds it"), r.err());
            assertFalse(Files.exists(out.resolve("spec.json")), "nothing written into a held folder");
        }
        assertEquals(0, Main.run(network(1, out)), "released once the holder is done");
    }

    @Test
    void everyKindListsEveryFileItWritesAndOverwriteRemovesThemAll() throws Exception {
        assertTrue(RunKinds.NETWORK.files().containsAll(java.util.List.of("network.csv", "network.png")));
        assertTrue(OutputFolder.RUN_FILES.containsAll(RunKinds.NETWORK.files()));
        Path out = tmp.resolve("net");
        assertEquals(0, Main.run(network(1, out)));
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.equals(FolderLock.NAME) || RunKinds.NETWORK.files().contains(name),
                        name + " is listed among the network kind's files");
            }
        }
        String[] train = {"train", "--steps", "200", "--eval-every", "100", "--out", out.toString()};
        FailureMessagesTest.Ran refused = FailureMessagesTest.run(train);
        assertEquals(2, refused.code(), refused.err());
        assertEquals(0, Main.run(Stream.concat(Stream.of(train), Stream.of("--overwrite")).toArray(String[]::new)));
        assertFalse(Files.exists(out.resolve("network.csv")), "--overwrite removes the network run's network.csv");
        assertFalse(Files.exists(out.resolve("network.png")), "--overwrite removes the network run's network.png");
    }

    @Test
    void aFolderHoldingOnlyNetworkFilesIsAnotherRuns() throws Exception {
        Path out = tmp.resolve("only");
        Files.createDirectories(out);
        Files.writeString(out.resolve("network.csv"), "edge\n");
        Files.writeString(out.resolve("network.png"), "png");
        FailureMessagesTest.Ran r = FailureMessagesTest.run("train", "--steps", "200", "--eval-every", "100",
                "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("holds another run's files (network.csv, network.png)"), r.err());
        assertFalse(Files.exists(out.resolve("spec.json")));
    }

    @Test
    void aKilledRunsTemporaryFilesAreRemovedOnTheRerun() throws Exception {
        Path out = tmp.resolve("killed");
        Files.createDirectories(out);
        Path stale = Files.writeString(out.resolve(".history.csv.5f3a9c.tmp"), "step,co");
        Path png = Files.writeString(out.resolve(".network.png.77.tmp"), "x");
        Path notOurs = Files.writeString(out.resolve(".notes.txt.1.tmp"), "mine");
        assertEquals(0, Main.run(network(1, out)));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(png));
        assertTrue(Files.exists(notOurs), "only temporaries of run files are removed");
    }

    @Test
    void aDanglingLockLinkCreatesNothingOutsideTheFolder() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("linked"));
        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("victim");
        Files.createSymbolicLink(out.resolve(FolderLock.NAME), outside);
        assertEquals(0, Main.run(network(1, out)));
        assertFalse(Files.exists(outside, java.nio.file.LinkOption.NOFOLLOW_LINKS), "no file created outside --out");
        assertFalse(Files.isSymbolicLink(out.resolve(FolderLock.NAME)));
    }
}

package org.flexphase.sweeps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flexphase.runs.FolderLock;
import org.flexphase.runs.RunFiles;

/**
 * The run folders under {@code <out>/runs}, safe against concurrent writers and kills.
 *
 * <ul>
 *   <li>A run is written into its working folder {@code runs/.<key>.work/} (its history rewritten after every
 *       checkpoint, as always) and published with one rename to {@code runs/<key>/}, so a run folder is either
 *       absent or complete.</li>
 *   <li>Finished means published with all of {@link #FILES}; a folder missing any of them (written by an older
 *       version, or damaged) is run again.</li>
 *   <li>While a run is worked on, its writer holds an exclusive lock on {@code runs/.<key>.lock}
 *       ({@link java.nio.channels.FileChannel#lock}, which other processes see, also on NFS with locking); another sweep or shard on
 *       the same folder waits for it and then finds the run finished. The lock file is removed once the run is
 *       published, so only unfinished keys have one.</li>
 *   <li>A working folder or a temporary file nobody holds the lock of is a leftover of a killed process: it is
 *       deleted when a sweep starts ({@link #removeLeftovers}) and before its key runs again.</li>
 * </ul>
 */
final class RunFolders {
    /** What a finished run holds. */
    static final List<String> FILES = RunFiles.COMMON;
    /** What a run that threw holds beside its {@code spec.json}: the exception (its folder is not finished). */
    static final String FAILED = "failed.json";

    private final Path runs;

    RunFolders(Path out) {
        this.runs = out.toAbsolutePath().resolve("runs");
    }

    Path dir(String key) {
        return runs.resolve(key);
    }

    Path work(String key) {
        return runs.resolve("." + key + ".work");
    }

    static boolean finished(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Something done while holding a key's lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code body} holding the key's lock, waiting for another thread or process that holds it. */
    <T> T locked(String key, Locked<T> body) throws IOException {
        return withLock(key, true, body);
    }

    /** As {@link #locked(String, Locked)}; without {@code wait}, returns null at once if another writer holds it. */
    <T> T locked(String key, boolean wait, Locked<T> body) throws IOException {
        return withLock(key, wait, body);
    }

    private <T> T withLock(String key, boolean wait, Locked<T> body) throws IOException {
        Path lockFile = runs.resolve("." + key + ".lock");
        Files.createDirectories(runs);
        try (FolderLock hold = FolderLock.acquire(lockFile, wait)) {
            if (hold == null) {
                return null;
            }
            T result = body.run();
            if (finished(dir(key))) {
                // Waiters holding the old file open will find the run finished; later writers make a new file.
                Files.deleteIfExists(lockFile);
            }
            return result;
        }
    }

    /**
     * Prepares a key's working folder (holding its lock): deletes a leftover one and an unfinished run folder, and
     * returns the empty working folder.
     */
    Path freshWork(String key) throws IOException {
        deleteTree(work(key));
        if (Files.exists(dir(key)) && !finished(dir(key))) {
            // Also a failed run's folder: it is run again.
            deleteTree(dir(key));
        }
        return Files.createDirectories(work(key));
    }

    /** Publishes a key's working folder as its run folder with one rename (holding its lock). */
    void publish(String key) throws IOException {
        Files.move(work(key), dir(key), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes what killed processes left under {@code runs/}: working folders and temporary files whose key is not
     * locked by a live writer. Returns how many entries it removed.
     */
    int removeLeftovers() throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        int removed = 0;
        List<Path> entries;
        try (Stream<Path> s = Files.list(runs)) {
            entries = s.filter(p -> p.getFileName().toString().endsWith(".work")
                    || RunFiles.isTemporary(p.getFileName().toString())).toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.endsWith(".work")) {
                String key = name.substring(1, name.length() - ".work".length());
                Boolean gone = withLock(key, false, () -> {
                    deleteTree(p);
                    return true;
                });
                removed += gone == null ? 0 : 1;
            } else {
                // Temporary files directly under runs/ are never written by a run (runs write into their folder).
                Files.deleteIfExists(p);
                removed++;
            }
        }
        return removed;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

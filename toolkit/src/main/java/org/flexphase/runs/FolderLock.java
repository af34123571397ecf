package org.flexphase.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive hold on a lock file ({@link FileChannel#lock}/{@link FileChannel#tryLock}, which other processes see,
 * plus a lock per file inside this JVM, which file locks do not give): a single run's hold on its output folder
 * ({@code <folder>/.flexphase.lock}, {@link #tryLock(Path)}), and a sweep's hold on one run's key
 * ({@link #acquire(Path, boolean)}). While one holder has it, another is refused at once or waits, so two runs never
 * mix their files. A lock file is opened without following a symbolic link; a single run's stays after the run
 * (removing it would let a late opener lock a file nobody else sees).
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside a single run's folder. */
    public static final String NAME = ".flexphase.lock";

    /**
     * Holds taken in this JVM, by lock file: file locks exclude other processes only, and Linux releases them all when
     * any channel on the file closes, so threads of one JVM must never lock the same file twice.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> HELD = new ConcurrentHashMap<>();

    private final ReentrantLock mine;
    private final FileChannel channel;

    private FolderLock(ReentrantLock mine, FileChannel channel) {
        this.mine = mine;
        this.channel = channel;
    }

    /** Takes the lock on {@code folder} (creating it), or returns null at once if another run holds it. */
    public static FolderLock tryLock(Path folder) throws IOException {
        Files.createDirectories(folder);
        return acquire(folder.toAbsolutePath().normalize().resolve(NAME), false);
    }

    /**
     * Takes an exclusive lock on {@code lockFile} (its folder must exist), waiting for another thread or process
     * that holds it when {@code wait}; without {@code wait} returns null at once if anyone holds it, this thread
     * included.
     */
    public static FolderLock acquire(Path lockFile, boolean wait) throws IOException {
        ReentrantLock mine = HELD.computeIfAbsent(lockFile, f -> new ReentrantLock());
        if (wait) {
            mine.lock();
        } else if (mine.isHeldByCurrentThread() || !mine.tryLock()) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = RunFiles.openLockFile(lockFile);
            FileLock lock;
            try {
                lock = wait ? channel.lock() : channel.tryLock();
            } catch (OverlappingFileLockException e) {
                if (wait) {
                    throw e;
                }
                lock = null; // held in this JVM under another name of the same file
            } catch (IOException e) {
                throw new IOException("cannot lock " + lockFile + " (a filesystem without file locks?): "
                        + e.getMessage(), e);
            }
            if (lock == null) {
                channel.close();
                mine.unlock();
                return null;
            }
            return new FolderLock(mine, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the lock's own failure is the one to report
                }
            }
            mine.unlock();
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            mine.unlock();
        }
    }
}

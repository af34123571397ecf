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
 * A single run's hold on its output folder: an exclusive lock ({@link FileChannel#tryLock}, which other processes
 * see) on {@code <folder>/.flexphase.lock}, as a sweep locks each of its runs. While one run holds it, another run
 * on the same folder is refused at once, so two runs never mix their files. The lock file stays (removing it would
 * let a late opener lock a file nobody else sees); it is opened without following a symbolic link.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside the folder. */
    public static final String NAME = ".flexphase.lock";

    /** Holds taken in this JVM: file locks exclude other processes only, so threads are excluded here. */
    private static final ConcurrentHashMap<Path, ReentrantLock> HELD = new ConcurrentHashMap<>();

    private final ReentrantLock mine;
    private final FileChannel channel;

    private FolderLock(ReentrantLock mine, FileChannel channel) {
        this.mine = mine;
        this.channel = channel;
    }

    /** Takes the lock on {@code folder} (creating it), or returns null at once if another run holds it. */
    public static FolderLock tryLock(Path folder) throws IOException {
        Path file = folder.toAbsolutePath().normalize().resolve(NAME);
        ReentrantLock mine = HELD.computeIfAbsent(file, f -> new ReentrantLock());
        if (mine.isHeldByCurrentThread() || !mine.tryLock()) {
            return null;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = RunFiles.openLockFile(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held in this JVM under another name of the same folder
            } catch (IOException e) {
                throw new IOException("cannot lock " + file + " (a filesystem without file locks?): " + e.getMessage(),
                        e);
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

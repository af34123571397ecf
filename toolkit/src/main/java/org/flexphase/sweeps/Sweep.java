package org.flexphase.sweeps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flexphase.runs.RunFiles;
import org.flexphase.runs.RunKinds;
import tech.tablesaw.api.Table;

/**
 * Runs many {@link RunSpec}s on a thread pool. Each run is published as {@code runs/<key>/} (spec, history,
 * summary, chart) as soon as it finishes, atomically and under a per-key lock ({@link RunFolders}); a finished run
 * is skipped, so an interrupted sweep resumes without redoing finished runs, and two sweeps or overlapping shards
 * on one folder run each key once. Results do not depend on the thread count: each run's randomness comes from
 * its own seed only.
 */
public final class Sweep {
    private final Path out;
    private final int threads;
    private final RunFolders folders;

    public Sweep(Path out, int threads) {
        this.out = out;
        this.threads = Math.max(1, threads);
        this.folders = new RunFolders(out);
    }

    /**
     * Runs {@code write} (a sweep's summary table and figures) holding an exclusive lock on {@code out/.summary.lock},
     * after deleting the temporary files a killed writer left in {@code out}: concurrent sweeps on one folder take
     * turns, and each file is replaced atomically.
     */
    public static void withSummaryLock(Path out, Runnable write) {
        Path lockFile = out.toAbsolutePath().resolve(".summary.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            synchronized (Sweep.class) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                     var lock = channel.lock();
                     var leftovers = Files.list(lockFile.getParent())) {
                    for (Path p : leftovers.filter(f -> RunFiles.isTemporary(f.getFileName().toString())).toList()) {
                        Files.deleteIfExists(p);
                    }
                    write.run();
                }
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + out + ": " + e.getMessage(), e);
        }
    }

    /** Deletes working folders and temporary files that killed runs left behind; returns how many. */
    public int removeLeftovers() {
        try {
            return folders.removeLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + out.resolve("runs") + ": " + e.getMessage(), e);
        }
    }

    /**
     * A finished run: its spec, its history table (read back from disk when it was skipped), whether it diverged, and
     * why it failed (null when it did not: a failed run threw, has no history and is recorded in
     * {@code runs/<key>/failed.json}; a re-run retries it).
     */
    public record Finished(RunSpec spec, Table history, boolean skipped, boolean diverged, String failure) {
        public Finished(RunSpec spec, Table history, boolean skipped, boolean diverged) {
            this(spec, history, skipped, diverged, null);
        }

        /** Whether the run threw instead of finishing. */
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Any kind of run: a group label, a description of everything that determines its result (hashed into its
     * key and written as {@code spec.json}), and a body that runs it into a folder and returns its history.
     */
    public record Job(String group, Map<String, Object> description, Function<Path, Table> body) {
        public String key() {
            return RunSpec.hash(description);
        }
    }

    /** A finished job, its history (read back from disk when it was skipped), whether it diverged and why it failed. */
    public record JobResult(Job job, Table history, boolean skipped, boolean diverged, String failure) {
        public JobResult(Job job, Table history, boolean skipped, boolean diverged) {
            this(job, history, skipped, diverged, null);
        }
    }

    /** A spec's run as a job: the spec's description is its key's source, the body trains and evaluates it. */
    public static Job job(RunSpec spec) {
        return new Job(spec.group(), spec.describe(), dir -> RunKinds.of(spec.settings()).run(spec.settings(), dir).history());
    }

    /**
     * Runs every spec (or loads it when already done), calling {@code onDone} as each finishes, in any order. A run
     * that throws does not stop the others: it comes back failed ({@link Finished#failure()}), recorded in
     * {@code runs/<key>/failed.json} (its spec and the exception), and is retried by the next sweep.
     */
    public List<Finished> run(List<RunSpec> specs, Consumer<Finished> onDone) {
        List<Job> jobs = new ArrayList<>();
        Map<Job, RunSpec> byJob = new java.util.IdentityHashMap<>();
        for (RunSpec spec : specs) {
            Job job = job(spec);
            jobs.add(job);
            byJob.put(job, spec);
        }
        Function<JobResult, Finished> finished = r -> new Finished(byJob.get(r.job()), r.history(), r.skipped(),
                r.diverged(), r.failure());
        return runJobs(jobs, r -> onDone.accept(finished.apply(r)), true).stream().map(finished).toList();
    }

    /**
     * Runs every job (or loads it when already done), calling {@code onDone} as each finishes, in any order. Jobs
     * with the same key run once and share the result. A key another sweep is running is put back at the end of the
     * queue, so two sweeps on one folder share the work; only when every key left is busy does a worker wait.
     */
    public List<JobResult> runJobs(List<Job> jobs, Consumer<JobResult> onDone) {
        return runJobs(jobs, onDone, false);
    }

    /** As {@link #runJobs(List, Consumer)}; with {@code isolate}, a job that throws comes back failed instead. */
    private List<JobResult> runJobs(List<Job> jobs, Consumer<JobResult> onDone, boolean isolate) {
        removeLeftovers();
        Map<String, List<Job>> sameKey = new java.util.LinkedHashMap<>();
        for (Job job : jobs) {
            sameKey.computeIfAbsent(job.key(), k -> new ArrayList<>()).add(job);
        }
        Map<String, java.util.concurrent.CompletableFuture<JobResult>> byKey = new java.util.HashMap<>();
        sameKey.keySet().forEach(k -> byKey.put(k, new java.util.concurrent.CompletableFuture<>()));
        java.util.concurrent.BlockingDeque<List<Job>> queue = new java.util.concurrent.LinkedBlockingDeque<>(sameKey.values());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> work(queue, byKey, onDone, isolate));
            }
            List<JobResult> done = new ArrayList<>();
            for (Job job : jobs) {
                try {
                    JobResult r = byKey.get(job.key()).get();
                    done.add(new JobResult(job, r.history(), r.skipped(), r.diverged(), r.failure()));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r; // its message names the run's file or setting and the reason
                    }
                    throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
                }
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: takes keys from the queue until it is empty, deferring keys other writers hold. */
    private void work(java.util.concurrent.BlockingDeque<List<Job>> queue,
                      Map<String, java.util.concurrent.CompletableFuture<JobResult>> byKey, Consumer<JobResult> onDone,
                      boolean isolate) {
        int busyInARow = 0;
        for (List<Job> group = queue.pollFirst(); group != null; group = queue.pollFirst()) {
            Job first = group.get(0);
            try {
                JobResult r = busyInARow > queue.size() ? runOne(first, true, isolate) : runOne(first, false, isolate);
                if (r == null) {
                    queue.addLast(group);
                    busyInARow++;
                    continue;
                }
                busyInARow = 0;
                for (Job job : group) {
                    onDone.accept(new JobResult(job, r.history(), r.skipped(), r.diverged(), r.failure()));
                }
                byKey.get(first.key()).complete(r);
            } catch (IOException e) {
                byKey.get(first.key()).completeExceptionally(
                        new UncheckedIOException("run " + first.key() + ": " + e.getMessage(), e));
            } catch (RuntimeException | Error e) {
                byKey.get(first.key()).completeExceptionally(e);
            }
        }
    }

    /**
     * Runs one spec into {@code runs/<key>/}, or loads it when its summary is already there: the unit of work of
     * every runner (this pool, a Spark task, a shard of a job array), so all of them write identical files.
     */
    public Finished runOrLoad(RunSpec spec) {
        Job job = job(spec);
        try {
            JobResult r = runOne(job);
            return new Finished(spec, r.history(), r.skipped(), r.diverged());
        } catch (IOException e) {
            throw new UncheckedIOException("run " + job.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Holding the key's lock: loads the run if it is finished, else runs it in its working folder and publishes
     * it with one rename. A run that throws leaves no run folder; its working folder is removed on the next start.
     */
    JobResult runOne(Job job) throws IOException {
        return runOne(job, true, false);
    }

    /**
     * As {@link #runOne(Job)}; without {@code wait}, returns null at once when another writer holds the key. With
     * {@code isolate}, a run that throws is published as a failed run folder ({@code spec.json} and
     * {@code failed.json}: key, exception, message, stack) and comes back failed; such a folder is not finished, so
     * the next sweep runs the key again.
     */
    JobResult runOne(Job job, boolean wait, boolean isolate) throws IOException {
        String key = job.key();
        return folders.locked(key, wait, () -> {
            Path dir = folders.dir(key);
            if (RunFolders.finished(dir)) {
                return new JobResult(job, finishedHistory(dir), true, diverged(dir));
            }
            Path work = folders.freshWork(key);
            RunFiles.writeJson(job.description(), work.resolve("spec.json"));
            Table history;
            try {
                history = job.body().apply(work);
            } catch (RuntimeException e) {
                if (!isolate) {
                    throw e;
                }
                String failure = failure(e);
                Map<String, Object> record = new java.util.LinkedHashMap<>();
                record.put("key", key);
                record.put("group", job.group());
                record.put("exception", e.getClass().getName());
                record.put("message", failure);
                java.io.StringWriter stack = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(stack));
                record.put("stack", stack.toString());
                RunFolders.deleteTree(dir);
                Path failed = folders.freshWork(key);
                RunFiles.writeJson(job.description(), failed.resolve("spec.json"));
                RunFiles.writeJson(record, failed.resolve(RunFolders.FAILED));
                folders.publish(key);
                return new JobResult(job, null, false, false, failure);
            }
            boolean diverged = diverged(work);
            folders.publish(key);
            return new JobResult(job, history, false, diverged);
        });
    }

    /** A run's exception as one line: its message, or its class when it has none (a NullPointerException's may). */
    static String failure(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m.replaceAll("\\s+", " ");
    }

    /**
     * The history of a finished run, checked before it is used: readable, a {@code step} column, no empty cells, and
     * ending at the step its {@code summary.json} reports. A damaged one is named with the reason and the fix.
     */
    static Table finishedHistory(Path dir) {
        Path file = dir.resolve("history.csv");
        String problem;
        try {
            Table h = RunFiles.readHistory(file);
            long summaryStep = RunFiles.readJson(dir.resolve("summary.json")).path("final").path("step").asLong(-1);
            if (!h.columnNames().contains("step") || h.rowCount() == 0) {
                problem = "no step column or no rows";
            } else if (h.columns().stream().anyMatch(c -> c.countMissing() > 0)) {
                problem = "empty cells (truncated?)";
            } else if (summaryStep >= 0 && ((Number) h.column("step").get(h.rowCount() - 1)).longValue() != summaryStep) {
                problem = "it ends at step " + h.column("step").get(h.rowCount() - 1) + " but summary.json's final step is "
                        + summaryStep;
            } else {
                return h;
            }
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        throw new IllegalArgumentException(file + ": damaged history of a finished run (" + problem + "); delete "
                + dir + " to run it again");
    }

    /** Whether the run in {@code dir} diverged, as its {@code summary.json} records. */
    static boolean diverged(Path dir) {
        Path summary = dir.resolve("summary.json");
        return Files.exists(summary) && RunFiles.readJson(summary).path("diverged").asBoolean(false);
    }
}

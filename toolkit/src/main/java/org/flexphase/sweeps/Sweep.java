package org.flexphase.sweeps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flexphase.runs.RunFiles;
import tech.tablesaw.api.Table;

/**
 * Runs many {@link RunSpec}s on a thread pool. Each run writes {@code runs/<key>/} (history, summary, chart) as
 * soon as it finishes; a run whose {@code summary.json} already exists is skipped, so an interrupted sweep
 * resumes without redoing finished runs. Results do not depend on the thread count: each run's randomness
 * comes from its own seed only.
 */
public final class Sweep {
    private final Path out;
    private final int threads;

    public Sweep(Path out, int threads) {
        this.out = out;
        this.threads = Math.max(1, threads);
    }

    /** A finished run: its spec, its history table (read back from disk when it was skipped), and whether it diverged. */
    public record Finished(RunSpec spec, Table history, boolean skipped, boolean diverged) {
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

    /** A finished job, its history (read back from disk when it was skipped) and whether it diverged. */
    public record JobResult(Job job, Table history, boolean skipped, boolean diverged) {
    }

    /** A spec's run as a job: the spec's description is its key's source, the body trains and evaluates it. */
    public static Job job(RunSpec spec) {
        return new Job(spec.group(), spec.describe(), dir -> spec.settings().run(dir).history());
    }

    /** Runs every spec (or loads it when already done), calling {@code onDone} as each finishes, in any order. */
    public List<Finished> run(List<RunSpec> specs, Consumer<Finished> onDone) {
        List<Job> jobs = new ArrayList<>();
        Map<Job, RunSpec> byJob = new java.util.IdentityHashMap<>();
        for (RunSpec spec : specs) {
            Job job = job(spec);
            jobs.add(job);
            byJob.put(job, spec);
        }
        Function<JobResult, Finished> finished = r -> new Finished(byJob.get(r.job()), r.history(), r.skipped(), r.diverged());
        return runJobs(jobs, r -> onDone.accept(finished.apply(r))).stream().map(finished).toList();
    }

    /** Runs every job (or loads it when already done), calling {@code onDone} as each finishes, in any order. */
    public List<JobResult> runJobs(List<Job> jobs, Consumer<JobResult> onDone) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    JobResult f = runOne(job);
                    onDone.accept(f);
                    return f;
                }));
            }
            List<JobResult> done = new ArrayList<>();
            for (Future<JobResult> f : futures) {
                try {
                    done.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
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

    /** The folder of a run's files. */
    public Path runDir(RunSpec spec) {
        return out.resolve("runs").resolve(spec.key());
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("run " + job.key() + ": " + e.getMessage(), e);
        }
    }

    JobResult runOne(Job job) throws java.io.IOException {
        Path dir = out.resolve("runs").resolve(job.key());
        if (Files.exists(dir.resolve("summary.json")) && Files.exists(dir.resolve("history.csv"))) {
            return new JobResult(job, RunFiles.readHistory(dir.resolve("history.csv")), true, diverged(dir));
        }
        RunFiles.writeJson(job.description(), dir.resolve("spec.json"));
        Table history = job.body().apply(dir);
        return new JobResult(job, history, false, diverged(dir));
    }

    /** Whether the run in {@code dir} diverged, as its {@code summary.json} records. */
    static boolean diverged(Path dir) {
        Path summary = dir.resolve("summary.json");
        return Files.exists(summary) && RunFiles.readJson(summary).path("diverged").asBoolean(false);
    }
}

package org.flexphase.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.models.Rbm;
import org.flexphase.util.Rngs;
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

    /** A finished run: its spec and its history table (read back from disk when it was skipped). */
    public record Finished(RunSpec spec, Table history, boolean skipped) {
    }

    /** Runs every spec (or loads it when already done), calling {@code onDone} as each finishes, in any order. */
    public List<Finished> run(List<RunSpec> specs, Consumer<Finished> onDone) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Finished>> futures = new ArrayList<>();
            for (RunSpec spec : specs) {
                futures.add(pool.submit(() -> {
                    Finished f = runOne(spec);
                    onDone.accept(f);
                    return f;
                }));
            }
            List<Finished> done = new ArrayList<>();
            for (Future<Finished> f : futures) {
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

    Finished runOne(RunSpec spec) throws java.io.IOException {
        Path dir = runDir(spec);
        if (Files.exists(dir.resolve("summary.json")) && Files.exists(dir.resolve("history.csv"))) {
            return new Finished(spec, Table.read().csv(dir.resolve("history.csv").toFile()), true);
        }
        RunFiles.writeJson(spec.describe(), dir.resolve("spec.json"));
        double[][] rows = dataRows(spec.data());
        Rbm model = Rbm.of(rows[0].length, spec.hidden(), 1.0, spec.visibleBiases())
                .initializeWeights(spec.initSd(), Rngs.stream(spec.config().seed, -1));
        BoltzmannRun.Outcome o = new BoltzmannRun(spec.data(), rows).run(model, spec.config(), dir);
        return new Finished(spec, o.history(), false);
    }

    static double[][] dataRows(String data) {
        return switch (data) {
            case "bas4" -> BarsAndStripes.published4x4();
            case "bas3" -> BarsAndStripes.multiset(3);
            default -> throw new IllegalArgumentException("data must be bas4 or bas3: " + data);
        };
    }
}

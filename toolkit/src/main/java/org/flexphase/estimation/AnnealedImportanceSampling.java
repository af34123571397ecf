package org.flexphase.estimation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Annealed importance sampling (Neal 2001; for RBMs Salakhutdinov &amp; Murray 2008) for the log partition function
 * of an RBM too large to enumerate. Each of {@code runs} independent runs starts from an exact sample of a
 * {@link BaseRateModel}, walks the {@link AnnealingSchedule}'s intermediate distributions with one Gibbs
 * transition each (hidden units summed out of the weights analytically, see {@link AnnealedChain}) and yields a
 * weight with {@code E[w] = Z / Z_0}; the mean weight gives the estimate and its error bars
 * ({@link LogPartitionEstimate}).
 *
 * <p>Run {@code m} draws from {@code Rngs.stream(seed, m)}, so the same seed gives bit-identical weights whatever
 * the number of threads.
 */
public final class AnnealedImportanceSampling {
    /** Salakhutdinov &amp; Murray's number of runs. */
    public static final int DEFAULT_RUNS = 100;

    private final AnnealingSchedule schedule;
    private final int runs;
    private final long seed;
    private final int threads;

    private AnnealedImportanceSampling(AnnealingSchedule schedule, int runs, long seed, int threads) {
        this.schedule = schedule;
        this.runs = runs;
        this.seed = seed;
        this.threads = threads;
    }

    /** {@code runs} (at least 2, for a standard error) runs along {@code schedule}, seeded with {@code seed}. */
    public static AnnealedImportanceSampling of(AnnealingSchedule schedule, int runs, long seed) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        Checks.requireInRange(runs, 2, 100_000_000, "runs");
        return new AnnealedImportanceSampling(schedule, runs, seed, 1);
    }

    /** The paper's schedule (14,500 steps) and {@value #DEFAULT_RUNS} runs. */
    public static AnnealedImportanceSampling paper(long seed) {
        return of(AnnealingSchedule.paper(), DEFAULT_RUNS, seed);
    }

    /** The same estimator spreading its runs over {@code threads} threads (1 to 1024); results do not change. */
    public AnnealedImportanceSampling withThreads(int threads) {
        return new AnnealedImportanceSampling(schedule, runs, seed, Checks.requireInRange(threads, 1, 1024, "threads"));
    }

    /** The estimate of {@code log Z} of {@code rbm}, annealing from the uniform base model. */
    public LogPartitionEstimate estimate(Rbm rbm) {
        return estimate(rbm, BaseRateModel.uniform(rbm.visibleCount()));
    }

    /** The estimate of {@code log Z} of {@code rbm}, annealing from {@code base}. */
    public LogPartitionEstimate estimate(Rbm rbm, BaseRateModel base) {
        if (base.visibleCount() != rbm.visibleCount()) {
            throw new IllegalArgumentException("base model must have the RBM's " + rbm.visibleCount()
                    + " visible units: " + base.visibleCount());
        }
        if (!Checks.allFinite(rbm.parameters())) {
            throw new IllegalArgumentException("RBM parameters must be finite: " + rbm.describe() + " has NaN or infinite entries");
        }
        double[] logW = new double[runs];
        if (threads == 1) {
            AnnealedChain chain = new AnnealedChain(rbm, base);
            for (int m = 0; m < runs; m++) {
                logW[m] = chain.logWeight(schedule, Rngs.stream(seed, m));
            }
        } else {
            runInParallel(rbm, base, logW);
        }
        double logZBase = base.logPartition() + rbm.hiddenCount() * Math.log(2);
        return LogPartitionEstimate.of(logZBase, logW, schedule.steps());
    }

    /** Runs split into contiguous blocks, one chain (its own scratch) per block; the weights land by run index. */
    private void runInParallel(Rbm rbm, BaseRateModel base, double[] logW) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ais");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int block = (runs + threads - 1) / threads;
            for (int from = 0; from < runs; from += block) {
                int start = from;
                int end = Math.min(runs, from + block);
                futures.add(pool.submit(() -> {
                    AnnealedChain chain = new AnnealedChain(rbm, base);
                    for (int m = start; m < end; m++) {
                        logW[m] = chain.logWeight(schedule, Rngs.stream(seed, m));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("AIS interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("AIS run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

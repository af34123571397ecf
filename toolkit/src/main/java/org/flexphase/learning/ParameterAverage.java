package org.flexphase.learning;

import java.util.Arrays;

/**
 * Polyak–Ruppert average of the parameter vector from a chosen step on. Constant-rate learning hovers around its
 * fixed point, so a snapshot mostly reflects the last few phases; the running mean does not. To keep the per-step
 * cost low the mean is sampled every {@code stride} steps (an unbiased estimate of the same time average).
 */
public final class ParameterAverage {
    private final long from;
    private final int stride;
    private final double[] mean;
    private long count;
    private double[] markedMean;
    private long markedCount;

    /** Averages from step {@code from} on, every {@code stride}-th step. */
    public ParameterAverage(int parameterCount, long from, int stride) {
        this.from = from;
        this.stride = Math.max(1, stride);
        this.mean = new double[parameterCount];
    }

    /** Includes {@code theta} at Gibbs step {@code step} if the step is at or after the start and on the stride. */
    public void observe(long step, double[] theta) {
        if (step < from || (step - from) % stride != 0) {
            return;
        }
        count++;
        double inv = 1.0 / count;
        for (int k = 0; k < mean.length; k++) {
            mean[k] += (theta[k] - mean[k]) * inv;
        }
    }

    /** Remembers the mean as it is now, for {@link #rewindToMark()}. */
    public void mark() {
        if (markedMean == null) {
            markedMean = new double[mean.length];
        }
        System.arraycopy(mean, 0, markedMean, 0, mean.length);
        markedCount = count;
    }

    /**
     * Forgets every snapshot since the last {@link #mark()} (all of them if there was none): a run that diverged
     * between checks has averaged parameters that were already NaN or infinite.
     */
    public void rewindToMark() {
        if (markedMean == null) {
            Arrays.fill(mean, 0);
        } else {
            System.arraycopy(markedMean, 0, mean, 0, mean.length);
        }
        count = markedMean == null ? 0 : markedCount;
    }

    /** Number of snapshots averaged so far. */
    public long count() {
        return count;
    }

    /** The running mean, or {@code current} while nothing has been averaged yet. Returns a new array. */
    public double[] meanOr(double[] current) {
        return count == 0 ? current.clone() : mean.clone();
    }
}

package org.flexphase.learning;

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

    /** Number of snapshots averaged so far. */
    public long count() {
        return count;
    }

    /** The running mean, or {@code current} while nothing has been averaged yet. Returns a new array. */
    public double[] meanOr(double[] current) {
        return count == 0 ? current.clone() : mean.clone();
    }
}

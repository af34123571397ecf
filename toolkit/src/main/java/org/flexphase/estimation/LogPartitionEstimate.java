package org.flexphase.estimation;

import org.flexphase.util.LogSpace;

/**
 * An AIS estimate of {@code log Z} from {@code M} importance weights {@code w_m} (one per run):
 * {@code log Z ≈ log Z_0 + log(mean w)}. The mean weight is unbiased for {@code Z / Z_0}; its standard error
 * {@code s = sd(w) / sqrt(M)} gives the bounds {@code log Z_0 + log(mean w ± 3 s)} (Salakhutdinov &amp; Murray 2008;
 * the lower one is {@code -infinity} when {@code mean w <= 3 s}). Everything is computed from the weights scaled by
 * their largest, so nothing overflows for any {@code log w}.
 *
 * @param logZ               the estimate
 * @param lower              {@code log Z_0 + log(mean w - 3 s)}, or {@code -infinity}
 * @param upper              {@code log Z_0 + log(mean w + 3 s)}
 * @param standardError      {@code s / mean w}, the delta-method standard error of {@code logZ}
 * @param logWeightSd        sample standard deviation of {@code log w} over runs (it shrinks as the schedule
 *                           gets finer)
 * @param effectiveRuns      {@code (sum w)^2 / sum w^2}, between 1 and {@code M}; near {@code M} the weights are
 *                           even and {@code s} is trustworthy
 * @param steps              the schedule's number of steps {@code K}
 */
public record LogPartitionEstimate(double logZ, double lower, double upper, double standardError,
                                   double logWeightSd, double effectiveRuns, int steps, double[] logWeights) {

    /** The statistics of {@code logWeights} (at least two) given {@code log Z_0}. */
    static LogPartitionEstimate of(double logZBase, double[] logWeights, int steps) {
        int m = logWeights.length;
        double max = Double.NEGATIVE_INFINITY;
        double meanLog = 0;
        for (double lw : logWeights) {
            max = Math.max(max, lw);
            meanLog += lw / m;
        }
        double sum = 0;
        double sumSquares = 0;
        double logSquares = 0;
        for (double lw : logWeights) {
            double w = Math.exp(lw - max);
            sum += w;
            sumSquares += w * w;
            logSquares += (lw - meanLog) * (lw - meanLog);
        }
        double mean = sum / m;
        double sd = Math.sqrt(Math.max(0, (sumSquares - m * mean * mean) / (m - 1)));
        double s = sd / Math.sqrt(m);
        double logMean = LogSpace.logSumExp(logWeights, m) - Math.log(m);
        double lower = mean - 3 * s > 0 ? logZBase + max + Math.log(mean - 3 * s) : Double.NEGATIVE_INFINITY;
        return new LogPartitionEstimate(logZBase + logMean, lower, logZBase + max + Math.log(mean + 3 * s), s / mean,
                Math.sqrt(logSquares / (m - 1)), sum * sum / sumSquares, steps, logWeights.clone());
    }

    /** The number of runs {@code M}. */
    public int runs() {
        return logWeights.length;
    }

    /** A copy of the log importance weights, one per run in run order. */
    @Override
    public double[] logWeights() {
        return logWeights.clone();
    }

    /** Whether {@code value} lies within the ±3-standard-error bounds. */
    public boolean covers(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return String.format("log Z = %.4f [%.4f, %.4f], se %.2g, %d runs, %d steps, %.1f effective runs",
                logZ, lower, upper, standardError, runs(), steps, effectiveRuns);
    }
}

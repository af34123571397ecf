package org.flexphase.circuits;

import java.util.Locale;

/**
 * Whether a run's cost history shows an unstable learning loop, judged from its checkpoints alone (docs/theory.md
 * section 5.2, "Stability"). A run is unstable when
 * <ul>
 *   <li>its cost rises above {@code factor} times its start at some checkpoint (the loop amplifies instead of
 *   descending; values stay finite, so divergence does not catch it), or</li>
 *   <li>it oscillates without trend over the second half of its checkpoints (at least 4 of them): the differences of
 *   successive costs change sign at least half of the time, the swing {@code max - min} is at least a quarter of the
 *   starting cost (noise at a floor near 0 is far smaller), the half ends no lower than it began, and its mean is at
 *   least half the start (no net progress: a run that swings between examples well below its start has learned).</li>
 * </ul>
 * Expected numerical outcomes come back as a result, as divergence does: {@link #assess} returns null when stable.
 */
public final class Stability {
    /** Fraction of the starting cost the second half must swing by to count as oscillating. */
    static final double SWING = 0.25;
    /** An oscillating second half whose mean is below this fraction of the start has made net progress. */
    static final double PROGRESS = 0.5;

    private Stability() {
    }

    /**
     * Why the run whose checkpoint costs are {@code cost} (the first is the start) is unstable, or null. NaN costs
     * (a diverged run's) are skipped.
     */
    public static String assess(double[] cost, long[] step, double factor) {
        if (cost.length < 2 || !(cost[0] > 0)) {
            return null;
        }
        double c0 = cost[0];
        int worst = 0;
        for (int i = 1; i < cost.length; i++) {
            if (cost[i] > cost[worst]) {
                worst = i;
            }
        }
        if (cost[worst] > factor * c0) {
            return String.format(Locale.ROOT, "cost rose to %.3g times its start (%.4g -> %.4g at step %d; threshold "
                    + "%.3g times)", cost[worst] / c0, c0, cost[worst], step[worst], factor);
        }
        int from = cost.length / 2;
        int n = cost.length - from;
        if (n < 4) {
            return null;
        }
        int reversals = 0;
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < cost.length; i++) {
            mean += cost[i] / n;
            lo = Math.min(lo, cost[i]);
            hi = Math.max(hi, cost[i]);
            if (i >= from + 2) {
                double d1 = cost[i - 1] - cost[i - 2];
                double d2 = cost[i] - cost[i - 1];
                if (d1 * d2 < 0) {
                    reversals++;
                }
            }
        }
        boolean oscillates = 2 * reversals >= n - 2 && hi - lo >= SWING * c0 && cost[cost.length - 1] >= cost[from]
                && mean >= PROGRESS * c0;
        if (oscillates) {
            return String.format(Locale.ROOT, "cost oscillates without trend over steps %d-%d (%d reversals in %d "
                    + "checkpoints, between %.4g and %.4g, mean %.4g, start %.4g)", step[from], step[cost.length - 1],
                    reversals, n, lo, hi, mean, c0);
        }
        return null;
    }
}

package org.flexphase.util;

/**
 * Numerics in log space. {@code logSumExp} subtracts the maximum and keeps every term (no cutoff), so it is
 * exact up to rounding for any magnitudes, including weights of size 50 and more.
 */
public final class LogSpace {
    private LogSpace() {
    }

    /** {@code log(1 + e^x)} without overflow or loss of precision at either tail. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** {@code log(e^a + e^b)}. */
    public static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }

    /** {@code log sum_k e^{x[k]}} over {@code x[0..n)}; {@code -infinity} for {@code n = 0}. */
    public static double logSumExp(double[] x, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (x[k] > max) {
                max = x[k];
            }
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.exp(x[k] - max);
        }
        return max + Math.log(sum);
    }

    /** {@code log sum_k e^{x[k]}} over all of {@code x}. */
    public static double logSumExp(double... x) {
        return logSumExp(x, x.length);
    }
}

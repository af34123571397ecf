package org.flexphase.proofs;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Statistical tolerances with a stated false-failure rate: every property that samples spends at most
 * {@link #RUN_BUDGET} of false-failure probability per run, split evenly (Bonferroni) over its examples and
 * the tests inside each example.
 */
final class Tolerances {
    /** False-failure probability each sampling property may spend per run. */
    static final double RUN_BUDGET = 1e-6;

    private Tolerances() {
    }

    /** The two-sided normal quantile z with {@code P(|N(0,1)| > z) = alpha}. */
    static double twoSidedZ(double alpha) {
        return -new NormalDistribution().inverseCumulativeProbability(alpha / 2);
    }

    /** The z bound of one of {@code tests} normal tests sharing the run budget. */
    static double bonferroniZ(long tests) {
        return twoSidedZ(RUN_BUDGET / tests);
    }

    /** Result of a chi-squared goodness-of-fit test: statistic, degrees of freedom, upper-tail p-value. */
    record Fit(double statistic, int degreesOfFreedom, double pValue, String impossible) {
    }

    /**
     * Pearson's chi-squared test of {@code counts} against the law {@code probabilities}. Cells whose expected count
     * is below {@code minExpected} are pooled (the pool joins the smallest regular cell if it is still below), so the
     * chi-squared approximation holds; an observation in a cell of probability 0 is reported as impossible.
     */
    static Fit chiSquared(long[] counts, double[] probabilities, double minExpected) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        List<double[]> cells = new ArrayList<>();
        double poolE = 0;
        double poolO = 0;
        for (int j = 0; j < counts.length; j++) {
            double e = n * probabilities[j];
            if (probabilities[j] <= 1e-300 && counts[j] > 0) {
                return new Fit(Double.POSITIVE_INFINITY, 0, 0, "state " + j + " seen " + counts[j]
                        + " times but has probability " + probabilities[j]);
            }
            if (e >= minExpected) {
                cells.add(new double[]{counts[j], e});
            } else {
                poolE += e;
                poolO += counts[j];
            }
        }
        if (poolE > 0) {
            if (poolE >= minExpected || cells.isEmpty()) {
                cells.add(new double[]{poolO, poolE});
            } else {
                double[] smallest = cells.get(0);
                for (double[] c : cells) {
                    smallest = c[1] < smallest[1] ? c : smallest;
                }
                smallest[0] += poolO;
                smallest[1] += poolE;
            }
        }
        double stat = 0;
        for (double[] c : cells) {
            stat += (c[0] - c[1]) * (c[0] - c[1]) / c[1];
        }
        int df = cells.size() - 1;
        double p = df == 0 ? 1.0 : Gamma.regularizedGammaQ(df / 2.0, stat / 2.0);
        return new Fit(stat, df, p, null);
    }
}

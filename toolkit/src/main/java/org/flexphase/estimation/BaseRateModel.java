package org.flexphase.estimation;

import java.util.random.RandomGenerator;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.LogisticBernoulli;

/**
 * The starting point of annealing: independent visible units, {@code p_A(v) = exp(A^T v) / Z_A} with
 * {@code log Z_A = sum_i softplus(A_i)}, sampled exactly. Matching the data's visible marginals (Salakhutdinov &amp;
 * Murray's base-rate model) puts the first distributions near the trained RBM, so fewer temperatures are needed than
 * from the uniform model. Immutable.
 */
public final class BaseRateModel {
    private final double[] biases;

    private BaseRateModel(double[] biases) {
        this.biases = biases;
    }

    /** All biases zero: every visible pattern equally likely, {@code log Z_A = n log 2}. */
    public static BaseRateModel uniform(int visible) {
        if (visible < 1) {
            throw new IllegalArgumentException("visible must be >= 1: " + visible);
        }
        return new BaseRateModel(new double[visible]);
    }

    /** The given biases {@code A} (finite). */
    public static BaseRateModel of(double[] biases) {
        if (biases.length < 1) {
            throw new IllegalArgumentException("biases must have at least one entry: 0");
        }
        for (int i = 0; i < biases.length; i++) {
            if (!Double.isFinite(biases[i])) {
                throw new IllegalArgumentException("biases[" + i + "] must be finite: " + biases[i]);
            }
        }
        return new BaseRateModel(biases.clone());
    }

    /**
     * Biases {@code A_i = logit(p_i)} from the smoothed marginals {@code p_i = (sum_n v_ni + 1) / (N + 2)}
     * (add-one smoothing keeps a pixel that is always off at a finite bias, about {@code -log N}). Rows must have
     * equal lengths and entries in [0, 1].
     */
    public static BaseRateModel fromData(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row: 0");
        }
        int n = rows[0].length;
        double[] count = new double[n];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != n) {
                throw new IllegalArgumentException("rows must all have " + n + " entries (as row 0): row " + r
                        + " has " + rows[r].length);
            }
            for (int i = 0; i < n; i++) {
                double x = rows[r][i];
                if (!(x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException("rows[" + r + "][" + i + "] must be in [0, 1]: " + x);
                }
                count[i] += x;
            }
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double p = (count[i] + 1) / (rows.length + 2.0);
            a[i] = Math.log(p) - Math.log1p(-p);
        }
        return of(a);
    }

    public int visibleCount() {
        return biases.length;
    }

    /** {@code A_i}. */
    public double bias(int i) {
        return biases[i];
    }

    /** {@code log Z_A = sum_i softplus(A_i)}. */
    public double logPartition() {
        double s = 0;
        for (double a : biases) {
            s += LogSpace.softplus(a);
        }
        return s;
    }

    /** Fills {@code v} with an exact sample; one {@code nextDouble()} per unit, in index order. */
    public void sample(double[] v, RandomGenerator rng) {
        for (int i = 0; i < biases.length; i++) {
            v[i] = LogisticBernoulli.sample(biases[i], rng.nextDouble());
        }
    }
}

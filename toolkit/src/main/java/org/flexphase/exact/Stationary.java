package org.flexphase.exact;

import org.ejml.data.DMatrixRMaj;

/** Stationary distributions of finite Markov chains, solved exactly (up to rounding) with EJML. */
public final class Stationary {
    /**
     * The smallest pivot ratio (see {@link PivotedLu#pivotRatio()}) a stationary or fundamental-matrix system may
     * have. The entries of both systems lie in [-1, 1] and carry only rounding; LU with partial pivoting has a
     * backward error of about n eps |L| |U| (2e-14 for 100 states, 2e-13 for 1,000), so an exactly singular system
     * (two closed classes, an absorbing state beside another recurrent class) leaves its last pivot at that level
     * or below (exactly 0 in the chains of SingularSystemsTest). A well-posed chain's smallest pivot is of the order
     * of its spectral gap (the smallest in the test and proof suites is 0.0025); below 1e-12 the solution would have
     * lost all but a few digits anyway.
     */
    static final double SINGULAR_PIVOT_RATIO = 1e-12;

    private Stationary() {
    }
    /**
     * The stationary distribution {@code pi} of the row-stochastic matrix {@code p}: solves {@code pi (P - I) = 0}
     * with one equation replaced by {@code sum pi = 1}, by LU with partial pivoting. Requires a single recurrent class:
     * a chain with several (so no unique {@code pi}) makes the system singular and is refused.
     *
     * @throws IllegalArgumentException if the system is singular within {@link #SINGULAR_PIVOT_RATIO}
     */
    public static double[] distribution(double[][] p) {
        int n = p.length;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Row j of A is column j of (P^T - I): the balance equation of state j.
                a.set(j, i, p[i][j] - (i == j ? 1.0 : 0.0));
            }
        }
        for (int i = 0; i < n; i++) {
            a.set(n - 1, i, 1.0);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        rhs.set(n - 1, 0, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        PivotedLu lu = new PivotedLu(a);
        double ratio = lu.pivotRatio();
        if (!(ratio > SINGULAR_PIVOT_RATIO)) {
            throw new IllegalArgumentException("the " + n + "-state chain has no unique stationary distribution: its"
                    + " stationary system is singular (smallest LU pivot " + ratio + " of the largest, at most "
                    + SINGULAR_PIVOT_RATIO + "); it needs a single recurrent class");
        }
        lu.solve(rhs, x);
        double[] pi = new double[n];
        for (int i = 0; i < n; i++) {
            pi[i] = x.get(i, 0);
        }
        return pi;
    }

    /** {@code ||pi P - pi||_1}: how far {@code pi} is from stationary (for checks). */
    public static double residual(double[] pi, double[][] p) {
        double r = 0;
        for (int j = 0; j < p.length; j++) {
            double s = -pi[j];
            for (int i = 0; i < p.length; i++) {
                s += pi[i] * p[i][j];
            }
            r += Math.abs(s);
        }
        return r;
    }

    /**
     * The long-run covariance {@code Sigma = lim Cov(sum_{t<N} f(X_t)) / N = sum over all lags of Gamma_k} of a
     * function {@code f} (one row per state) of the stationary chain {@code p}: what the Markov-chain central limit
     * theorem puts under a time average. From the fundamental matrix {@code Z = (I - P + 1 pi^T)^-1}: with
     * {@code g = Z (f - h)}, {@code Sigma = E_pi[fc g^T + g fc^T - fc fc^T]}, {@code fc = f - h}, {@code h = E_pi f}.
     *
     * @throws IllegalArgumentException if the chain has no unique stationary distribution (as {@link #distribution})
     */
    public static double[][] asymptoticCovariance(double[][] p, double[][] f) {
        double[] pi = distribution(p);
        int n = pi.length;
        int d = f[0].length;
        double[] h = new double[d];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < d; k++) {
                h[k] += pi[a] * f[a][k];
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                m.set(a, c, (a == c ? 1.0 : 0.0) - p[a][c] + pi[c]);
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < d; k++) {
                centred.set(a, k, f[a][k] - h[k]);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(n, d);
        PivotedLu lu = new PivotedLu(m);
        double ratio = lu.pivotRatio();
        if (!(ratio > SINGULAR_PIVOT_RATIO)) {
            throw new IllegalStateException("the fundamental matrix I - P + 1 pi^T of the " + n + "-state chain is"
                    + " singular (smallest LU pivot " + ratio + " of the largest, at most " + SINGULAR_PIVOT_RATIO
                    + ")");
        }
        lu.solve(centred, g);
        double[][] sigma = new double[d][d];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < d; k++) {
                double fk = centred.get(a, k);
                double gk = g.get(a, k);
                for (int l = 0; l < d; l++) {
                    double fl = centred.get(a, l);
                    sigma[k][l] += pi[a] * (fk * g.get(a, l) + gk * fl - fk * fl);
                }
            }
        }
        return sigma;
    }
}

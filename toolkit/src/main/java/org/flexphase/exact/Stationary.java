package org.flexphase.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Stationary distributions of finite Markov chains, solved exactly (up to rounding) with EJML. */
public final class Stationary {
    private Stationary() {
    }

    /**
     * The stationary distribution {@code pi} of the row-stochastic matrix {@code p}: solves {@code pi (P - I) = 0}
     * with one equation replaced by {@code sum pi = 1}, by LU with partial pivoting. Requires a single recurrent class.
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
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(a)) {
            throw new IllegalArgumentException("the chain has no unique stationary distribution (singular system)");
        }
        solver.solve(rhs, x);
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

}

package org.flexphase.proofs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The honest tolerance of Polyak-averaged stochastic approximation (Polyak and Juditsky 1992): averaging
 * {@code N} updates {@code theta += eta f_t} around a zero {@code theta°} of the mean field {@code h}, the
 * average's error is asymptotically normal with covariance {@code J^-1 Sigma J^-T / N}, where {@code J} is the
 * Jacobian of {@code h} at {@code theta°} and {@code Sigma} the long-run covariance of {@code f_t} (both exact:
 * finite differences of the exact field, and the joint chain's fundamental matrix). A coordinate more than
 * {@link #Z} standard deviations away fails; under the normal limit that happens with probability 2e-9 per
 * coordinate, so below 1e-6 per run for every property here.
 */
final class Averages {
    static final double Z = 6.0;

    private Averages() {
    }

    /** Standard deviations of the averaged iterate, coordinate by coordinate. */
    static double[] standardDeviations(double[][] jacobian, double[][] sigma, double updates) {
        return standardDeviations(covariance(jacobian, sigma, updates));
    }

    /** Square roots of the diagonal of a covariance matrix. */
    static double[] standardDeviations(double[][] v) {
        double[] sd = new double[v.length];
        for (int k = 0; k < sd.length; k++) {
            sd[k] = Math.sqrt(Math.max(v[k][k], 0));
        }
        return sd;
    }

    /** The averaged iterate's asymptotic covariance {@code J^-1 Sigma J^-T / N}. */
    static double[][] covariance(double[][] jacobian, double[][] sigma, double updates) {
        DMatrixRMaj jinv = new DMatrixRMaj(jacobian);
        if (!CommonOps_DDRM.invert(jinv)) {
            throw new IllegalStateException("singular mean-field Jacobian");
        }
        DMatrixRMaj s = new DMatrixRMaj(sigma);
        DMatrixRMaj tmp = new DMatrixRMaj(jinv.numRows, s.numCols);
        CommonOps_DDRM.mult(jinv, s, tmp);
        DMatrixRMaj v = new DMatrixRMaj(jinv.numRows, jinv.numRows);
        CommonOps_DDRM.multTransB(tmp, jinv, v);
        double[][] out = new double[v.numRows][v.numCols];
        for (int k = 0; k < v.numRows; k++) {
            for (int l = 0; l < v.numCols; l++) {
                out[k][l] = v.get(k, l) / updates;
            }
        }
        return out;
    }

    /** The largest |x - target| / sd over coordinates. */
    static double worstZ(double[] x, double[] target, double[] sd) {
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            worst = Math.max(worst, Math.abs(x[k] - target[k]) / sd[k]);
        }
        return worst;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(s);
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}

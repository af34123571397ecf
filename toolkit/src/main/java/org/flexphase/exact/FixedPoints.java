package org.flexphase.exact;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * Zeros and Jacobians of exact mean fields {@code theta -> h(theta)} (the fixed points a learning rule with
 * vanishing steps converges to: {@code theta*} of the likelihood gradient, {@code theta*_p} of the persistent mean
 * field, the CD-k fixed point). Newton's method with a central-difference Jacobian, solved with EJML: the fields
 * are smooth and cheap for the tiny models they are computed on, and start close to their zero.
 */
public final class FixedPoints {
    /** Central-difference step: balances truncation O(h^2) against rounding O(eps/h) for fields of order one. */
    public static final double DIFFERENCE_STEP = 1e-5;
    /**
     * The smallest pivot ratio (see {@link PivotedLu#pivotRatio()}) a Newton Jacobian may have. Each entry of a
     * central-difference Jacobian of an order-one field carries a rounding error of about eps / DIFFERENCE_STEP =
     * 2e-11 and a truncation error of DIFFERENCE_STEP^2 / 6 times the third derivative (2e-12 for a logistic, whose
     * third derivative is at most 1/8), so an exactly singular Jacobian comes out with its last pivot near 1e-11 of
     * the largest or below. A pivot below 1e-9 is within a factor 50 of that noise, and the step would be that noise
     * multiplied by 1e9. The Jacobians of the test and proof suites have pivot ratios of 0.0025 and more.
     */
    static final double SINGULAR_PIVOT_RATIO = 1e-9;

    private FixedPoints() {
    }

    /** The zero found, the Newton steps taken, the largest entry of the field there, and whether it met tolerance. */
    public record Result(double[] theta, int iterations, double residual, boolean converged) {
    }

    /** {@code J[k][l] = d h_k / d theta_l} by central differences. */
    public static double[][] jacobian(UnaryOperator<double[]> field, double[] theta) {
        int n = theta.length;
        double[][] j = new double[n][n];
        double[] x = theta.clone();
        for (int l = 0; l < n; l++) {
            x[l] = theta[l] + DIFFERENCE_STEP;
            double[] up = field.apply(x);
            x[l] = theta[l] - DIFFERENCE_STEP;
            double[] down = field.apply(x);
            x[l] = theta[l];
            for (int k = 0; k < n; k++) {
                j[k][l] = (up[k] - down[k]) / (2 * DIFFERENCE_STEP);
            }
        }
        return j;
    }

    /**
     * Newton's method from {@code start} until {@code max |h| <= tolerance} or {@code maxIterations} steps.
     *
     * @throws IllegalStateException if a Jacobian is singular within {@link #SINGULAR_PIVOT_RATIO} (the zero is not
     *     isolated, or the start is where the field is flat): Newton has no step to take there
     */
    public static Result newton(UnaryOperator<double[]> field, double[] start, double tolerance, int maxIterations) {
        double[] theta = start.clone();
        int n = theta.length;
        double[] h = field.apply(theta);
        int it = 0;
        while (maxAbs(h) > tolerance && it < maxIterations) {
            it++;
            DMatrixRMaj jac = new DMatrixRMaj(jacobian(field, theta));
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, h);
            DMatrixRMaj step = new DMatrixRMaj(n, 1);
            PivotedLu lu = new PivotedLu(jac);
            double ratio = lu.pivotRatio();
            if (!(ratio > SINGULAR_PIVOT_RATIO)) {
                throw new IllegalStateException("singular " + n + " x " + n + " Jacobian of the mean field at Newton"
                        + " step " + it + " (smallest LU pivot " + ratio + " of the largest, at most "
                        + SINGULAR_PIVOT_RATIO + "), theta = " + java.util.Arrays.toString(theta));
            }
            lu.solve(rhs, step);
            for (int k = 0; k < n; k++) {
                theta[k] -= step.get(k, 0);
            }
            h = field.apply(theta);
        }
        double r = maxAbs(h);
        return new Result(theta, it, r, r <= tolerance);
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}

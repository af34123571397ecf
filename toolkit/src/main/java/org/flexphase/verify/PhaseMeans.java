package org.flexphase.verify;

/**
 * Each phase's stationary mean of the statistic {@code phi}, estimated by running that phase alone (the paired, or
 * standard two-phase, estimator's ingredients) with standard errors from batch means. Their scaled contrast
 * {@code scale (E+[phi] - E-[phi])} is the mean update the local rule approaches as phases lengthen.
 */
public record PhaseMeans(double[] plus, double[] plusError, double[] minus, double[] minusError) {

    /** {@code scale (plus - minus)}. */
    public double[] contrast(double scale) {
        double[] u = new double[plus.length];
        for (int k = 0; k < u.length; k++) {
            u[k] = scale * (plus[k] - minus[k]);
        }
        return u;
    }

    /** The standard error of {@link #contrast}, {@code |scale| sqrt(se+^2 + se-^2)} (the two runs are independent). */
    public double[] contrastError(double scale) {
        double[] se = new double[plus.length];
        for (int k = 0; k < se.length; k++) {
            se[k] = Math.abs(scale) * Math.hypot(plusError[k], minusError[k]);
        }
        return se;
    }
}

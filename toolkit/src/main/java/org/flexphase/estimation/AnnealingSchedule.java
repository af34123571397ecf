package org.flexphase.estimation;

import java.util.Arrays;
import org.flexphase.util.Checks;

/**
 * Inverse temperatures {@code 0 = beta_0 < beta_1 < ... < beta_K = 1} of annealed importance sampling: the
 * intermediate distributions run from the base-rate model ({@code beta = 0}) to the RBM ({@code beta = 1}).
 * Immutable.
 */
public final class AnnealingSchedule {
    /** Upper bound on the number of steps, so a mistyped spacing fails fast instead of exhausting memory. */
    public static final int MAX_STEPS = org.flexphase.boltzmann.TrainSettings.MAX_AIS_STEPS;

    private final double[] betas;

    private AnnealingSchedule(double[] betas) {
        this.betas = betas;
    }

    /**
     * Salakhutdinov &amp; Murray's schedule: spacing 1e-3 on [0, 0.5], 1e-4 on [0.5, 0.9] and 1e-5 on [0.9, 1],
     * 14,500 steps. The spacing shrinks where the RBM's couplings dominate and the distributions change fastest.
     */
    public static AnnealingSchedule paper() {
        return piecewise(new double[]{0, 0.5, 0.9, 1}, new double[]{1e-3, 1e-4, 1e-5});
    }

    /** {@code steps} equal steps from 0 to 1. */
    public static AnnealingSchedule uniform(int steps) {
        Checks.requireInRange(steps, 1, MAX_STEPS, "steps");
        double[] b = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            b[k] = k / (double) steps;
        }
        b[steps] = 1.0;
        return new AnnealingSchedule(b);
    }

    /**
     * Equal steps within each segment {@code [breakpoints[s], breakpoints[s + 1]]}, each at most
     * {@code spacings[s]} (the segment is cut into {@code ceil(length / spacing)} pieces, so the breakpoints are hit
     * exactly). The breakpoints must rise strictly from 0 to 1, and each spacing lie in (0, segment length].
     */
    public static AnnealingSchedule piecewise(double[] breakpoints, double[] spacings) {
        if (breakpoints.length < 2 || spacings.length != breakpoints.length - 1) {
            throw new IllegalArgumentException("piecewise schedule needs n >= 2 breakpoints and n - 1 spacings: "
                    + breakpoints.length + " breakpoints, " + spacings.length + " spacings");
        }
        requireAnnealingPath(breakpoints, "breakpoints");
        int[] pieces = new int[spacings.length];
        long total = 0;
        for (int s = 0; s < spacings.length; s++) {
            double length = breakpoints[s + 1] - breakpoints[s];
            if (!(spacings[s] > 0 && spacings[s] <= length)) {
                throw new IllegalArgumentException("spacings[" + s + "] must be in (0, " + length + "] (the length of ["
                        + breakpoints[s] + ", " + breakpoints[s + 1] + "]): " + spacings[s]);
            }
            // The tolerance keeps 0.5 / 1e-3 = 500.0000000000001 at 500 pieces.
            double n = Math.ceil(length / spacings[s] * (1 - 1e-12));
            if (n > MAX_STEPS) {
                throw new IllegalArgumentException("spacings[" + s + "] = " + spacings[s] + " gives " + n
                        + " steps; a schedule must have at most " + MAX_STEPS);
            }
            pieces[s] = (int) Math.max(1, n);
            total += pieces[s];
        }
        if (total > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in [1, " + MAX_STEPS + "]: " + total);
        }
        double[] b = new double[(int) total + 1];
        int k = 0;
        for (int s = 0; s < pieces.length; s++) {
            double from = breakpoints[s];
            double length = breakpoints[s + 1] - from;
            for (int t = 0; t < pieces[s]; t++) {
                b[k++] = from + length * t / pieces[s];
            }
        }
        b[k] = 1.0;
        return new AnnealingSchedule(b);
    }

    /** The given inverse temperatures, which must rise strictly from exactly 0 to exactly 1. */
    public static AnnealingSchedule of(double... betas) {
        requireAnnealingPath(betas, "betas");
        Checks.requireInRange(betas.length - 1, 1, MAX_STEPS, "steps");
        return new AnnealingSchedule(betas.clone());
    }

    private static void requireAnnealingPath(double[] x, String name) {
        if (x.length < 2 || x[0] != 0.0 || x[x.length - 1] != 1.0) {
            throw new IllegalArgumentException(name + " must start at 0 and end at 1 (at least two values): "
                    + (x.length <= 6 ? Arrays.toString(x) : x.length + " values from " + x[0] + " to " + x[x.length - 1]));
        }
        for (int k = 1; k < x.length; k++) {
            if (!(x[k] > x[k - 1])) {
                throw new IllegalArgumentException(name + " must increase strictly in [0, 1]: " + name + "[" + k
                        + "] = " + x[k] + " after " + name + "[" + (k - 1) + "] = " + x[k - 1]);
            }
        }
    }

    /** The number of steps {@code K} (one fewer than the inverse temperatures). */
    public int steps() {
        return betas.length - 1;
    }

    /** {@code beta_k}, {@code 0 <= k <= K}. */
    public double beta(int k) {
        return betas[k];
    }

    @Override
    public String toString() {
        return "annealing schedule of " + steps() + " steps";
    }
}

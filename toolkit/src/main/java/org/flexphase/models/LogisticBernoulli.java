package org.flexphase.models;

/**
 * Draws {@code 1[u < sigmoid(x)]} for a uniform {@code u}, the innermost operation of every Gibbs step, mostly
 * without computing {@code exp}. The floating-point sigmoid {@code 1 / (1 + exp(-x))} is monotone in {@code x}
 * ({@code Math.exp} is required to be semi-monotonic, and the division is correctly rounded), so on a grid cell
 * {@code [x_k, x_k+1]} it lies between the tabulated {@code sigmoid(x_k)} and {@code sigmoid(x_k+1)}. A {@code u}
 * below the lower value is a 1, one at or above the upper value is a 0, and only the rare {@code u} in between
 * (probability at most {@code STEP / 4}) pays for the exact sigmoid. The decision is therefore bit-for-bit the one
 * of {@code u < sigmoid(x)}: same seeds give the same samples as the plain formula, only faster.
 */
public final class LogisticBernoulli {
    /** Grid spacing: the in-between band has probability at most 1/256, and the table stays in L1 (16 KB). */
    static final double STEP = 1.0 / 64;
    static final double LIMIT = 16.0;
    private static final int CELLS = (int) (2 * LIMIT / STEP);
    private static final double[] TABLE = new double[CELLS + 1];

    static {
        for (int k = 0; k <= CELLS; k++) {
            TABLE[k] = sigmoid(-LIMIT + k * STEP);
        }
    }

    private LogisticBernoulli() {
    }

    /** The logistic function, {@code 1 / (1 + exp(-x))}. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** {@code 1.0} if {@code u < sigmoid(x)}, else {@code 0.0}. */
    public static double sample(double x, double u) {
        double t = (x + LIMIT) * (1.0 / STEP);
        if (t >= 1 && t < CELLS - 1) {
            int k = (int) t;
            // t is rounded: nudge k so that x_k <= x < x_k+1 holds exactly (grid points are exact doubles).
            if (x < k * STEP - LIMIT) {
                k--;
            } else if (x >= (k + 1) * STEP - LIMIT) {
                k++;
            }
            // The outcome is a coin flip that a branch would mispredict half the time (about 7 ns each): read the
            // comparisons from the sign bits of the differences instead (u equal to a bound gives +0.0, sign 0,
            // matching "u < bound" being false), and branch only on the rare, well-predicted "inside the band".
            long belowLower = Double.doubleToRawLongBits(u - TABLE[k]) >>> 63;
            long belowUpper = Double.doubleToRawLongBits(u - TABLE[k + 1]) >>> 63;
            if ((belowUpper & ~belowLower) == 0) {
                return belowLower;
            }
        }
        return u < sigmoid(x) ? 1.0 : 0.0;
    }
}

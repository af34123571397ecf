package org.flexphase.boltzmann;

/**
 * Draws {@code 1[u < sigmoid(x)]} for a uniform {@code u}, the innermost operation of every Gibbs step, mostly
 * without computing {@code exp}. The floating-point sigmoid {@code 1 / (1 + exp(-x))} is monotone in {@code x}
 * ({@code Math.exp} is required to be semi-monotonic, and the division is correctly rounded), so on a grid cell
 * {@code [x_k, x_k+1]} it lies between the tabulated {@code sigmoid(x_k)} and {@code sigmoid(x_k+1)}. A {@code u}
 * below the lower value is a 1, one at or above the upper value is a 0, and only the rare {@code u} in between
 * (probability at most {@code STEP / 4}) pays for the exact sigmoid. The decision is therefore bit-for-bit the one
 * of {@code u < sigmoid(x)}: same seeds give the same samples as the plain formula, only faster.
 *
 * <p>The cell is the truncated {@code t = (x + LIMIT) / STEP}, clamped to the table, with no other test: each cell's
 * bounds are taken at its ends widened by {@code SLACK}, more than the rounding of {@code x + LIMIT} can move
 * {@code x} across a cell boundary (at most 2^-48 for the {@code x} that land in a middle cell), and the two end
 * cells reach to infinity (bounds 0 and 1), which also sends NaN (truncated to cell 0) to the exact formula's 0.
 */
public final class LogisticBernoulli {
    /** Grid spacing: the in-between band has probability at most about 1/256. */
    static final double STEP = 1.0 / 64;
    static final double LIMIT = 16.0;
    /** How far beyond its ends a cell's bounds hold: far above the 2^-48 rounding of {@code x + LIMIT}. */
    static final double SLACK = 0x1.0p-40;
    static final int CELLS = (int) (2 * LIMIT / STEP);
    /** Lower and upper bound of cell k at 2k and 2k + 1 (one cache line holds both); 32 KB. */
    private static final double[] BOUNDS = new double[2 * CELLS];

    static {
        for (int k = 0; k < CELLS; k++) {
            BOUNDS[2 * k] = k == 0 ? 0.0 : sigmoid(-LIMIT + k * STEP - SLACK);
            BOUNDS[2 * k + 1] = k == CELLS - 1 ? 1.0 : sigmoid(-LIMIT + (k + 1) * STEP + SLACK);
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
        int k = Math.min(Math.max((int) ((x + LIMIT) * (1.0 / STEP)), 0), CELLS - 1);
        // The outcome is a coin flip that a branch would mispredict half the time (about 7 ns each): read the
        // comparisons from the sign bits of the differences instead (u equal to a bound gives +0.0, sign 0,
        // matching "u < bound" being false), and branch only on the rare, well-predicted "inside the band".
        long belowLower = Double.doubleToRawLongBits(u - BOUNDS[2 * k]) >>> 63;
        long belowUpper = Double.doubleToRawLongBits(u - BOUNDS[2 * k + 1]) >>> 63;
        if ((belowUpper & ~belowLower) == 0) {
            return belowLower;
        }
        return u < sigmoid(x) ? 1.0 : 0.0;
    }
}

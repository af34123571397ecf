package org.flexphase.util;

/**
 * Argument validation shared by every package. Each check returns its argument so it can be used
 * inline in constructors, rejects NaN through negated comparisons, and throws an
 * {@link IllegalArgumentException} whose message names the parameter, its value and the allowed range.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * True when no entry is NaN or infinite: {@code v * 0.0} is 0 for finite {@code v} and NaN otherwise, so one
     * branch-free pass decides it (the trainers call this on every parameter vector they check).
     */
    public static boolean allFinite(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * 0.0;
        }
        return sum == 0.0;
    }

    /** Requires {@code 0 < value < 1}. */
    public static double requireOpenProbability(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1): " + value);
        }
        return value;
    }

    /** Requires {@code 0 < value <= 1}. */
    public static double requireHalfOpenProbability(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
        }
        return value;
    }

    /** Requires {@code 0 <= value <= 1}. */
    public static double requireClosedProbability(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double requirePositive(double value, String name) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0: " + value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0}. */
    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0: " + value);
        }
        return value;
    }

    /** Requires a finite value. */
    public static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int requireAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static long requireAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int requireInRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static double requireInRange(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }
}

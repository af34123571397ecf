package org.flexphase.util;

/**
 * Argument validation shared by every package, in the argument-first order constructors read best with. Each check
 * returns its argument so it can be used inline, rejects NaN through negated comparisons, and throws an
 * {@link InvalidSetting} (an {@link IllegalArgumentException}) in its one wording: the parameter, its value and the
 * allowed range.
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
        return InvalidSetting.requireOpenUnit(name, value);
    }

    /** Requires {@code 0 < value <= 1}. */
    public static double requireHalfOpenProbability(double value, String name) {
        return InvalidSetting.requireHalfOpenUnit(name, value);
    }

    /** Requires a finite {@code value > 0}. */
    public static double requirePositive(double value, String name) {
        return InvalidSetting.requirePositive(name, value);
    }

    /** Requires a finite {@code value >= 0}. */
    public static double requireNonNegative(double value, String name) {
        return InvalidSetting.requireNonNegative(name, value);
    }

    /** Requires a finite value. */
    public static double requireFinite(double value, String name) {
        return InvalidSetting.requireFinite(name, value);
    }

    /** Requires {@code value >= min}. */
    public static int requireAtLeast(int value, int min, String name) {
        InvalidSetting.requireAtLeast(name, value, min);
        return value;
    }

    /** Requires {@code value >= min}. */
    public static long requireAtLeast(long value, long min, String name) {
        return InvalidSetting.requireAtLeast(name, value, min);
    }

    /** Requires {@code min <= value <= max}. */
    public static int requireInRange(int value, int min, int max, String name) {
        InvalidSetting.requireInRange(name, value, min, max);
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static double requireInRange(double value, double min, double max, String name) {
        return InvalidSetting.requireInRange(name, value, min, max);
    }
}

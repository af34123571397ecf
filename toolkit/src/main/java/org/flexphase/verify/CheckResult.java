package org.flexphase.verify;

/**
 * The outcome of one check: what was measured, what was expected, the tolerance, and the seed that replays it.
 *
 * @param rate      the check's false-failure probability on a correct system (0 for bit-exact checks)
 * @param statistic the number compared with the tolerance: the worst |z| of (a), the slope of (e); NaN otherwise
 */
public record CheckResult(Check check, boolean passed, String measured, String expected, String tolerance,
                          double rate, long seed, String detail, double statistic) {

    static CheckResult pass(Check check, String measured, String expected, String tolerance, double rate, long seed,
                            String detail) {
        return new CheckResult(check, true, measured, expected, tolerance, rate, seed, detail, Double.NaN);
    }

    static CheckResult fail(Check check, String measured, String expected, String tolerance, double rate, long seed,
                            String detail) {
        return new CheckResult(check, false, measured, expected, tolerance, rate, seed, detail, Double.NaN);
    }

    /** This result with its numeric statistic. */
    CheckResult withStatistic(double value) {
        return new CheckResult(check, passed, measured, expected, tolerance, rate, seed, detail, value);
    }

    /** One readable line: check, verdict, measured, expected, tolerance, false-failure rate, seed to replay. */
    public String message() {
        return "[" + check.key() + "] " + (passed ? "passed" : "FAILED") + ": measured " + measured + "; expected "
                + expected + "; tolerance " + tolerance + (rate > 0 ? " (false-failure rate <= " + rate + ")" : "")
                + "; replay with seed " + seed + (detail.isEmpty() ? "" : "; " + detail);
    }

    @Override
    public String toString() {
        return message();
    }
}

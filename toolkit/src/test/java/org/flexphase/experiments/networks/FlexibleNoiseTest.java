package org.flexphase.experiments.networks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The noise law behind the flexible-phase stall (docs/theory.md section 5.2): at frozen conductances the relative
 * error of the time-averaged increments against the two-phase rule scales as {@code K / (eta_c sqrt(pT))}, so
 * {@code error * eta_c * sqrt(pT)} stays within a narrow band across nudges and averaging times (seed 11, fixed).
 */
class FlexibleNoiseTest {

    @Test
    void relativeErrorFallsAsOneOverNudgeTimesRootTime() {
        double p = 0.05;
        Table t = FlexibleNoise.table(p);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            double k = t.doubleColumn("relative_error").getDouble(i) * t.doubleColumn("nudge").getDouble(i)
                    * Math.sqrt(p * t.doubleColumn("steps").getDouble(i));
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
        }
        System.out.printf("error * eta_c * sqrt(pT) in [%.1f, %.1f]%n", lo, hi);
        assertTrue(hi / lo < 2.5, "K should not depend on eta_c or T: range [" + lo + ", " + hi + "]");
        // the largest nudge at the longest average points the right way; the smallest does not yet
        assertTrue(t.doubleColumn("cosine").getDouble(t.rowCount() - 1) > 0.9);
        assertTrue(t.doubleColumn("cosine").getDouble(2) < 0.5);
    }
}

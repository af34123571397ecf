package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each of {@link Stability#assess}'s thresholds at exact equality (the values are exact in binary): a rise is unstable
 * only above {@code factor} times the start; an oscillation counts with reversals in exactly half of the checkpoints'
 * inner differences, a swing of exactly a quarter of the start, an end equal to the half's beginning and a mean of
 * exactly half the start, and from exactly 4 checkpoints in the second half; flat stretches are not reversals.
 */
class StabilityThresholdEdgesTest {

    private static long[] steps(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = 100L * i;
        }
        return s;
    }

    private static String assess(double... cost) {
        return Stability.assess(cost, steps(cost.length), 10);
    }

    @Test
    void aRiseMustExceedTheFactorAndTheFirstPeakIsReported() {
        assertNull(assess(1, 10), "exactly 10 times the start is not above it");
        String why = assess(1, 20.5, 20.5);
        assertNotNull(why, "two checkpoints suffice");
        assertTrue(why.contains("at step 100;"), why);
        assertNull(assess(0, 1, 2), "a zero start has no scale");
        assertNull(assess(5));
    }

    @Test
    void oscillationThresholdsHoldAtEquality() {
        assertNotNull(assess(1, 1, 1, 1, 0.6, 1.0, 0.7, 0.7), "1 reversal in 4 checkpoints is half of 2");
        assertNotNull(assess(1, 1, 1, 1, 0.75, 1.0, 0.75, 1.0), "a swing of exactly 0.25 of the start");
        assertNotNull(assess(1, 1, 1, 1, 1, 0.6, 1.0, 0.6, 1.0, 0.6), "ending where the half began");
        assertNotNull(assess(1, 1, 1, 1, 0.25, 0.75, 0.25, 0.75), "a mean of exactly half the start");
        assertNull(assess(1, 1, 1, 1, 0.24, 0.74, 0.24, 0.74), "a mean just below half the start has learned");
    }

    @Test
    void theFirstInnerDifferenceCountsAndFlatStretchesDoNot() {
        // second half 0.6, 1, 0.6, 1, 1: reversals at its 3rd and 4th checkpoints, 2 of the needed 1.5
        assertNotNull(assess(1, 1, 1, 1, 1, 0.6, 1.0, 0.6, 1.0, 1.0));
        // second half 1, 1, 1, 1.3: no reversal, only flat steps and a rise
        assertNull(assess(1, 1, 1, 1, 1, 1, 1, 1.3));
    }
}

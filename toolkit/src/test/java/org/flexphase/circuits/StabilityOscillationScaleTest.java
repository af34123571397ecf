package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * {@link Stability#assess}'s oscillation rule with a start cost of 2, so that every threshold that scales with the
 * start ({@code SWING c0}, {@code PROGRESS c0}) differs from the bare fraction: the reversals are counted in the second
 * half only, a flat step after a fall is no reversal, and the report names the window, the counts and the range.
 * Eight checkpoints: the second half is checkpoints 4-7 (steps 400-700), so an oscillation needs 2 * reversals >= 2.
 */
class StabilityOscillationScaleTest {

    private static String assess(double... cost) {
        long[] step = new long[cost.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = 100L * i;
        }
        return Stability.assess(cost, step, 2);
    }

    @Test
    void anOscillatingSecondHalfIsReportedWithItsWindowCountsAndRange() {
        assertEquals("cost oscillates without trend over steps 400-700 (2 reversals in 4 checkpoints, between 1.200 "
                + "and 1.800, mean 1.500, start 2.000)", assess(2, 1.9, 1.8, 1.7, 1.2, 1.8, 1.2, 1.8));
    }

    @Test
    void reversalsBeforeTheSecondHalfDoNotCount() {
        // the first half zigzags into a steadily rising second half
        assertNull(assess(2, 1.6, 1.4, 1.8, 1.2, 1.4, 1.6, 1.8));
    }

    @Test
    void aFlatStepAfterAFallIsNoReversal() {
        assertNull(assess(2, 1.9, 1.85, 1.8, 1.8, 1.2, 1.2, 1.8));
    }

    @Test
    void theSwingIsMeasuredAgainstAQuarterOfTheStart() {
        // range 0.3: below SWING * c0 = 0.5 (though above SWING / c0)
        assertNull(assess(2, 1.9, 1.8, 1.7, 1.5, 1.8, 1.5, 1.8));
    }

    @Test
    void progressIsMeasuredAgainstHalfTheStart() {
        // mean 0.6: below PROGRESS * c0 = 1 (though above PROGRESS / c0)
        assertNull(assess(2, 1.5, 1.2, 1.0, 0.3, 0.9, 0.3, 0.9));
    }

    @Test
    void twoCheckpointsSufficeForARiseAndAZeroStartHasNoScale() {
        assertEquals("cost rose to 2.50 times its start (2.000 -> 5.000 at step 100; threshold 2.00 times)",
                assess(2, 5));
        assertNull(assess(0, 5));
    }
}

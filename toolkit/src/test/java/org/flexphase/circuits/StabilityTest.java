package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Stability}: a rise above the factor and an oscillation without trend are unstable; learning is not. */
class StabilityTest {
    static long[] steps(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1000L * i;
        }
        return s;
    }

    @Test
    void aRiseAboveTheFactorIsUnstableAndSaysByHowMuch() {
        double[] cost = {0.01, 0.02, 0.08, 0.24, 0.23};
        String why = Stability.assess(cost, steps(cost.length), 10);
        assertNotNull(why);
        assertTrue(why.contains("24.0 times its start"), why);
        assertNull(Stability.assess(cost, steps(cost.length), 30), "24x is below a factor of 30");
    }

    @Test
    void anOscillationWithoutTrendIsUnstableButNoiseAtAFloorIsNot() {
        double[] swing = {1, 0.5, 0.3, 0.6, 0.2, 0.7, 0.25, 0.65, 0.2, 0.7};
        assertNotNull(Stability.assess(swing, steps(swing.length), 10));
        double[] floor = {1, 0.1, 1e-3, 2e-4, 1e-4, 3e-4, 1e-4, 3e-4, 1e-4, 3e-4};
        assertNull(Stability.assess(floor, steps(floor.length), 10), "noise at a floor near 0 is stable");
        double[] falling = {1, 0.9, 0.8, 0.85, 0.6, 0.65, 0.4, 0.45, 0.2, 0.25};
        assertNull(Stability.assess(falling, steps(falling.length), 10), "a falling zig-zag has a trend");
        // twin, 64 nodes, seed 2, lr 0.1: swings between examples at 0.12-0.46 of its start after learning
        double[] learned = {0.144, 0.093, 0.042, 0.036, 0.030, 0.065, 0.020, 0.066, 0.018, 0.022, 0.017, 0.056, 0.026,
            0.055};
        assertNull(Stability.assess(learned, steps(learned.length), 10), "a swing well below the start has learned");
    }
}

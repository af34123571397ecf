package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Adam's steps checked against Kingma and Ba's algorithm worked by hand: bias-corrected moments
 * {@code m^ = m / (1 - 0.9^t)}, {@code v^ = v / (1 - 0.999^t)}, step {@code rate m^ / (sqrt(v^) + 1e-8)}.
 */
class AdamOptimizerTest {
    @Test
    void theFirstStepIsTheRateTimesTheGradientsSignDampedByEpsilon() {
        // t = 1: m^ = g and v^ = g^2 exactly, so the step is rate g / (|g| + eps). At |g| = eps it is half the
        // rate: the place where eps is visible at all.
        AdamOptimizer adam = new AdamOptimizer(4);
        double[] theta = {1, 1, 1, 1};
        double[] g = {2, -3, 1e-8, 0};
        adam.stepInPlace(theta, g, 0.01);
        assertEquals(1 - 0.01 * 2 / (2 + 1e-8), theta[0], 1e-15);
        assertEquals(1 + 0.01 * 3 / (3 + 1e-8), theta[1], 1e-15);
        assertEquals(1 - 0.005, theta[2], 1e-12, "|g| = eps: half the rate");
        assertEquals(1, theta[3], 0.0, "no gradient, no step");
        assertArrayEquals(new double[4], g, 0.0, "the gradient is zeroed for the next step");
    }

    @Test
    void theSecondStepUsesBothMomentsWithTheirBiasCorrection() {
        AdamOptimizer adam = new AdamOptimizer(1);
        double[] theta = {0};
        adam.stepInPlace(theta, new double[]{1}, 0.1);
        double afterOne = theta[0];
        adam.stepInPlace(theta, new double[]{3}, 0.1);
        // By hand: m = 0.9 * 0.1 + 0.1 * 3 = 0.39, v = 0.999 * 0.001 + 0.001 * 9 = 0.009999;
        // m^ = 0.39 / 0.19, v^ = 0.009999 / 0.001999.
        double mHat = 0.39 / 0.19;
        double vHat = 0.009999 / 0.001999;
        assertEquals(-0.1 * 1 / (1 + 1e-8), afterOne, 1e-15);
        assertEquals(afterOne - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), theta[0], 1e-12);
        // The step differs from the first-step rule (rate * sign) by a visible amount: 0.0917 vs 0.1.
        assertEquals(-0.1917, theta[0], 1e-3);
    }

    @Test
    void aCopyStartsFromZeroMomentsAndEntriesDoNotInteract() {
        AdamOptimizer used = new AdamOptimizer(2);
        used.stepInPlace(new double[2], new double[]{5, -5}, 1);
        AdamOptimizer fresh = used.copy();
        double[] a = {0, 0};
        fresh.stepInPlace(a, new double[]{1, 2}, 0.5);
        double[] b = {0, 0};
        new AdamOptimizer(2).stepInPlace(b, new double[]{1, 2}, 0.5);
        assertArrayEquals(b, a, 0.0, "a copy behaves as a new optimiser of the same size");
        // One Adam over both entries equals one Adam per entry.
        double[] joint = {0.3, -0.7};
        AdamOptimizer both = new AdamOptimizer(2);
        AdamOptimizer first = new AdamOptimizer(1);
        AdamOptimizer second = new AdamOptimizer(1);
        double[] x = {0.3};
        double[] y = {-0.7};
        double[][] grads = {{1, -2}, {0.5, 4}, {-3, 0.25}};
        for (double[] grad : grads) {
            both.stepInPlace(joint, grad.clone(), 0.05);
            first.stepInPlace(x, new double[]{grad[0]}, 0.05);
            second.stepInPlace(y, new double[]{grad[1]}, 0.05);
        }
        assertArrayEquals(new double[]{x[0], y[0]}, joint, 0.0);
    }

    @Test
    void mismatchedLengthsAreRefusedWithBothLengths() {
        AdamOptimizer adam = new AdamOptimizer(3);
        var e = assertThrows(IllegalArgumentException.class, () -> adam.stepInPlace(new double[3], new double[2], 1));
        assertTrue(e.getMessage().contains("3 entries: 3, 2"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> adam.stepInPlace(new double[4], new double[3], 1));
        assertTrue(f.getMessage().contains("3 entries: 4, 3"), f.getMessage());
    }
}

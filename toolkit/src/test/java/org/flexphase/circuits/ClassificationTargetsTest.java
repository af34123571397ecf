package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The classification task's second constructor (the anchors' MNIST runs, output edges): without a bias input the
 * inputs are the scaled features alone, and the targets are the given {@code high} and {@code low}
 * ({@link Classification#EDGE_TARGET} and its negation for output edges); targets must be finite with high > low.
 */
class ClassificationTargetsTest {
    static final double[][] TRAIN = {{1, 10}, {3, 20}, {5, 30}};
    static final double[][] TEST = {{2, 40}};
    static final double E = Classification.EDGE_TARGET;

    static Classification task(boolean paired, boolean bias, double high, double low) {
        return new Classification(TRAIN, new int[]{0, 1, 0}, TEST, new int[]{1}, 2, paired, bias, high, low);
    }

    @Test
    void withoutABiasTheInputsAreTheScaledFeaturesAlone() {
        Classification c = task(false, false, E, -E);
        assertEquals(2, c.inputNodes());
        assertArrayEquals(new double[]{0.5, 0.5}, c.train().input(1), 1e-15);
        Classification paired = task(true, false, E, -E);
        assertEquals(4, paired.inputNodes());
        assertArrayEquals(new double[]{1, 1, -1, -1}, paired.train().input(2), 1e-15);
        // with the bias, the same features and a 1 last
        assertArrayEquals(new double[]{0.5, 0.5, 1}, task(false, true, E, -E).train().input(1), 1e-15);
    }

    @Test
    void theTargetsAreTheGivenHighAndLow() {
        Classification c = task(false, false, E, -E);
        assertArrayEquals(new double[]{0.05, -0.05}, c.train().target(0), 0.0);
        assertArrayEquals(new double[]{-0.05, 0.05}, c.train().target(1), 0.0);
        Classification other = task(false, true, 2.0, 1.5);
        assertArrayEquals(new double[]{1.5, 2.0}, other.train().target(1), 0.0);
        // the first constructor keeps HIGH and LOW and the bias
        Classification old = new Classification(TRAIN, new int[]{0, 1, 0}, TEST, new int[]{1}, 2, false);
        assertArrayEquals(new double[]{Classification.HIGH, Classification.LOW}, old.train().target(0), 0.0);
        assertEquals(3, old.inputNodes());
    }

    @Test
    void targetsThatAreNotFiniteWithHighAboveLowAreRefused() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] bad = {{0.1, 0.1}, {-0.1, 0.1}, {Double.NaN, 0}, {1, Double.NaN}, {inf, 0}, {1, -inf}};
        for (double[] t : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> task(false, false, t[0], t[1]), t[0] + ", " + t[1]);
            assertTrue(e.getMessage().startsWith("targets must be finite with high > low: "), e.getMessage());
        }
        assertEquals(2, task(false, false, Math.nextUp(0.1), 0.1).inputNodes());
    }
}

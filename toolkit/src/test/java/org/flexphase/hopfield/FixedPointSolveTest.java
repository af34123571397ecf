package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link FixedPoints#solve}'s result and report: a clamped solve holds the output at the target even with no relaxation
 * sweeps before Newton, the margin is the smallest distance of a free unit to either edge of the box, and
 * {@link FixedPoints.Solution#isInteriorMinimum} accepts its bounds inclusively.
 */
class FixedPointSolveTest {
    private static final double[] X = {0.9, 0.2, 0.6};
    private static final double[] T = {0.7, 0.2};

    /** Small weights and one large first-layer bias: interior fixed point with a unit close to 1. */
    private static HopfieldNetwork network() {
        HopfieldNetwork net = HopfieldNetwork.of(3, 4, 2);
        double[] theta = net.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.03 + 0.01 * (k % 5);
        }
        theta[net.biasOffset(1) + 2] = 0.87;
        net.parametersChanged();
        return net;
    }

    @Test
    void aClampedSolveHoldsTheOutputAtTheTargetWithoutSweeps() {
        HopfieldNetwork net = network();
        HopfieldState relaxed = net.newState();
        relaxed.show(X, T, 0);
        FixedPoints.Solution reference = FixedPoints.solve(relaxed, 0, true, 200);
        HopfieldState cold = net.newState();
        cold.show(X, T, 0);
        // an interior start (at 0 the kink's zero slope would stop Newton) whose output is not at the target
        cold.setFlatActivations(new double[]{0.5, 0.5, 0.5, 0.5, 0.0, 0.9});
        FixedPoints.Solution direct = FixedPoints.solve(cold, 0, true, 0);
        assertArrayEquals(T, cold.output(), 0);
        assertArrayEquals(reference.activations(), direct.activations(), 1e-12);
        assertTrue(direct.isInteriorMinimum(0.01, 1e-12), direct.toString());
    }

    @Test
    void theMarginIsTheSmallestDistanceToEitherEdge() {
        HopfieldNetwork net = network();
        HopfieldState st = net.newState();
        st.show(X, T, 0);
        FixedPoints.Solution sol = FixedPoints.solve(st, 0, false, 50);
        double[] s = sol.activations();
        double toZero = Double.POSITIVE_INFINITY;
        double toOne = Double.POSITIVE_INFINITY;
        for (double v : s) {
            toZero = Math.min(toZero, v);
            toOne = Math.min(toOne, 1 - v);
        }
        assertTrue(toOne < toZero, "the setting must put a unit closer to 1 than any unit is to 0: "
                + java.util.Arrays.toString(s));
        assertEquals(toOne, sol.margin(), 0);
        assertArrayEquals(s, st.flatActivations(), 0, "the state is left at the solution");
    }

    @Test
    void interiorMinimumAcceptsItsBoundsInclusively() {
        FixedPoints.Solution sol = new FixedPoints.Solution(new double[]{0.25, 0.5}, 1e-9, 0.25, true);
        assertTrue(sol.isInteriorMinimum(0.25, 1e-9));
        assertFalse(sol.isInteriorMinimum(0.2500001, 1e-9));
        assertFalse(sol.isInteriorMinimum(0.25, 0.99e-9));
        assertFalse(new FixedPoints.Solution(new double[]{0.25, 0.5}, 1e-9, 0.25, false).isInteriorMinimum(0.25, 1e-9));
    }
}

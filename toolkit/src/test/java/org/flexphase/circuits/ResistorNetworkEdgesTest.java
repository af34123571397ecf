package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ResistorNetwork}'s constructor at the edges of what it accepts (a box of one value, the last node index, one
 * hidden node) and {@link ResistorNetwork#currentScale} by hand on a small graph.
 */
class ResistorNetworkEdgesTest {
    // 0 - 1, 0 - 2, 2 - 3, 3 - 4: node 0 has two neighbours
    private static final int[][] EDGES = {{0, 1}, {0, 2}, {2, 3}, {3, 4}};

    private static ResistorNetwork network(double[] k, double kMin, double kMax, int[] in, int ground, int[] out) {
        return new ResistorNetwork(Graph.of(5, EDGES), k, kMin, kMax, in, ground, out);
    }

    @Test
    void aBoxOfOneValueIsAcceptedAndReported() {
        ResistorNetwork net = network(new double[]{1.5, 1.5, 1.5, 1.5}, 1.5, 1.5, new int[]{1}, 4, new int[]{3});
        assertEquals(1.5, net.kMin(), 0);
        assertEquals(1.5, net.kMax(), 0);
        assertThrows(IllegalArgumentException.class,
                () -> network(new double[]{1, 1, 1, 1}, 1.5, 1.4, new int[]{1}, 4, new int[]{3}));
    }

    @Test
    void everyConductanceMustLieInTheBox() {
        double[] k = {1, 1, 1, 1};
        for (int e = 0; e < k.length; e++) {
            for (double bad : new double[]{0.49, 2.01}) {
                double[] c = k.clone();
                c[e] = bad;
                IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                        () -> network(c, 0.5, 2, new int[]{1}, 4, new int[]{3}), "edge " + e + " at " + bad);
                assertTrue(x.getMessage().contains("conductance of edge " + e), x.getMessage());
            }
        }
        assertDoesNotThrow(() -> network(new double[]{0.5, 2, 0.5, 2}, 0.5, 2, new int[]{1}, 4, new int[]{3}));
    }

    @Test
    void nodeIndicesAreCheckedUpToTheLastNode() {
        assertDoesNotThrow(() -> network(new double[]{1, 1, 1, 1}, 0.5, 2, new int[]{1}, 4, new int[]{3}));
        // one past the last node: refused by the range check, not by an array index
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(new double[]{1, 1, 1, 1}, 0.5, 2, new int[]{1}, 5, new int[]{3}));
        assertTrue(e.getMessage().contains("node"), e.getMessage());
    }

    @Test
    void theRolesMustLeaveAtLeastOneHiddenNode() {
        // 2 inputs, a ground and an output on 5 nodes leave one hidden node
        assertDoesNotThrow(() -> network(new double[]{1, 1, 1, 1}, 0.5, 2, new int[]{1, 2}, 4, new int[]{3}));
        // 2 inputs, a ground and 2 outputs leave none
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(new double[]{1, 1, 1, 1}, 0.5, 2, new int[]{1, 2}, 4, new int[]{3, 0}));
        assertEquals("a network of 5 nodes cannot have 2 inputs, a ground and 2 outputs and a hidden node",
                e.getMessage());
    }

    @Test
    void currentScaleSumsConductanceTimesBothPotentialsMagnitudes() {
        ResistorNetwork net = network(new double[]{0.5, 2, 1, 0.25}, 0.1, 10, new int[]{1}, 4, new int[]{3});
        double[] p = {-0.5, 0.25, -1.5, 0.75, 2};
        // node 0: edge 0-1 (k 0.5) and 0-2 (k 2)
        assertEquals(0.5 * (0.5 + 0.25) + 2 * (0.5 + 1.5), net.currentScale(0, p), 1e-15);
        // node 3: edge 2-3 (k 1) and 3-4 (k 0.25)
        assertEquals(1 * (0.75 + 1.5) + 0.25 * (0.75 + 2), net.currentScale(3, p), 1e-15);
        // a dead end: one edge
        assertEquals(0.5 * (0.25 + 0.5), net.currentScale(1, p), 1e-15);
    }
}

package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The default layout of an edge list runs counter-clockwise from the right (node i at angle 2 pi i / n), so drawings of
 * the same edge list agree on where each node sits, not only on the circle.
 */
class GraphCircleOrientationTest {

    @Test
    void nodesRunCounterClockwiseFromTheRight() {
        Graph g = Graph.of(4, new int[][]{{0, 1}, {1, 2}, {2, 3}, {3, 0}});
        double[][] expected = {{0.95, 0.5}, {0.5, 0.95}, {0.05, 0.5}, {0.5, 0.05}};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], g.x(i), 1e-15, "x of node " + i);
            assertEquals(expected[i][1], g.y(i), 1e-15, "y of node " + i);
        }
    }
}

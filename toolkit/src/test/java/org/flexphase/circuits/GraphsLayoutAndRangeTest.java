package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The square lattice's layout (node {@code r * cols + c} at the centre of its cell of the unit square) and the random
 * geometric graph's mean-degree range, {@code [1, n - 1]}, at both ends.
 */
class GraphsLayoutAndRangeTest {

    @Test
    void latticeNodesSitAtTheirCellCentres() {
        Graph g = Graphs.squareLattice(3, 4);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                int i = r * 4 + c;
                assertEquals((c + 0.5) / 4, g.x(i), 1e-15, "x of " + i);
                assertEquals((r + 0.5) / 3, g.y(i), 1e-15, "y of " + i);
            }
        }
    }

    @Test
    void meanDegreeMustLieBetweenOneAndNodesMinusOne() {
        assertEquals(6, Graphs.randomGeometric(6, 5.0, 1).nodeCount());
        assertEquals(6, Graphs.randomGeometric(6, 1.0, 1).nodeCount());
        assertThrows(IllegalArgumentException.class, () -> Graphs.randomGeometric(6, 5.01, 1));
        assertThrows(IllegalArgumentException.class, () -> Graphs.randomGeometric(6, 0.99, 1));
    }
}

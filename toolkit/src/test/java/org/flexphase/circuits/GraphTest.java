package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphTest {

    @Test
    void squareLatticeHasItsEdgesAndDegrees() {
        Graph g = Graphs.squareLattice(3, 4);
        assertEquals(12, g.nodeCount());
        assertEquals(3 * 3 + 2 * 4, g.edgeCount());
        assertEquals(2, g.degree(0));
        assertEquals(4, g.degree(5));
    }

    @Test
    void randomGeometricGraphsAreConnectedAndSeeded() {
        for (long seed = 1; seed <= 5; seed++) {
            Graph g = Graphs.randomGeometric(200, 3.0, seed);
            assertEquals(-1, g.firstUnreachable(), "seed " + seed);
            double mean = 2.0 * g.edgeCount() / g.nodeCount();
            assertTrue(mean > 2 && mean < 4.5, "mean degree " + mean);
            Graph again = Graphs.randomGeometric(200, 3.0, seed);
            assertEquals(g.edgeCount(), again.edgeCount());
            for (int e = 0; e < g.edgeCount(); e++) {
                assertEquals(g.from(e), again.from(e));
                assertEquals(g.to(e), again.to(e));
            }
        }
    }

    @Test
    void edgeListsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{0, 0}, {1, 2}}))
                .getMessage().contains("self-loop"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{0, 1}, {1, 0}, {1, 2}}))
                .getMessage().contains("repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(4, new int[][]{{0, 1}, {2, 3}}))
                .getMessage().contains("not connected: node 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{0, 3}}))
                .getMessage().contains("outside 0..2"));
    }

    @Test
    void reverseCuthillMcKeeVisitsEveryKeptNodeOnce() {
        Graph g = Graphs.squareLattice(4, 5);
        boolean[] keep = new boolean[g.nodeCount()];
        java.util.Arrays.fill(keep, true);
        keep[0] = false;
        keep[7] = false;
        int[] order = g.reverseCuthillMcKee(keep);
        int[] sorted = order.clone();
        java.util.Arrays.sort(sorted);
        int[] expected = java.util.stream.IntStream.range(0, 20).filter(i -> i != 0 && i != 7).toArray();
        assertArrayEquals(expected, sorted);
    }
}

package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An edge list's default layout (evenly spaced on a circle of radius 0.45 in the unit square), the node-range and
 * size checks at their edges, every distinct edge of a complete graph accepted, and the reverse Cuthill-McKee order of
 * a path numbered out of order being a band of width 1 (it must start from an end, a node of least degree).
 */
class GraphLayoutAndOrderTest {

    @Test
    void edgeListsAreLaidOutEvenlyOnACircle() {
        int n = 7;
        int[][] ring = new int[n][];
        for (int i = 0; i < n; i++) {
            ring[i] = new int[]{i, (i + 1) % n};
        }
        Graph g = Graph.of(n, ring);
        double side = 2 * 0.45 * Math.sin(Math.PI / n);
        for (int i = 0; i < n; i++) {
            assertEquals(0.45, Math.hypot(g.x(i) - 0.5, g.y(i) - 0.5), 1e-15, "radius of node " + i);
            int j = (i + 1) % n;
            assertEquals(side, Math.hypot(g.x(i) - g.x(j), g.y(i) - g.y(j)), 1e-15, "side " + i);
        }
        assertEquals(0.95, g.x(0), 1e-15);
        assertEquals(0.5, g.y(0), 1e-15);
    }

    @Test
    void sizeAndNodeRangeAreCheckedAtTheirEdges() {
        assertEquals(1, Graph.of(2, new int[][]{{1, 0}}).edgeCount());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(1, new int[][]{}))
                .getMessage().contains("at least 2 nodes, got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{0, 1}, {-1, 2}}))
                .getMessage().contains("edge 1 (-1, 2) names a node outside 0..2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{0, 1}, {2, -1}}))
                .getMessage().contains("outside 0..2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Graph.of(3, new int[][]{{3, 1}}))
                .getMessage().contains("outside 0..2"));
    }

    @Test
    void everyDistinctEdgeOfACompleteGraphIsAccepted() {
        int n = 6;
        int[][] edges = new int[n * (n - 1) / 2][];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                edges[e++] = (i + j) % 2 == 0 ? new int[]{i, j} : new int[]{j, i};
            }
        }
        Graph g = Graph.of(n, edges);
        assertEquals(15, g.edgeCount());
        for (int i = 0; i < n; i++) {
            assertEquals(n - 1, g.degree(i));
        }
    }

    @Test
    void reverseCuthillMcKeeOfAScrambledPathIsABandOfWidthOne() {
        int[] along = {4, 0, 6, 2, 7, 1, 5, 3};
        int[][] edges = new int[along.length - 1][];
        for (int k = 0; k + 1 < along.length; k++) {
            edges[k] = new int[]{along[k], along[k + 1]};
        }
        Graph g = Graph.of(along.length, edges);
        boolean[] keep = new boolean[along.length];
        java.util.Arrays.fill(keep, true);
        int[] order = g.reverseCuthillMcKee(keep);
        int[] position = new int[order.length];
        for (int p = 0; p < order.length; p++) {
            position[order[p]] = p;
        }
        for (int k = 0; k < g.edgeCount(); k++) {
            assertEquals(1, Math.abs(position[g.from(k)] - position[g.to(k)]), "edge " + k);
        }
    }
}

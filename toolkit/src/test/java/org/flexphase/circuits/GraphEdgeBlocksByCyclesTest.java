package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Graph#edgeBlocks} against its definition, on small random geometric graphs (seeds 1-30, 9 nodes, mean
 * degrees 2.5 and 3.5, so bridges, articulation points and 2-connected parts all occur): two edges get the same label
 * exactly when some simple cycle holds both (every simple cycle enumerated by brute force, its edges merged), and the
 * labels are numbered from 0 without holes, as the javadoc promises.
 */
class GraphEdgeBlocksByCyclesTest {
    private static int find(int[] parent, int e) {
        while (parent[e] != e) {
            e = parent[e];
        }
        return e;
    }

    /** Merges the edges of every simple cycle through {@code start} whose other nodes are all above it. */
    private static void cycles(Graph g, int start, int v, boolean[] onPath, int[] pathEdges, int length, int[] parent) {
        for (int k = 0; k < g.degree(v); k++) {
            int e = g.incidentEdge(v, k);
            int w = g.other(e, v);
            if (w == start && length >= 2 && e != pathEdges[0]) {
                for (int i = 0; i < length; i++) {
                    parent[find(parent, pathEdges[i])] = find(parent, e);
                }
            } else if (w > start && !onPath[w]) {
                onPath[w] = true;
                pathEdges[length] = e;
                cycles(g, start, w, onPath, pathEdges, length + 1, parent);
                onPath[w] = false;
            }
        }
    }

    @Test
    void sameLabelExactlyWhenOnACommonSimpleCycleAndLabelsFromZero() {
        int bridges = 0;
        int bigBlocks = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Graph g = Graphs.randomGeometric(9, seed % 2 == 0 ? 2.5 : 3.5, seed);
            int m = g.edgeCount();
            int[] parent = new int[m];
            for (int e = 0; e < m; e++) {
                parent[e] = e;
            }
            for (int s = 0; s < g.nodeCount(); s++) {
                boolean[] onPath = new boolean[g.nodeCount()];
                onPath[s] = true;
                cycles(g, s, s, onPath, new int[g.nodeCount()], 0, parent);
            }
            int[] b = g.edgeBlocks();
            String at = "seed " + seed + ": " + Arrays.toString(b);
            for (int e = 0; e < m; e++) {
                for (int f = 0; f < m; f++) {
                    assertEquals(find(parent, e) == find(parent, f), b[e] == b[f], at + ", edges " + e + " and " + f);
                }
            }
            int[] sizes = new int[m];
            int labels = 0;
            for (int e = 0; e < m; e++) {
                sizes[find(parent, e)]++;
                labels = Math.max(labels, b[e] + 1);
            }
            long classes = Arrays.stream(sizes).filter(c -> c > 0).count();
            assertEquals(classes, labels, at + ": labels 0.." + (labels - 1) + " for " + classes + " blocks");
            assertEquals(classes, Arrays.stream(b).distinct().filter(x -> x >= 0).count(), at);
            bridges += (int) Arrays.stream(sizes).filter(c -> c == 1).count();
            bigBlocks += (int) Arrays.stream(sizes).filter(c -> c >= 3).count();
        }
        assertEquals(true, bridges > 10 && bigBlocks > 10, bridges + " bridges, " + bigBlocks + " blocks of 3+ edges");
    }
}

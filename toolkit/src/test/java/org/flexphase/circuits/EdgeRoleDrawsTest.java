package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ResistorNetwork#withRandomEdgeRoles}: the terminal edges are drawn at random (seeded), so different seeds
 * give different input edges and the same seed the same network; a graph with exactly two nodes left after the
 * terminal edges (the ground and one hidden node) is accepted, one with fewer, or without enough edges that share no
 * node, is refused with the counts.
 */
class EdgeRoleDrawsTest {
    static Graph cycle(int n) {
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            edges[i] = new int[]{i, (i + 1) % n};
        }
        return Graph.of(n, edges);
    }

    @Test
    void theTerminalEdgesAreDrawnBySeed() {
        Graph g = Graphs.randomGeometric(40, 5.0, 2);
        Set<Integer> firstInputs = new HashSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            ResistorNetwork net = ResistorNetwork.withRandomEdgeRoles(g, 2, 1, 1.0, 1e-3, 1e3, seed);
            firstInputs.add(net.input(0));
            ResistorNetwork again = ResistorNetwork.withRandomEdgeRoles(g, 2, 1, 1.0, 1e-3, 1e3, seed);
            assertEquals(net.input(0), again.input(0));
            assertEquals(net.inputPartner(1), again.inputPartner(1));
            assertEquals(net.outputPartner(0), again.outputPartner(0));
            assertEquals(net.ground(), again.ground());
        }
        // 30 draws over about 40 edges: a fixed order would give one input edge every time
        assertTrue(firstInputs.size() >= 10, "input 0 over 30 seeds: " + firstInputs);
    }

    @Test
    void exactlyAGroundAndOneHiddenNodeLeftIsEnough() {
        for (long seed = 1; seed <= 5; seed++) {
            ResistorNetwork net = ResistorNetwork.withRandomEdgeRoles(cycle(6), 1, 1, 0.5, 1e-3, 1e3, seed);
            boolean[] used = new boolean[6];
            for (int i : new int[]{net.input(0), net.inputPartner(0), net.output(0), net.outputPartner(0),
                    net.ground()}) {
                assertTrue(!used[i], "seed " + seed + ": node " + i + " has two roles");
                used[i] = true;
            }
            assertArrayEquals(new double[]{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, net.conductances(), 0.0);
        }
    }

    @Test
    void tooFewNodesOrNoDisjointEdgesAreRefusedWithTheCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResistorNetwork.withRandomEdgeRoles(cycle(5), 1, 1, 1.0, 1e-3, 1e3, 1));
        assertEquals("a network of 5 nodes cannot have 2 terminal edges, a ground and a hidden node", e.getMessage());
        Graph star = Graph.of(5, new int[][]{{0, 1}, {0, 2}, {0, 3}, {0, 4}});
        e = assertThrows(IllegalArgumentException.class,
                () -> ResistorNetwork.withRandomEdgeRoles(star, 1, 1, 1.0, 1e-3, 1e3, 1));
        assertTrue(e.getMessage().startsWith("this 5-node graph has no 2 edges without a shared node (found 1)"),
                e.getMessage());
    }
}

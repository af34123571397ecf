package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One backward-Euler step of the solver with tied nodes (edge terminals) and a shift {@code s} other than 1, checked
 * against the step's own equations rather than its limit: a tied pair keeps its drop and moves as one node of weight 2,
 * so for every merged group {@code G} of free nodes, {@code s sum_{i in G} (p'_i - p_i) = -sum (current leaving G at
 * p')}; held nodes do not move. At {@code s = 1} (the only shift the edge-terminal tests used) a weight of
 * {@code 1 + 1/s} cannot be told from {@code 1 + s}, and from a start at the equilibrium a missing shift term changes
 * nothing, so the start here is far from it. The network is the six-node loop of {@link EdgeTerminalsTest}'s
 * description: source edge 0-1, output edge 2-3, ground 4 hanging off node 5.
 */
class EquilibriumSolverTiedStepTest {
    static ResistorNetwork loop() {
        Graph g = Graph.of(6, new int[][]{{0, 1}, {0, 2}, {2, 3}, {3, 5}, {5, 1}, {4, 5}});
        return new ResistorNetwork(g, new double[]{1, 1, 2, 4, 4, 1}, 1e-3, 1e3, new int[]{0}, 4, new int[]{2},
                new int[]{1}, new int[]{3});
    }

    /** The row each node moves with: itself, or the node it is tied to; -1 when held. */
    private static int group(int i, boolean[] held, int[] tie) {
        return held[i] ? -1 : tie[i] >= 0 ? tie[i] : i;
    }

    private static void assertOneImplicitStep(ResistorNetwork net, boolean clamped, double s) {
        boolean[] held = net.heldNodes(clamped);
        int[] tie = net.ties(clamped);
        double[] p = {0.3, -0.7, 0.2, 0.9, 0.0, -0.4};
        double[] q = p.clone();
        new EquilibriumSolver(net, held, tie, s).solve(q);
        Graph g = net.graph();
        double[] k = net.conductances();
        for (int i = 0; i < 6; i++) {
            if (held[i]) {
                assertEquals(p[i], q[i], 0.0, "held node " + i);
            }
            if (tie[i] >= 0) {
                assertEquals(p[i] - p[tie[i]], q[i] - q[tie[i]], 1e-15, "the drop of node " + i + "'s pair");
            }
        }
        for (int r = 0; r < 6; r++) {
            if (held[r] || tie[r] >= 0) {
                continue; // r is not a row's own node
            }
            double moved = 0;
            double leaving = 0;
            for (int i = 0; i < 6; i++) {
                if (group(i, held, tie) == r) {
                    moved += q[i] - p[i];
                }
            }
            for (int e = 0; e < g.edgeCount(); e++) {
                int a = g.from(e);
                int b = g.to(e);
                boolean inA = group(a, held, tie) == r;
                boolean inB = group(b, held, tie) == r;
                if (inA != inB) {
                    leaving += inA ? k[e] * (q[a] - q[b]) : k[e] * (q[b] - q[a]);
                }
            }
            assertEquals(-leaving, s * moved, 1e-13, (clamped ? "clamped" : "free") + ", shift " + s + ", row of node "
                    + r);
        }
    }

    @Test
    void aTiedPairMovesAsOneNodeOfWeightTwoInOneBackwardEulerStep() {
        ResistorNetwork net = loop();
        for (double s : new double[]{4.0, 0.25, 1.0}) {
            assertOneImplicitStep(net, false, s);
            assertOneImplicitStep(net, true, s);
        }
    }

    @Test
    void aTieToATiedNodeOrToAHeldNodeIsRefused() {
        ResistorNetwork net = loop();
        boolean[] held = net.heldNodes(false);
        // node 2 tied to node 1, which is tied to node 0: the chain must be refused even when it ends at node 0
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EquilibriumSolver(net, held, new int[]{-1, 0, 1, -1, -1, -1}, 0));
        assertTrue(e.getMessage().startsWith("node 2 is tied to node 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EquilibriumSolver(net, held, new int[]{-1, -1, -1, -1, -1, 4}, 0));
        assertTrue(e.getMessage().startsWith("node 5 is tied to node 4"), e.getMessage());
    }
}

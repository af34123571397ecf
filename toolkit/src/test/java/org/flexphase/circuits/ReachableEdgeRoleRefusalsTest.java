package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ResistorNetwork#withReachableEdgeRoles} when draws are refused: a first draw that cannot place the terminal
 * edges is refused with its own message (not retried), while a later draw that finds too few disjoint edges only
 * counts as refused, and when no draw puts the output edge on a cycle through the input edge (a tree has no cycles)
 * the method says so after its {@link ResistorNetwork#MAX_ROLE_DRAWS} draws. A hand-built terminal pair that is not an
 * edge is named by the block test.
 */
class ReachableEdgeRoleRefusalsTest {
    @Test
    void aFirstDrawRefusedIsRefusedWithItsOwnMessage() {
        Graph star = Graph.of(5, new int[][]{{0, 1}, {0, 2}, {0, 3}, {0, 4}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResistorNetwork.withReachableEdgeRoles(star, 1, 1, 1.0, 1e-3, 1e3, 3));
        assertTrue(e.getMessage().startsWith("this 5-node graph has no 2 edges without a shared node (found 1)"),
                e.getMessage());
    }

    @Test
    void laterRefusedDrawsAreSkippedAndATreeEndsWithTheReachabilityMessage() {
        // a star 0-{1,2,3,4} with a pendant edge 4-5: a draw taking 0-4 first finds no second disjoint edge, one taking
        // 0-1, 0-2 or 0-3 first pairs it with 4-5; either way no edge lies on a cycle
        Graph tree = Graph.of(6, new int[][]{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {4, 5}});
        int placedFirst = 0;
        int refusedFirst = 0;
        for (long seed = 1; seed <= 12; seed++) {
            long s = seed;
            String first;
            try {
                ResistorNetwork.withRandomEdgeRoles(tree, 1, 1, 1.0, 1e-3, 1e3, s);
                first = null;
            } catch (IllegalArgumentException refused) {
                first = refused.getMessage();
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ResistorNetwork.withReachableEdgeRoles(tree, 1, 1, 1.0, 1e-3, 1e3, s));
            if (first == null) {
                placedFirst++;
                assertEquals("no draw of 1 input and 1 output edges on this 6-node graph puts every output edge on a "
                        + "cycle through an input edge (" + ResistorNetwork.MAX_ROLE_DRAWS + " draws); use a denser "
                        + "graph (degree) or fewer terminals", e.getMessage(), "seed " + seed);
            } else {
                refusedFirst++;
                assertEquals(first, e.getMessage(), "seed " + seed);
            }
        }
        assertTrue(placedFirst > 0 && refusedFirst > 0, placedFirst + " placed, " + refusedFirst + " refused first");
    }

    @Test
    void aHandBuiltTerminalPairThatIsNotAnEdgeIsNamed() {
        // the constructor takes any distinct nodes as a pair; the block test needs each pair's edge and names the pair
        // it cannot find (node 5, the last, so a search past its own edges would run off the incidence list)
        Graph ring = Graph.of(6, new int[][]{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}});
        ResistorNetwork net = new ResistorNetwork(ring, new double[]{1, 1, 1, 1, 1, 1}, 1e-3, 1e3, new int[]{0}, 2,
                new int[]{5}, new int[]{1}, new int[]{3});
        IllegalStateException e = assertThrows(IllegalStateException.class, net::outputsReachInputs);
        assertEquals("no edge between terminal nodes 5 and 3", e.getMessage());
    }
}

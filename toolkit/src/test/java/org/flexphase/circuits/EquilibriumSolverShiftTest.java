package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The solver's diagonal shift must be finite and non-negative (0 is the equilibrium), and the solver keeps its own copy
 * of which nodes are held.
 */
class EquilibriumSolverShiftTest {
    private static final ResistorNetwork NET =
            ResistorNetwork.withRandomRoles(Graphs.randomGeometric(12, 4.0, 3), 2, 1, 1.0, 0.01, 100, 4);

    @Test
    void shiftMustBeFiniteAndNonNegative() {
        boolean[] held = NET.heldNodes(false);
        for (double bad : new double[]{Double.POSITIVE_INFINITY, Double.NaN, -1e-300}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new EquilibriumSolver(NET, held, bad), "shift " + bad);
            assertTrue(e.getMessage().contains("shift must be a finite value >= 0"), e.getMessage());
        }
        new EquilibriumSolver(NET, held, 0);
        new EquilibriumSolver(NET, held, Double.MAX_VALUE);
    }

    @Test
    void heldNodesAreTheOnesGivenAndACopy() {
        boolean[] held = NET.heldNodes(true);
        EquilibriumSolver s = new EquilibriumSolver(NET, held, 0.5);
        int heldCount = 0;
        for (int i = 0; i < held.length; i++) {
            assertEquals(held[i], s.isHeld(i), "node " + i);
            heldCount += held[i] ? 1 : 0;
        }
        assertTrue(heldCount > 0 && heldCount < held.length);
        java.util.Arrays.fill(held, false);
        assertTrue(s.isHeld(NET.ground()), "the solver's copy is not the caller's array");
    }
}

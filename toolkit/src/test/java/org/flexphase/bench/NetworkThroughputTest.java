package org.flexphase.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.Relaxation;
import org.junit.jupiter.api.Test;

/**
 * What {@code bench}'s network update row times is a real coupled-learning update: the conductances move by the
 * two-phase rule with equilibrated phases, and the next solve sees them (no timing is asserted).
 */
class NetworkThroughputTest {
    @Test
    void oneBenchUpdateIsTheTwoPhaseRuleAndTheNextSolveSeesIt() {
        CoupledLearning sys = NetworkThroughput.system(64, Relaxation.Kind.JACOBI);
        double[] before = sys.parameters().clone();
        double[] expected = new double[before.length];
        sys.addTwoPhaseUpdate(2, 0.5, expected);
        double[] pf = new double[64];
        double[] pc = new double[64];
        double[] clamp = new double[2];
        double costBefore = sys.cost();
        NetworkThroughput.update(sys, 2, 0.5, pf, pc, clamp);
        double moved = 0;
        for (int e = 0; e < before.length; e++) {
            assertEquals(before[e] + expected[e], sys.parameters()[e], 1e-12, "edge " + e);
            moved = Math.max(moved, Math.abs(expected[e]));
        }
        assertTrue(moved > 1e-4, "the rule moves some conductance: " + moved);
        // the cost at the new conductances comes from refactorised solvers, not the old equilibria
        assertTrue(sys.cost() != costBefore, "cost unchanged after the update: " + costBefore);
        assertTrue(NetworkThroughput.updates(64, 0.05) > 0);
    }
}

package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Role draws whose outputs reach the inputs only through the ground are refused and redrawn. */
class ReachableRolesTest {
    @Test
    void anOutputBehindTheGroundIsUnreachable() {
        // 0 (input) - 1 - 2 (ground) - 3 (output) - 4: node 3 reaches node 0 only through node 2
        Graph g = Graph.of(5, new int[][]{{0, 1}, {1, 2}, {2, 3}, {3, 4}});
        ResistorNetwork behind = new ResistorNetwork(g, new double[]{1, 1, 1, 1}, 0.1, 10, new int[]{0}, 2,
                new int[]{3});
        assertFalse(behind.outputsReachInputs());
        ResistorNetwork direct = new ResistorNetwork(g, new double[]{1, 1, 1, 1}, 0.1, 10, new int[]{0}, 3,
                new int[]{1});
        assertTrue(direct.outputsReachInputs());
    }

    @Test
    void theFourteenNodeSeedTenNetworkIsRedrawnAndAReachableDrawIsKept() {
        // the network run's own draw for --nodes 14 --seed 10: its first role draw strands an output behind the ground
        Graph g = Graphs.randomGeometric(14, 4.0, 10);
        assertFalse(ResistorNetwork.withRandomRoles(g, 3, 2, 1.0, 1e-3, 1e3, 11).outputsReachInputs());
        ResistorNetwork.Drawn d = ResistorNetwork.withReachableRoles(g, 3, 2, 1.0, 1e-3, 1e3, 11);
        assertTrue(d.redraws() >= 1 && d.network().outputsReachInputs(), "redraws " + d.redraws());
        Graph g1 = Graphs.randomGeometric(64, 4.0, 1);
        ResistorNetwork.Drawn kept = ResistorNetwork.withReachableRoles(g1, 3, 2, 1.0, 1e-3, 1e3, 2);
        assertEquals(0, kept.redraws());
        assertEquals(java.util.Arrays.toString(ResistorNetwork.withRandomRoles(g1, 3, 2, 1.0, 1e-3, 1e3, 2).outputs()),
                java.util.Arrays.toString(kept.network().outputs()), "a reachable first draw is the old network");
    }

    @Test
    void aTeacherTaskIsRealisedExactlyByItsTeachersConductances() {
        Graph g = Graphs.randomGeometric(20, 4.0, 5);
        ResistorNetwork net = ResistorNetwork.withReachableRoles(g, 2, 2, 1.0, 1e-3, 1e3, 6).network();
        CouplingTask task = CouplingTask.teacher(net, 3, 10, 7);
        CoupledLearning sys = new CoupledLearning(net, task, 0.1, Relaxation.Kind.UNIFORM, 0.5);
        assertTrue(sys.cost() > 1e-4, "the student at k = 1 is not already the teacher: " + sys.cost());
        // redraw the teacher's conductances as the task did (inputs first, then one uniform per edge)
        java.util.random.RandomGenerator rng = org.flexphase.util.Rngs.create(7);
        for (int i = 0; i < 3 * 2; i++) {
            rng.nextDouble();
        }
        double[] k = net.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = Math.exp(Math.log(10) * (2 * rng.nextDouble() - 1));
        }
        assertEquals(0, sys.cost(), 1e-25);
    }
}

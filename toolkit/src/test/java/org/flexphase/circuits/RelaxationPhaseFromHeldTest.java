package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Relaxation#sweep(double[], boolean[])} without the phase: with node terminals the held set tells the phases
 * apart (an output is held only in the clamped one). On the path 0 - 1 - 2 - 3 of unit conductances, input 0 at 1,
 * output 1, hidden 2, ground 3: the free equilibrium is (1, 2/3, 1/3, 0); with the output clamped at 1/2, node 2 sits at
 * 1/4. At rate 1 one uniform sweep reaches each exactly.
 */
class RelaxationPhaseFromHeldTest {
    @Test
    void theHeldSetPicksThePhasesSolver() {
        ResistorNetwork net = new ResistorNetwork(Graph.of(4, new int[][]{{0, 1}, {1, 2}, {2, 3}}),
                new double[]{1, 1, 1}, 1e-3, 1e3, new int[]{0}, 3, new int[]{1});
        for (Relaxation r : new Relaxation[]{new Relaxation(net, Relaxation.Kind.UNIFORM, 1.0),
                Relaxation.continuous(net, 1e12, 1e12)}) {
            double[] free = {1, 0.9, 0.8, 0};
            r.sweep(free, net.heldNodes(false));
            assertArrayEquals(new double[]{1, 2.0 / 3, 1.0 / 3, 0}, free, 1e-12, r.kind().key());
            double[] clamped = {1, 0.5, 0.8, 0};
            r.sweep(clamped, net.heldNodes(true));
            assertArrayEquals(new double[]{1, 0.5, 0.25, 0}, clamped, 1e-12, r.kind().key());
        }
    }
}

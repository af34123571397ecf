package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * Edge inputs and outputs on a network solved by hand. Six nodes: a source edge 0-1 (drop x), an output edge 2-3, a
 * ground 4 hanging off hidden node 5, and one loop 0 -> 2 -> 3 -> 5 -> 1 of conductances 1, 2, 4, 4. No current
 * enters the ground (it touches the loop at one node), so the loop carries {@code I = x / (1 + 1/2 + 1/4 + 1/4) = x/2}
 * and the output drop is {@code I / 2 = x/4}. Clamped at drop {@code y}, the other three carry
 * {@code (x - y) / 1.5}.
 */
class EdgeTerminalsTest {
    static ResistorNetwork hand() {
        Graph g = Graph.of(6, new int[][]{{0, 1}, {0, 2}, {2, 3}, {3, 5}, {5, 1}, {4, 5}});
        return new ResistorNetwork(g, new double[]{1, 1, 2, 4, 4, 1}, 1e-3, 1e3, new int[]{0}, 4, new int[]{2},
                new int[]{1}, new int[]{3});
    }

    static CoupledLearning system(double target, double nudge, Relaxation.Kind relax, double rate) {
        return new CoupledLearning(hand(), new CouplingTask(new double[][]{{1.0}}, new double[][]{{target}}), nudge,
                relax, rate);
    }

    @Test
    void freeAndClampedEquilibriaAreTheHandSolvedOnes() {
        CoupledLearning sys = system(0.55, 0.5, Relaxation.Kind.UNIFORM, 1.0);
        double[] pf = new double[6];
        sys.freeEquilibrium(0, pf);
        // I = 1/2: p5 = 0 (the ground's neighbour, no current to the ground), p1 = -I/4, p0 = p1 + 1, p2 = p0 - I/1,
        // p3 = p2 - I/2
        assertArrayEquals(new double[]{0.875, -0.125, 0.375, 0.125, 0, 0}, pf, 1e-14);
        assertArrayEquals(new double[]{0.25}, sys.freeOutputs(new double[]{1.0}), 1e-14);
        assertEquals(0.5 * 0.3 * 0.3, sys.cost(), 1e-14);
        double[] pc = new double[6];
        sys.clampedEquilibrium(0, pc);
        // clamp 0.25 + 0.5 (0.55 - 0.25) = 0.4; the other three carry (1 - 0.4) / 1.5 = 0.4
        assertArrayEquals(new double[]{0.9, -0.1, 0.5, 0.1, 0, 0}, pc, 1e-14);
    }

    @Test
    void ruleIsTheHandComputedOne() {
        CoupledLearning sys = system(0.55, 0.5, Relaxation.Kind.UNIFORM, 1.0);
        // (1/eta) 1/2 [(dF)^2 - (dC)^2] per edge: the source edge keeps its drop 1, the ground edge carries nothing
        double[] expected = {0, (0.25 - 0.16), (0.0625 - 0.16), (0.015625 - 0.01), (0.015625 - 0.01), 0};
        assertArrayEquals(expected, sys.twoPhaseUpdate(), 1e-14);
    }

    @Test
    void outputConductanceIsTheSourceCurrentPerUnitDrop() {
        // Output edge at drop 1, source edge at drop 0: the output edge's own conductance 2 in parallel with the
        // loop's other three in series (1/(1 + 1/4 + 1/4) = 2/3).
        assertEquals(2 + 2.0 / 3, system(0.55, 0.5, Relaxation.Kind.UNIFORM, 1.0).outputConductance()[0][0], 1e-13);
    }

    @Test
    void relaxationKeepsTheSourceDropAndReachesTheEquilibrium() {
        for (Relaxation.Kind kind : new Relaxation.Kind[]{Relaxation.Kind.UNIFORM, Relaxation.Kind.ODE}) {
            CoupledLearning sys = kind == Relaxation.Kind.ODE
                    ? new CoupledLearning(hand(), new CouplingTask(new double[][]{{1.0}}, new double[][]{{0.55}}), 0.5,
                    kind, 1.0, 2.0, 0.5)
                    : system(0.55, 0.5, kind, 0.3);
            CircuitState s = sys.newState();
            s.show(0);
            for (int t = 0; t < 400; t++) {
                sys.step(s, Phase.NEGATIVE, null);
                assertEquals(1.0, s.potentials()[0] - s.potentials()[1], 1e-14, kind + ": the source's drop, step " + t);
            }
            assertArrayEquals(new double[]{0.875, -0.125, 0.375, 0.125, 0, 0}, s.potentials(), 1e-9, kind.key());
            for (int t = 0; t < 400; t++) {
                sys.step(s, Phase.POSITIVE, null);
                assertEquals(0.4, s.potentials()[2] - s.potentials()[3], 1e-14, kind + ": the clamp, step " + t);
            }
            assertArrayEquals(new double[]{0.9, -0.1, 0.5, 0.1, 0, 0}, s.potentials(), 1e-9, kind.key());
        }
    }

    @Test
    void jacobiIsRefusedWithEdgeTerminals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> system(0.55, 0.5, Relaxation.Kind.JACOBI, 0.5));
        assertTrue(e.getMessage().contains("relax jacobi"), e.getMessage());
    }

    @Test
    void randomEdgeRolesShareNoNode() {
        ResistorNetwork net = ResistorNetwork.withRandomEdgeRoles(Graphs.randomGeometric(60, 6.0, 2), 8, 3, 1.0, 1e-3,
                1e3, 5);
        boolean[] seen = new boolean[60];
        int[] nodes = new int[2 * 11 + 1];
        int n = 0;
        for (int s = 0; s < 8; s++) {
            nodes[n++] = net.input(s);
            nodes[n++] = net.inputPartner(s);
            assertTrue(joined(net.graph(), net.input(s), net.inputPartner(s)), "input " + s + " is an edge");
        }
        for (int o = 0; o < 3; o++) {
            nodes[n++] = net.output(o);
            nodes[n++] = net.outputPartner(o);
        }
        nodes[n] = net.ground();
        for (int i : nodes) {
            assertTrue(!seen[i], "node " + i + " has two roles");
            seen[i] = true;
        }
    }

    static boolean joined(Graph g, int a, int b) {
        for (int m = 0; m < g.degree(a); m++) {
            if (g.other(g.incidentEdge(a, m), a) == b) {
                return true;
            }
        }
        return false;
    }
}

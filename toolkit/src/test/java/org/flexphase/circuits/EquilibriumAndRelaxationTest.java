package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

class EquilibriumAndRelaxationTest {

    static CoupledLearning system(Relaxation.Kind kind, double rate) {
        Graph g = Graphs.randomGeometric(30, 4.0, 11);
        ResistorNetwork net = ResistorNetwork.withRandomRoles(g, 3, 2, 1.0, 0.01, 100, 12);
        double[] k = net.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = 0.5 + (e % 7) * 0.3;
        }
        // gamma dt = 0.5 for the continuous-time relaxation (ode): read only by that kind
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, 4, 13), 0.3, kind, rate, 2.0, 0.25);
    }

    @Test
    void sparseSolveMatchesADenseSolveOfTheReducedLaplacian() {
        CoupledLearning sys = system(Relaxation.Kind.JACOBI, 1.0);
        ResistorNetwork net = sys.network();
        double[] p = new double[net.graph().nodeCount()];
        sys.freeEquilibrium(1, p);
        boolean[] held = net.heldNodes(false);
        int n = p.length;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                a.set(i, i, 1);
                b.set(i, 0, p[i]);
            }
        }
        Graph g = net.graph();
        for (int e = 0; e < g.edgeCount(); e++) {
            int i = g.from(e);
            int j = g.to(e);
            double k = net.conductances()[e];
            for (int[] ij : new int[][]{{i, j}, {j, i}}) {
                if (!held[ij[0]]) {
                    a.add(ij[0], ij[0], k);
                    a.add(ij[0], ij[1], -k);
                }
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(a, b, x);
        for (int i = 0; i < n; i++) {
            assertEquals(x.get(i, 0), p[i], 1e-12, "node " + i);
        }
    }

    @Test
    void refactorisesOnlyWhenConductancesChange() {
        CoupledLearning sys = system(Relaxation.Kind.JACOBI, 1.0);
        EquilibriumSolver solver = EquilibriumSolver.free(sys.network());
        double[] p = new double[sys.network().graph().nodeCount()];
        solver.solve(p);
        solver.solve(p);
        assertEquals(1, solver.factorisations());
        sys.network().conductances()[0] *= 1.5;
        solver.solve(p);
        assertEquals(2, solver.factorisations());
    }

    @Test
    void everyDynamicsRelaxesToTheEquilibriumAndIsItsAffineMap() {
        for (Relaxation.Kind kind : Relaxation.Kind.values()) {
            CoupledLearning sys = system(kind, 0.7);
            CircuitState s = sys.newState();
            s.show(2);
            for (int t = 0; t < 5; t++) {
                sys.step(s, Phase.POSITIVE, null);
            }
            double[] before = s.potentials().clone();
            sys.step(s, Phase.NEGATIVE, null);
            double[] held = new double[before.length];
            sys.writeHeld(held, Phase.NEGATIVE, 2, null);
            double[] c = new double[before.length];
            DMatrixRMaj a = sys.relaxation().affineMap(sys.network().heldNodes(false), held, c);
            for (int i = 0; i < before.length; i++) {
                double expect = c[i];
                for (int j = 0; j < before.length; j++) {
                    expect += a.get(i, j) * before[j];
                }
                assertEquals(expect, s.potentials()[i], 1e-12, kind + " node " + i);
            }
            for (int t = 0; t < 20_000; t++) {
                sys.step(s, Phase.NEGATIVE, null);
            }
            double[] eq = new double[before.length];
            sys.freeEquilibrium(2, eq);
            for (int i = 0; i < eq.length; i++) {
                assertEquals(eq[i], s.potentials()[i], 1e-9, kind + " node " + i);
            }
        }
    }

    @Test
    void badSettingsNameTheParameter() {
        assertEquals("invalid value for 'relax-rate': 1.5 (allowed: 2.2250738585072014E-308 <= value <= 1.0)", assertThrows(
                IllegalArgumentException.class, () -> system(Relaxation.Kind.JACOBI, 1.5)).getMessage());
        Graph g = Graphs.squareLattice(2, 3);
        assertThrows(IllegalArgumentException.class, () -> new ResistorNetwork(g, new double[g.edgeCount()], 0.1, 1,
                new int[]{0}, 0, new int[]{1}));
    }
}

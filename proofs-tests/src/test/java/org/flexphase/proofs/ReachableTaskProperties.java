package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.EquilibriumSolver;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Reachable tasks. (a) {@link ResistorNetwork#withReachableRoles} never emits a network with an output the inputs
 * cannot move: checked physically, not by the generator's own graph search: with every input held at 1 and the
 * ground at 0, every output's free potential is positive (an output reaching the inputs only through the ground sits
 * at exactly 0 at any conductances). The domain (sparse geometric graphs of 8-16 nodes, degree 2-3.5) must contain
 * refused draws, counted and required. (b) On a teacher task ({@link CouplingTask#teacher}) the floor of exact descent
 * is 0: Levenberg-Marquardt on the exact equilibria in log conductances (Jacobian of the free outputs by central
 * differences, steps capped at a factor e per edge, conductances projected into the box) takes the cost below 1e-6 of its start (or 1e-24, rounding) within 200 steps. Plain
 * gradient descent reaches the same floor but needs far more updates on ill-conditioned draws (3e-4 of the start after
 * 20,000 adaptive steps on one 10-node draw), so the floor, not the optimiser's speed, is what is checked.
 */
class ReachableTaskProperties {

    @Test
    void theGeneratorNeverEmitsAnOutputTheInputsCannotMove() {
        AtomicInteger redrawn = new AtomicInteger();
        Proofs.qt(300).forAll(integers().between(8, 16), doubles().between(2.0, 3.5), integers().between(1, 3),
                longs().between(1, 1_000_000)).checkAssert((n, degree, terminals, seed) -> {
            Graph g = Graphs.randomGeometric(n, degree, seed);
            ResistorNetwork.Drawn d = ResistorNetwork.withReachableRoles(g, terminals, terminals, 1.0, 1e-3, 1e3,
                    seed + 1);
            if (d.redraws() > 0) {
                redrawn.incrementAndGet();
            }
            ResistorNetwork net = d.network();
            double[] p = new double[n];
            for (int i : net.inputs()) {
                p[i] = 1;
            }
            EquilibriumSolver.free(net).solve(p);
            for (int o : net.outputs()) {
                assertTrue(p[o] > 1e-12, String.format(Locale.ROOT, "output %d sits at %.3g with every input at 1 "
                        + "(n=%d degree=%.2f terminals=%d seed=%d, %d redraws)", o, p[o], n, degree, terminals, seed,
                        d.redraws()));
            }
        });
        System.out.printf(Locale.ROOT, "reachable roles: %d of the drawn networks needed a redraw%n", redrawn.get());
        assertTrue(redrawn.get() > 0, "the domain drew no unreachable role assignment, so (a) tested nothing");
    }

    /**
     * (a) for edge terminals: {@link ResistorNetwork#withReachableEdgeRoles} never emits an output edge the input edges
     * cannot drive, checked physically at random conductances in [0.1, 10] and random input drops in [-1, 1]: every
     * output edge's free drop is nonzero (a stranded output edge carries no current, so its drop is exactly 0; a
     * driven one is 0 only on a measure-zero set of drops and conductances). Graphs of 10-24 nodes, degree 2.5-4, 1-2
     * input and output edges, where most first draws strand an output edge: refused draws are counted and required.
     */
    @Test
    void theEdgeRoleGeneratorNeverEmitsAnOutputEdgeTheInputsCannotDrive() {
        AtomicInteger redrawn = new AtomicInteger();
        Proofs.qt(200).forAll(integers().between(10, 24), doubles().between(2.5, 4.0), integers().between(1, 2),
                longs().between(1, 1_000_000)).checkAssert((n, degree, terminals, seed) -> {
            Graph g = Graphs.randomGeometric(n, degree, seed);
            ResistorNetwork.Drawn d;
            try {
                d = ResistorNetwork.withReachableEdgeRoles(g, terminals, terminals, 1.0, 1e-3, 1e3, seed + 1);
            } catch (IllegalArgumentException | IllegalStateException tooFewEdges) {
                return; // a graph without enough disjoint edges or driven draws: refused, not emitted
            }
            if (d.redraws() > 0) {
                redrawn.incrementAndGet();
            }
            ResistorNetwork net = d.network();
            RandomGenerator rng = Rngs.create(seed + 2);
            CircuitGenerators.redrawConductances(net, rng);
            double[] x = new double[terminals];
            for (int s = 0; s < x.length; s++) {
                x[s] = 2 * rng.nextDouble() - 1;
            }
            CouplingTask task = new CouplingTask(new double[][]{x}, new double[][]{new double[terminals]});
            double[] y = new CoupledLearning(net, task, 0.1, Relaxation.Kind.UNIFORM, 1.0).freeOutputs(x);
            for (int o = 0; o < y.length; o++) {
                assertTrue(Math.abs(y[o]) > 1e-12, String.format(Locale.ROOT, "output edge %d has drop %.3g with "
                        + "input drops %s (n=%d degree=%.2f terminals=%d seed=%d, %d redraws)", o, y[o],
                        Arrays.toString(x), n, degree, terminals, seed, d.redraws()));
            }
        });
        System.out.printf(Locale.ROOT, "reachable edge roles: %d of the drawn networks needed a redraw%n",
                redrawn.get());
        assertTrue(redrawn.get() > 0, "the domain drew no stranded output edge, so this property tested nothing");
    }

    @Test
    void onATeacherTaskExactDescentReachesZeroCost() {
        Proofs.qt(30).forAll(integers().between(10, 24), integers().between(1, 2), integers().between(1, 2),
                longs().between(1, 1_000_000)).checkAssert((n, outputs, examples, seed) -> {
            Graph g = Graphs.randomGeometric(n, 4.0, seed);
            ResistorNetwork net = ResistorNetwork.withReachableRoles(g, 2, outputs, 1.0, 1e-3, 1e3, seed + 1)
                    .network();
            CouplingTask task = CouplingTask.teacher(net, examples, 10, seed + 2);
            CoupledLearning sys = new CoupledLearning(net, task, 1e-3, Relaxation.Kind.UNIFORM, 1.0);
            double start = sys.cost();
            // a student that already realises the task (an output whose potential no conductance moves) starts at
            // the rounding floor
            double goal = Math.max(1e-6 * start, 1e-24);
            double cost = start;
            double mu = 1e-3;
            double[] k = net.conductances();
            int t = 0;
            for (; t < 200 && cost > goal; t++) {
                double[] r = residuals(sys);
                DMatrixRMaj j = jacobian(sys, r.length);
                // Levenberg-Marquardt step (J^T J + mu I) d = -J^T r, accepted when the cost falls
                DMatrixRMaj a = new DMatrixRMaj(k.length, k.length);
                CommonOps_DDRM.multTransA(j, j, a);
                for (int e = 0; e < k.length; e++) {
                    a.add(e, e, mu);
                }
                DMatrixRMaj grad = new DMatrixRMaj(k.length, 1);
                CommonOps_DDRM.multTransA(j, new DMatrixRMaj(r.length, 1, true, r), grad);
                DMatrixRMaj d = new DMatrixRMaj(k.length, 1);
                CommonOps_DDRM.solve(a, grad, d);
                double[] before = k.clone();
                for (int e = 0; e < k.length; e++) {
                    k[e] *= Math.exp(-Math.max(-1, Math.min(1, d.get(e))));
                }
                net.projectConductances();
                double c = sys.cost();
                if (c < cost) {
                    cost = c;
                    mu /= 3;
                } else {
                    System.arraycopy(before, 0, k, 0, k.length);
                    mu *= 4;
                }
            }
            assertTrue(cost <= goal, String.format(Locale.ROOT, "exact descent stopped at %.3g of the start cost "
                    + "%.3g after %d steps (n=%d outputs=%d examples=%d seed=%d, k in [%.3g, %.3g])", cost / start,
                    start, t, n, outputs, examples, seed, Arrays.stream(k).min().orElse(0),
                    Arrays.stream(k).max().orElse(0)));
        });
    }

    /** Free outputs minus targets, every example, at the exact equilibria. */
    static double[] residuals(CoupledLearning sys) {
        CouplingTask task = sys.task();
        int outs = sys.network().outputCount();
        double[] r = new double[task.size() * outs];
        for (int m = 0; m < task.size(); m++) {
            double[] y = sys.freeOutputs(task.input(m));
            for (int o = 0; o < outs; o++) {
                r[m * outs + o] = y[o] - task.target(m)[o];
            }
        }
        return r;
    }

    /** d residuals / d log k by central differences ({@code h = 1e-6 k_e}), every equilibrium re-solved. */
    static DMatrixRMaj jacobian(CoupledLearning sys, int rows) {
        double[] k = sys.network().conductances();
        DMatrixRMaj j = new DMatrixRMaj(rows, k.length);
        for (int e = 0; e < k.length; e++) {
            double k0 = k[e];
            double h = 1e-6 * k0;
            k[e] = k0 + h;
            double[] up = residuals(sys);
            k[e] = k0 - h;
            double[] down = residuals(sys);
            k[e] = k0;
            for (int r = 0; r < rows; r++) {
                j.set(r, e, k0 * (up[r] - down[r]) / (2 * h));
            }
        }
        return j;
    }
}

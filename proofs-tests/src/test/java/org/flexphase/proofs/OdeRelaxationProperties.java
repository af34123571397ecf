package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.flexphase.circuits.CircuitState;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.phases.Phase;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The continuous-time relaxation ({@code relax ode}, {@code dp_f/dt = -gamma (L p)_f}, backward Euler with steps of
 * length {@code dt}) driven through the production path ({@link CoupledLearning#step}) on random small networks:
 * (a) in both phases it converges to the exact equilibrium of the phase (the sparse solve of {@code L_ff p_f =
 * -L_fh p_h}) as {@code t -> infinity}, and in the clamped phase the outputs stay exactly at the clamp
 * {@code p_O^F + eta (t - p_O^F)}; (b) over a fixed time {@code t} it follows the exact solution
 * {@code p_f(t) = p_f* + V exp(-gamma Lambda t) V^T (p_f(0) - p_f*)} (eigen-decomposition of the dense
 * {@code L_ff}, EJML), with first-order convergence: halving {@code dt} halves the error (ratio in [1.7, 2.3]) and at
 * {@code gamma dt = t/1600} the error is below 1% of the initial distance to equilibrium.
 */
class OdeRelaxationProperties {
    static final double NUDGE = 0.5;

    record Case(Circuit circuit, double gamma, long seed) {
        CoupledLearning system(double dt) {
            return new CoupledLearning(circuit.net(), circuit.task(), NUDGE, Relaxation.Kind.ODE, 1.0, gamma, dt);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "gamma=%.3f seed=%d %s", gamma, seed, circuit);
        }
    }

    static Gen<Case> cases() {
        return CircuitGenerators.circuits(6, 12, 2).zip(doubles().between(0.2, 5.0), longs().between(1, 1_000_000),
                Case::new);
    }

    /** Random starting potentials in [-1, 1] (held nodes are overwritten by the first step). */
    static CircuitState start(CoupledLearning sys, long seed) {
        CircuitState s = sys.newState();
        RandomGenerator rng = Rngs.create(seed);
        double[] p = s.potentials();
        for (int i = 0; i < p.length; i++) {
            p[i] = 2 * rng.nextDouble() - 1;
        }
        s.show(0);
        return s;
    }

    @Test
    void bothPhasesConvergeToTheExactEquilibriumAndTheClampIsHeld() {
        Proofs.qt(40).forAll(cases()).checkAssert(c -> {
            // gamma dt = 1 per step; 400 steps shrink the slowest mode (eigenvalue >= 0.1 * lambda_1 of a box of
            // [0.2, 2] conductances) far below the tolerance
            CoupledLearning sys = c.system(1 / c.gamma());
            int n = sys.network().graph().nodeCount();
            for (Phase phase : new Phase[]{Phase.NEGATIVE, Phase.POSITIVE}) {
                CircuitState s = start(sys, c.seed());
                for (int t = 0; t < 4000; t++) {
                    sys.step(s, phase, null);
                }
                double[] eq = new double[n];
                if (phase.isPositive()) {
                    sys.clampedEquilibrium(0, eq);
                    double[] clamp = new double[sys.network().outputCount()];
                    sys.nudgedOutputs(0, clamp);
                    for (int o = 0; o < clamp.length; o++) {
                        assertEquals(clamp[o], s.potentials()[sys.network().output(o)], 0.0,
                                "output " + o + " left its clamp in " + c);
                    }
                } else {
                    sys.freeEquilibrium(0, eq);
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(eq[i], s.potentials()[i], 1e-9, phase + " node " + i + " of " + c);
                }
            }
        });
    }

    @Test
    void theDecayFollowsTheExactExponentialAtFirstOrder() {
        Proofs.qt(40).forAll(cases()).checkAssert(c -> {
            double time = 1.0;
            double e1 = error(c, time, 400);
            double e2 = error(c, time, 800);
            double e4 = error(c, time, 1600);
            assertTrue(e4 < 1e-2, "error at 1600 steps " + e4 + " (relative to the initial distance) in " + c);
            if (e2 > 1e-9) {
                double ratio = e1 / e2;
                assertTrue(ratio > 1.7 && ratio < 2.3, "halving dt divided the error by " + ratio + " (errors " + e1
                        + ", " + e2 + ", " + e4 + ") in " + c);
            }
        });
    }

    /**
     * Max over the free nodes of |p_backward-Euler(t) - p_exact(t)| after {@code steps} free steps over time {@code t},
     * relative to the initial max distance to equilibrium.
     */
    static double error(Case c, double time, int steps) {
        CoupledLearning sys = c.system(time / steps);
        ResistorNetwork net = sys.network();
        int n = net.graph().nodeCount();
        CircuitState s = start(sys, c.seed());
        double[] p0 = s.potentials().clone();
        for (int i = 0; i < net.inputCount(); i++) {
            p0[net.input(i)] = sys.task().input(0)[i];
        }
        p0[net.ground()] = 0;
        for (int t = 0; t < steps; t++) {
            sys.step(s, Phase.NEGATIVE, null);
        }
        double[] exact = exact(net, net.heldNodes(false), p0, c.gamma() * time);
        double[] eq = new double[n];
        sys.freeEquilibrium(0, eq);
        double scale = 0;
        double err = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(p0[i] - eq[i]));
            err = Math.max(err, Math.abs(s.potentials()[i] - exact[i]));
        }
        return err / scale;
    }

    /** {@code p(t)} of {@code dp_f/dt = -(L p)_f} after time {@code gt}, held nodes fixed, by eigen-decomposition. */
    static double[] exact(ResistorNetwork net, boolean[] held, double[] p0, double gt) {
        Graph g = net.graph();
        double[] k = net.conductances();
        int n = g.nodeCount();
        int[] row = new int[n];
        int f = 0;
        for (int i = 0; i < n; i++) {
            row[i] = held[i] ? -1 : f++;
        }
        DMatrixRMaj l = new DMatrixRMaj(f, f);
        double[] b = new double[f];
        for (int e = 0; e < k.length; e++) {
            int a = g.from(e);
            int z = g.to(e);
            for (int[] ends : new int[][]{{a, z}, {z, a}}) {
                int r = row[ends[0]];
                if (r < 0) {
                    continue;
                }
                l.add(r, r, k[e]);
                if (row[ends[1]] >= 0) {
                    l.add(r, row[ends[1]], -k[e]);
                } else {
                    b[r] += k[e] * p0[ends[1]];
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(f, true, true);
        if (!eig.decompose(l.copy())) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        // p* = L^-1 b and d(t) = V exp(-gt Lambda) V^T d(0), both in the eigenbasis
        double[] d0 = new double[f];
        double[] pf = new double[f];
        for (int i = 0; i < n; i++) {
            if (row[i] >= 0) {
                pf[row[i]] = p0[i];
            }
        }
        double[] star = new double[f];
        double[] out = new double[f];
        for (int m = 0; m < f; m++) {
            double lambda = eig.getEigenvalue(m).getReal();
            DMatrixRMaj v = eig.getEigenVector(m);
            double vb = 0;
            for (int r = 0; r < f; r++) {
                vb += v.get(r) * b[r];
            }
            for (int r = 0; r < f; r++) {
                star[r] += v.get(r) * vb / lambda;
            }
        }
        for (int r = 0; r < f; r++) {
            d0[r] = pf[r] - star[r];
        }
        for (int m = 0; m < f; m++) {
            double lambda = eig.getEigenvalue(m).getReal();
            DMatrixRMaj v = eig.getEigenVector(m);
            double vd = 0;
            for (int r = 0; r < f; r++) {
                vd += v.get(r) * d0[r];
            }
            for (int r = 0; r < f; r++) {
                out[r] += v.get(r) * vd * Math.exp(-gt * lambda);
            }
        }
        double[] p = p0.clone();
        for (int i = 0; i < n; i++) {
            if (row[i] >= 0) {
                p[i] = star[row[i]] + out[row[i]];
            }
        }
        return p;
    }
}

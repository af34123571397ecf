package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.flexphase.proofs.Generators.ONE_STEP_CLAMPED_MODEL;
import static org.flexphase.proofs.Generators.PMF;
import static org.flexphase.proofs.Generators.TINY_MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.exact.GibbsKernels;
import org.flexphase.exact.JointChain;
import org.flexphase.exact.PhaseChain;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.RenewalPhaseProcess;
import org.junit.jupiter.api.Test;

/** T4 and T5: the exact stationary mean update of temporally local learning, by the joint chain solved with EJML. */
class MeanFieldProperties {

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    @Test
    void equilibratedPhasesGiveExactlyTheLikelihoodGradientForGeometricSwitching() {
        // Each new phase starts from its own equilibrium: the stationary mean of w(z) phi equals u(theta).
        // Both sides exact (EJML solve, enumeration): tolerance 1e-9.
        Proofs.qt(40).forAll(TINY_MODEL, B, doubles().between(0.01, 1.0)).checkAssert((inst, b, p) -> {
            JointChain chain = JointChain.of(inst.model(), inst.data(), PhaseChain.geometric(b, p), JointChain.Start.RESET);
            assertArrayEquals(ExactAnalysis.gradient(inst.model(), inst.data()), chain.meanUpdate(b), 1e-9);
        });
    }

    @Test
    void equilibratedPhasesGiveExactlyTheLikelihoodGradientForAnyLengthLaws() {
        // Unequal random length laws: the weights come from the process's reported occupancy. Exact: 1e-9.
        Proofs.qt(40).forAll(TINY_MODEL, B, PMF, PMF).checkAssert((inst, b, plus, minus) -> {
            double rho = RenewalPhaseProcess.of(b, LengthLaws.discrete(plus), LengthLaws.discrete(minus)).positiveOccupancy();
            JointChain chain = JointChain.of(inst.model(), inst.data(), PhaseChain.renewal(b, plus, minus), JointChain.Start.RESET);
            assertArrayEquals(ExactAnalysis.gradient(inst.model(), inst.data()), chain.meanUpdate(rho), 1e-9);
        });
    }

    /**
     * The T5 bound (proofs-tests/README.md): with persistent states and geometric switching p, clamped phases of
     * these models are exact after one step, and a negative phase of age t has a state law within total variation
     * delta^t of equilibrium, delta the Dobrushin coefficient of the negative kernel. Ages are geometric with
     * parameter q = p b, so every coordinate obeys |h_p - u| <= beta q delta / (1 - (1 - q) delta).
     */
    static double bound(double beta, double p, double b, double delta) {
        double q = p * b;
        return beta * q * delta / (1 - (1 - q) * delta);
    }

    static double dobrushin(double[][] k) {
        double worst = 0;
        for (int a = 0; a < k.length; a++) {
            for (int c = a + 1; c < k.length; c++) {
                double tv = 0;
                for (int j = 0; j < k.length; j++) {
                    tv += Math.abs(k[a][j] - k[c][j]);
                }
                worst = Math.max(worst, tv / 2);
            }
        }
        return worst;
    }

    /** Row vector times matrix. */
    static double[] times(double[] v, double[][] m) {
        double[] out = new double[m[0].length];
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < out.length; b++) {
                out[b] += v[a] * m[a][b];
            }
        }
        return out;
    }

    /** {@code v (I - s K)^-1} for a row vector {@code v}, with {@code I - K + 1 pi} in place of {@code I - K} at s = 1. */
    static double[] resolvent(double[] v, double[][] k, double s, double[] pi) {
        int n = v.length;
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Transposed, to solve x A = v as A^T x^T = v^T.
                a.set(j, i, (i == j ? 1.0 : 0.0) - s * k[i][j] + (s == 1.0 ? pi[j] : 0.0));
            }
        }
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(n, 1);
        if (!org.ejml.dense.row.CommonOps_DDRM.solve(a, new org.ejml.data.DMatrixRMaj(n, 1, true, v), x)) {
            throw new IllegalStateException("singular resolvent");
        }
        return x.getData();
    }

    /**
     * The persistent bias in closed form (proofs-tests/README.md, T5): a negative step of age t has law
     * {@code pi+ K^t}, ages are geometric with {@code q = p b}, so {@code h_p - u = -(pi+ - pi) sum_t q (1-q)^(t-1) K^t
     * Phi = -q (pi+ - pi) K (I - (1-q) K)^-1 Phi}; with {@code s = 1} it returns the first-order coefficient
     * {@code c = lim (h_p - u) / p = -b (pi+ - pi) K Z Phi}, Z the fundamental matrix.
     */
    static double[] closedFormBias(double[] piPlus, double[] pi, double[][] k, double[][] phi, double q, double scale,
                                   boolean firstOrder) {
        double[] v = new double[pi.length];
        for (int a = 0; a < v.length; a++) {
            v[a] = piPlus[a] - pi[a];
        }
        double[] w = resolvent(times(v, k), k, firstOrder ? 1.0 : 1 - q, pi);
        double[] out = times(w, phi);
        for (int c = 0; c < out.length; c++) {
            out[c] *= -scale;
        }
        return out;
    }

    @Test
    void persistentBiasIsItsClosedFormAndVanishesAtRateP() {
        // Two-sided and exact: the joint chain's h_p - u (EJML stationary solve) equals the age decomposition's closed
        // form at every p (both exact: 1e-9), (h_p - u)/p approaches the first-order coefficient c with an error
        // that shrinks like p (halves as p halves: allowed ratio 0.6), and the Dobrushin bound holds.
        double[] ps = {0.02, 0.01, 0.005, 0.0025};
        Proofs.qt(30).forAll(ONE_STEP_CLAMPED_MODEL, B).checkAssert((inst, b) -> {
            double[] u = ExactAnalysis.gradient(inst.model(), inst.data());
            double[][] k = GibbsKernels.kernel(inst.model(), Phase.NEGATIVE);
            double[] piPlus = GibbsKernels.clampedEquilibrium(inst.model(), inst.data());
            double[] pi = GibbsKernels.equilibrium(inst.model());
            double[][] phi = ContrastiveDivergenceBridgeProperties.jointStatistics(inst.model());
            double[] c = closedFormBias(piPlus, pi, k, phi, 0, b, true);
            double delta = dobrushin(k);
            double beta = inst.model().inverseTemperature();
            double[] error = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                JointChain chain = JointChain.of(inst.model(), inst.data(), PhaseChain.geometric(b, ps[i]),
                        JointChain.Start.PERSISTENT);
                double[] bias = chain.meanUpdate(b);
                for (int q = 0; q < bias.length; q++) {
                    bias[q] -= u[q];
                }
                assertArrayEquals(closedFormBias(piPlus, pi, k, phi, ps[i] * b, ps[i] * b, false), bias, 1e-9,
                        "p=" + ps[i] + ": the chain's bias is not the closed form");
                double limit = bound(beta, ps[i], b, delta);
                assertTrue(Averages.maxAbs(bias) <= limit + 1e-10, "p=" + ps[i] + ": bias " + Averages.maxAbs(bias)
                        + " > bound " + limit);
                double[] scaled = bias.clone();
                for (int q = 0; q < scaled.length; q++) {
                    scaled[q] = scaled[q] / ps[i] - c[q];
                }
                error[i] = Averages.maxAbs(scaled);
            }
            for (int i = 1; i < ps.length; i++) {
                assertTrue(error[i] <= 0.6 * error[i - 1] + 1e-9, "(h_p - u)/p does not approach c = "
                        + Generators.fmt(c) + " at rate p: errors " + Generators.fmt(error));
            }
        });
    }
}

package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.flexphase.proofs.Generators.ONE_STEP_CLAMPED_MODEL;
import static org.flexphase.proofs.Generators.PMF;
import static org.flexphase.proofs.Generators.TINY_MODEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.flexphase.exact.ExactAnalysis;
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

    @Test
    void persistentBiasObeysItsBoundAndVanishesAtRateP() {
        double[] ps = {0.02, 0.01, 0.005, 0.0025};
        Proofs.qt(30).forAll(ONE_STEP_CLAMPED_MODEL, B).checkAssert((inst, b) -> {
            double[] u = ExactAnalysis.gradient(inst.model(), inst.data());
            double delta = dobrushin(GibbsKernels.kernel(inst.model(), Phase.NEGATIVE));
            double beta = inst.model().inverseTemperature();
            double[] ratio = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                JointChain chain = JointChain.of(inst.model(), inst.data(), PhaseChain.geometric(b, ps[i]),
                        JointChain.Start.PERSISTENT);
                double bias = maxAbsDiff(chain.meanUpdate(b), u);
                double limit = bound(beta, ps[i], b, delta);
                // Exact quantities: the bound may be met with equality only up to rounding (1e-10).
                assertTrue(bias <= limit + 1e-10, "p=" + ps[i] + ": bias " + bias + " > bound " + limit);
                ratio[i] = bias / ps[i];
            }
            // bias = c p + O(p^2), so bias/p = c + O(p): successive differences shrink (by about half as p halves).
            double d1 = Math.abs(ratio[1] - ratio[0]);
            double d2 = Math.abs(ratio[2] - ratio[1]);
            double d3 = Math.abs(ratio[3] - ratio[2]);
            assertTrue(d3 <= 0.75 * d2 + 1e-9 && d2 <= 0.75 * d1 + 1e-9,
                    "bias/p does not settle: " + java.util.Arrays.toString(ratio));
        });
    }
}

package org.flexphase.exact;

import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.ExactAnalysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.junit.jupiter.api.Test;

/** Hand-checkable cases of the joint chain, its long-run covariance, fixed points and the CD-k field. */
class JointChainTest {
    static final double[][] ROWS = {{0, 0, 1}, {1, 1, 0}, {1, 1, 1}, {0, 1, 0}, {1, 0, 0}, {0, 0, 0}};
    static final DataDistribution DATA = DataDistribution.of(ROWS);

    static FullyVisibleBoltzmannMachine model() {
        return FullyVisibleBoltzmannMachine.of(3, 1.0, new double[]{0.4, -0.7, 1.1, 0.2, -0.3, 0.5});
    }

    @Test
    void switchingEveryStepWithResetsMakesUpdatesIndependentSoTheLongRunCovarianceIsThePlainOne() {
        // p = 1 and resets: every step draws a fresh phase and a fresh equilibrium state, so no lag correlates.
        double b = 0.3;
        JointChain chain = JointChain.of(model(), DATA, PhaseChain.geometric(b, 1.0), JointChain.Start.RESET);
        double[] pi = chain.stationary();
        double[][] f = chain.updates(b);
        int d = f[0].length;
        double[] mean = new double[d];
        for (int a = 0; a < pi.length; a++) {
            for (int k = 0; k < d; k++) {
                mean[k] += pi[a] * f[a][k];
            }
        }
        double[][] plain = new double[d][d];
        for (int a = 0; a < pi.length; a++) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    plain[k][l] += pi[a] * (f[a][k] - mean[k]) * (f[a][l] - mean[l]);
                }
            }
        }
        double[][] sigma = chain.asymptoticCovariance(b);
        for (int k = 0; k < d; k++) {
            assertArrayEquals(plain[k], sigma[k], 1e-10);
        }
    }

    @Test
    void longRunCovarianceGrowsWithPhaseLength() {
        // Longer phases repeat the same weighted statistic for longer: positive lag correlations add variance.
        JointChain shortPhases = JointChain.of(model(), DATA, PhaseChain.geometric(0.5, 0.5), JointChain.Start.RESET);
        JointChain longPhases = JointChain.of(model(), DATA, PhaseChain.geometric(0.5, 0.05), JointChain.Start.RESET);
        for (int k = 0; k < 6; k++) {
            double s = shortPhases.asymptoticCovariance(0.5)[k][k];
            double l = longPhases.asymptoticCovariance(0.5)[k][k];
            assertEquals(true, l > s, "coordinate " + k + ": " + l + " <= " + s);
        }
    }

    @Test
    void newtonFindsTheMaximumLikelihoodParametersAsTheZeroOfTheExactGradient() {
        FixedPoints.Result r = FixedPoints.newton(t -> ExactAnalysis.gradient(
                FullyVisibleBoltzmannMachine.of(3, 1.0, t), DATA), new double[6], 1e-12, 50);
        MaximumLikelihood.Result ml = MaximumLikelihood.fullyVisible(3, 1.0, DATA, 1e-12, 50);
        assertEquals(true, r.converged());
        assertArrayEquals(ml.theta(), r.theta(), 1e-8);
    }

    @Test
    void cdFieldWithManyStepsApproachesTheLikelihoodGradient() {
        // K^k -> the model's equilibrium, so the CD-k field tends to u(theta) geometrically in k.
        double[] u = ExactAnalysis.gradient(model(), DATA);
        assertArrayEquals(u, ContrastiveDivergenceField.meanUpdate(model(), DATA, 200), 1e-10);
        double[] cd1 = ContrastiveDivergenceField.meanUpdate(model(), DATA, 1);
        double gap = 0;
        for (int k = 0; k < u.length; k++) {
            gap = Math.max(gap, Math.abs(cd1[k] - u[k]));
        }
        assertEquals(true, gap > 1e-3, "CD-1 differs from u away from the optimum: " + gap);
    }
}

package org.flexphase.exact;

import org.flexphase.util.LogSpace;


import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.ExactAnalysis;

import org.flexphase.boltzmann.ExactSampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.flexphase.boltzmann.LateralBoltzmannMachine;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.Test;

/** The small pieces of exact analysis, each against a value worked out by hand, and the limits it enforces. */
class ExactHelpersTest {

    @Test
    void logAddExpIsTheLogOfTheSumInEitherOrderAndAtTheExtremes() {
        assertEquals(Math.log(5), LogSpace.logAddExp(Math.log(2), Math.log(3)), 1e-15);
        assertEquals(Math.log(5), LogSpace.logAddExp(Math.log(3), Math.log(2)), 1e-15);
        assertEquals(1000 + Math.log(2), LogSpace.logAddExp(1000, 1000), 1e-12);
        assertEquals(1.5, LogSpace.logAddExp(Double.NEGATIVE_INFINITY, 1.5));
        assertEquals(1.5, LogSpace.logAddExp(1.5, Double.NEGATIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logSumExp());
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, LogSpace.logSumExp(0.0, Double.POSITIVE_INFINITY));
        assertEquals(Math.log(6), LogSpace.logSumExp(new double[] {0, Math.log(2), Math.log(3), 99}, 3), 1e-15);
    }

    @Test
    void residualIsTheL1DistanceOfPiPFromPi() {
        double[][] p = {{0.9, 0.1}, {0.2, 0.8}};
        double[] pi = Stationary.distribution(p);
        assertEquals(2.0 / 3, pi[0], 1e-15);
        assertEquals(0.0, Stationary.residual(pi, p), 1e-15);
        // (0.5, 0.5) P = (0.55, 0.45).
        assertEquals(0.1, Stationary.residual(new double[] {0.5, 0.5}, p), 1e-15);
    }

    @Test
    void jointChainReportsItsPhaseOccupancyAndAStochasticMatrix() {
        DataDistribution data = DataDistribution.of(new double[][] {{0, 1}, {1, 1}, {1, 1}});
        PhaseChain phases = PhaseChain.renewal(0.5, new double[] {0, 1}, new double[] {1});
        JointChain chain = JointChain.of(FullyVisibleBoltzmannMachine.of(2, 1.0), data, phases,
                JointChain.Start.PERSISTENT);
        // + phases last 2 steps, - phases 1: rho+ = 0.5 * 2 / (0.5 * 2 + 0.5 * 1).
        assertEquals(2.0 / 3, chain.positiveOccupancy(), 1e-12);
        assertEquals(phases.positiveOccupancy(), chain.positiveOccupancy(), 1e-12);
        double[][] t = chain.transitionMatrix();
        assertEquals(phases.size() * 4, t.length);
        for (double[] row : t) {
            double sum = 0;
            for (double x : row) {
                sum += x;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertEquals(3, data.rows());
        assertEquals(2, data.support());
        assertEquals("DataDistribution(support=2, rows=3, p=[0.3333333333333333, 0.6666666666666666])", data.toString());
    }

    @Test
    void exactSamplesOfEveryModelFollowItsEquilibrium() {
        // Each cell count is Binomial(N, p): within 6 sd + 1 of N p (tail 2e-9 per cell, 5 models x <= 32 cells).
        org.flexphase.boltzmann.BoltzmannMachine[] models = {FullyVisibleBoltzmannMachine.of(3, 1.0),
            LateralBoltzmannMachine.of(2, 2, 0.8), Rbm.of(2, 3, 1.1, true), Rbm.of(3, 2, 1.1, true)};
        java.util.random.RandomGenerator rng = org.flexphase.util.Rngs.create(21);
        int n = 40_000;
        for (org.flexphase.boltzmann.BoltzmannMachine m : models) {
            double[] t = m.parameters();
            for (int k = 0; k < t.length; k++) {
                t[k] = rng.nextGaussian();
            }
            double[] pi = GibbsKernels.equilibrium(m);
            long[] counts = new long[pi.length];
            ExactSampler sampler = ExactSampler.of(m);
            org.flexphase.boltzmann.BoltzmannState s = m.newState();
            for (int i = 0; i < n; i++) {
                sampler.sample(s, rng);
                counts[(int) (s.visibleBits() | (s.hiddenBits() << m.visibleCount()))]++;
            }
            for (int c = 0; c < pi.length; c++) {
                double bound = 6 * Math.sqrt(n * pi[c] * (1 - pi[c])) + 1;
                assertTrue(Math.abs(counts[c] - n * pi[c]) <= bound,
                        m.describe() + " state " + c + ": " + counts[c] + " vs " + n * pi[c]);
            }
        }
    }

    @Test
    void dataOfTheWrongWidthAndModelsTooLargeToEnumerateAreRefused() {
        DataDistribution fourUnits = DataDistribution.of(new double[][] {{0, 1, 0, 1}});
        Rbm rbm = Rbm.of(3, 2, 1.0, true);
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> ExactAnalysis.gradient(rbm, fourUnits));
        assertTrue(g.getMessage().contains("(3): 4"), g.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExactAnalysis.metrics(rbm, fourUnits));
        LateralBoltzmannMachine big = LateralBoltzmannMachine.of(2, 23, 1.0);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> ExactAnalysis.logMarginal(big, new double[] {0, 1}));
        assertTrue(m.getMessage().contains("24") && m.getMessage().contains("25"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExactAnalysis.logPartition(big));
    }
}

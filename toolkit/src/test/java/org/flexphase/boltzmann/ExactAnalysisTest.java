package org.flexphase.boltzmann;

import org.flexphase.util.LogSpace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class ExactAnalysisTest {

    @Test
    void oneByOneRbmPartitionFunctionByHand() {
        Rbm rbm = Rbm.of(1, 1, 1.0, true);
        double w = 0.7, a = -0.3, b = 1.1;
        rbm.parameters()[0] = w;
        rbm.parameters()[1] = a;
        rbm.parameters()[2] = b;
        double z = 1 + Math.exp(a) + Math.exp(b) + Math.exp(a + b + w);
        assertEquals(Math.log(z), ExactAnalysis.logPartition(rbm), 1e-14);
        assertEquals(Math.log(Math.exp(a) + Math.exp(a + b + w)) - Math.log(z),
                ExactAnalysis.logProbability(rbm, new double[]{1}), 1e-14);
    }

    @Test
    void zeroRbmOnBasGivesTheUniformNll() {
        Rbm rbm = Rbm.of(16, 16, 1.0, true);
        DataDistribution data = DataDistribution.of(BarsAndStripes.published4x4());
        ExactAnalysis.Metrics m = ExactAnalysis.metrics(rbm, data);
        assertEquals(16 * Math.log(2), m.nllPerRow(), 1e-12);
        // Least NLL: (28 ln 32 + 4 ln 16) / 32 = 3.379 nats per row.
        assertEquals((28 * Math.log(32) + 4 * Math.log(16)) / 32, data.entropy(), 1e-12);
        assertEquals(m.nllPerRow() - data.entropy(), m.kl(), 1e-12);
        assertEquals(1 - 30 / 65536.0, m.totalVariation(), 1e-12);
    }

    @Test
    void rbmEnumerationOfEitherLayerAgreesWithJointEnumeration() {
        RandomGenerator rng = Rngs.create(11);
        for (int[] shape : new int[][]{{3, 5}, {5, 3}, {4, 4}, {1, 6}, {6, 1}}) {
            Rbm rbm = Rbm.randomized(shape[0], shape[1], 1.5, rng);
            randomizeBiases(rbm.parameters(), rbm.visibleBiasOffset(), rng);
            double[] joint = JointEnumeration.logWeights(rbm);
            assertEquals(LogSpace.logSumExp(joint, joint.length), ExactAnalysis.logPartition(rbm), 1e-11,
                    "shape " + shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void rbmGradientEqualsGenericEnumerationAndFiniteDifferences() {
        RandomGenerator rng = Rngs.create(5);
        for (int[] shape : new int[][]{{4, 3}, {3, 4}}) {
            Rbm rbm = Rbm.randomized(shape[0], shape[1], 1.0, rng);
            randomizeBiases(rbm.parameters(), rbm.visibleBiasOffset(), rng);
            DataDistribution data = randomData(shape[0], 7, rng);
            double[] fast = ExactAnalysis.gradient(rbm, data);
            double[] generic = genericGradient(rbm, data);
            assertArrayEquals(generic, fast, 1e-11);
            assertArrayEquals(finiteDifference(rbm, data), fast, 1e-7);
        }
    }

    @Test
    void lateralAndFullyVisibleGradientsEqualFiniteDifferences() {
        RandomGenerator rng = Rngs.create(8);
        LateralBoltzmannMachine lbm = LateralBoltzmannMachine.of(3, 3, 1.3);
        FullyVisibleBoltzmannMachine fv = FullyVisibleBoltzmannMachine.of(4, 0.8);
        for (BoltzmannMachine m : new BoltzmannMachine[]{lbm, fv}) {
            double[] t = m.parameters();
            for (int k = 0; k < t.length; k++) {
                t[k] = rng.nextGaussian();
            }
            DataDistribution data = randomData(m.visibleCount(), 9, rng);
            // Central differences with h = 1e-5 err by O(h^2) ~ 1e-10 times third derivatives of order 1,
            // plus rounding ~1e-16/h ~ 1e-11: 1e-7 is a safe bound.
            assertArrayEquals(finiteDifference(m, data), ExactAnalysis.gradient(m, data), 1e-7, m.describe());
        }
    }

    @Test
    void logSpaceStaysFiniteAndExactWithLargeWeights() {
        assertEquals(1000 + Math.log(2), LogSpace.logSumExp(1000, 1000), 1e-12);
        assertEquals(-1000 + Math.log(2), LogSpace.logSumExp(-1000, -1000), 1e-12);
        assertEquals(800, LogSpace.softplus(800), 0);
        assertEquals(Math.exp(-800), LogSpace.softplus(-800), 0);
        Rbm rbm = Rbm.of(6, 4, 1.0, true);
        double[] t = rbm.parameters();
        RandomGenerator rng = Rngs.create(50);
        for (int k = 0; k < t.length; k++) {
            t[k] = 50 * rng.nextGaussian();
        }
        double[] joint = JointEnumeration.logWeights(rbm);
        double logZ = ExactAnalysis.logPartition(rbm);
        assertTrue(Double.isFinite(logZ));
        assertEquals(LogSpace.logSumExp(joint, joint.length), logZ, 1e-9 * Math.abs(logZ));
        DataDistribution data = randomData(6, 5, rng);
        ExactAnalysis.Metrics m = ExactAnalysis.metrics(rbm, data);
        assertTrue(Double.isFinite(m.nllPerRow()) && m.totalVariation() >= 0 && m.totalVariation() <= 1, m.toString());
        for (double g : ExactAnalysis.gradient(rbm, data)) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void withoutVisibleBiasesTheirGradientIsZero() {
        Rbm rbm = Rbm.randomized(4, 3, 1.0, Rngs.create(1));
        Rbm noA = Rbm.of(4, 3, 1.0, false);
        System.arraycopy(rbm.parameters(), 0, noA.parameters(), 0, rbm.parameterCount());
        double[] g = ExactAnalysis.gradient(noA, randomData(4, 5, Rngs.create(2)));
        for (int i = 0; i < 4; i++) {
            assertEquals(0.0, g[noA.visibleBiasOffset() + i]);
        }
    }

    @Test
    void exactSamplerDrawsTheModelDistribution() {
        RandomGenerator rng = Rngs.create(21);
        Rbm rbm = Rbm.randomized(3, 2, 1.0, rng);
        ExactSampler sampler = ExactSampler.of(rbm);
        double logZ = ExactAnalysis.logPartition(rbm);
        int n = 200_000;
        int[] counts = new int[8];
        var state = rbm.newState();
        for (int k = 0; k < n; k++) {
            sampler.sample(state, rng);
            counts[(int) state.visibleBits()]++;
        }
        for (int v = 0; v < 8; v++) {
            double p = Math.exp(ExactAnalysis.logMarginal(rbm, org.flexphase.boltzmann.Bits.decode(v, new double[3])) - logZ);
            // Binomial sd <= 0.5/sqrt(n); z = 5.5 over 8 cells keeps the false-failure rate below 1e-6.
            assertEquals(p, counts[v] / (double) n, 5.5 * 0.5 / Math.sqrt(n), "pattern " + v);
        }
    }

    static double[] genericGradient(BoltzmannMachine m, DataDistribution data) {
        double[] out = new double[m.parameterCount()];
        double[] logW = JointEnumeration.logWeights(m);
        double logZ = LogSpace.logSumExp(logW, logW.length);
        for (int k = 0; k < data.support(); k++) {
            JointEnumeration.addClampedStatistic(m, data.pattern(k), data.probability(k), out);
        }
        JointEnumeration.addModelStatistic(m, logW, logZ, -1.0, out);
        return out;
    }

    static double meanLogLikelihood(BoltzmannMachine m, DataDistribution data) {
        return -ExactAnalysis.metrics(m, data).nllPerRow();
    }

    static double[] finiteDifference(BoltzmannMachine m, DataDistribution data) {
        double h = 1e-5;
        double[] t = m.parameters();
        double[] g = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            double keep = t[k];
            t[k] = keep + h;
            double up = meanLogLikelihood(m, data);
            t[k] = keep - h;
            double down = meanLogLikelihood(m, data);
            t[k] = keep;
            g[k] = (up - down) / (2 * h);
        }
        if (m instanceof Rbm rbm && !rbm.hasVisibleBiases()) {
            java.util.Arrays.fill(g, rbm.visibleBiasOffset(), rbm.visibleBiasOffset() + rbm.visibleCount(), 0);
        }
        return g;
    }

    static DataDistribution randomData(int dim, int rows, RandomGenerator rng) {
        double[][] r = new double[rows][dim];
        for (double[] row : r) {
            for (int i = 0; i < dim; i++) {
                row[i] = rng.nextInt(2);
            }
        }
        return DataDistribution.of(r);
    }

    static void randomizeBiases(double[] t, int from, RandomGenerator rng) {
        for (int k = from; k < t.length; k++) {
            t[k] = 0.5 * rng.nextGaussian();
        }
    }
}

package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class RbmTest {

    @Test
    void sparseStatisticEqualsTheDenseDefinition() {
        RandomGenerator rng = Rngs.create(3);
        for (boolean visibleBiases : new boolean[]{true, false}) {
            Rbm rbm = Rbm.of(7, 5, 1.7, visibleBiases);
            BoltzmannState s = rbm.newState();
            for (int trial = 0; trial < 20; trial++) {
                for (int i = 0; i < 7; i++) {
                    s.visible[i] = rng.nextInt(2);
                }
                for (int j = 0; j < 5; j++) {
                    s.hidden[j] = rng.nextInt(2);
                }
                double w = rng.nextGaussian();
                double[] fast = new double[rbm.parameterCount()];
                rbm.addStatistic(s, w, fast);
                double[] dense = new double[rbm.parameterCount()];
                for (int j = 0; j < 5; j++) {
                    for (int i = 0; i < 7; i++) {
                        dense[j * 7 + i] = w * 1.7 * s.hidden[j] * s.visible[i];
                    }
                    dense[rbm.hiddenBiasOffset() + j] = w * 1.7 * s.hidden[j];
                }
                for (int i = 0; visibleBiases && i < 7; i++) {
                    dense[rbm.visibleBiasOffset() + i] = w * 1.7 * s.visible[i];
                }
                assertArrayEquals(dense, fast, 1e-15);
            }
        }
    }

    @Test
    void statisticIsMinusBetaTimesEnergyGradient() {
        // -beta E is linear in theta with coefficients phi: check negativeEnergy(theta) = theta . phi.
        RandomGenerator rng = Rngs.create(4);
        BoltzmannMachine[] models = {Rbm.of(4, 3, 0.9, true), LateralBoltzmannMachine.of(3, 4, 1.2),
            FullyVisibleBoltzmannMachine.of(5, 0.7)};
        for (BoltzmannMachine m : models) {
            double[] t = m.parameters();
            for (int k = 0; k < t.length; k++) {
                t[k] = rng.nextGaussian();
            }
            BoltzmannState s = m.newState();
            s.setBits(rng.nextLong(), rng.nextLong());
            double[] phi = new double[t.length];
            m.addStatistic(s, 1.0, phi);
            double dot = 0;
            for (int k = 0; k < t.length; k++) {
                dot += t[k] * phi[k];
            }
            assertEquals(m.negativeEnergy(s), dot, 1e-12, m.describe());
        }
    }

    @Test
    void hiddenSamplesFollowTheirConditional() {
        RandomGenerator rng = Rngs.create(6);
        Rbm rbm = Rbm.randomized(5, 3, 1.0, rng);
        BoltzmannState s = rbm.newState();
        double[] v = {1, 0, 1, 1, 0};
        int n = 100_000;
        double[] ones = new double[3];
        for (int k = 0; k < n; k++) {
            s.clamp(v);
            rbm.gibbsStep(s, Phase.POSITIVE, rng);
            assertArrayEquals(v, s.visible, 0.0, "a positive step must not change the clamped units");
            for (int j = 0; j < 3; j++) {
                ones[j] += s.hidden[j];
            }
        }
        for (int j = 0; j < 3; j++) {
            double p = Rbm.sigmoid(rbm.hiddenField(j, v));
            // Bernoulli sd <= 0.5/sqrt(n); z = 5.
            assertEquals(p, ones[j] / n, 5 * 0.5 / Math.sqrt(n));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalChains() {
        Rbm a = Rbm.randomized(6, 4, 0.5, Rngs.create(1));
        Rbm b = a.copy();
        RandomGenerator ra = Rngs.create(99);
        RandomGenerator rb = Rngs.create(99);
        BoltzmannState sa = a.newState();
        BoltzmannState sb = b.newState();
        for (int t = 0; t < 1000; t++) {
            a.gibbsStep(sa, Phase.NEGATIVE, ra);
            b.gibbsStep(sb, Phase.NEGATIVE, rb);
            a.addStatistic(sa, 0.01, a.parameters());
            b.addStatistic(sb, 0.01, b.parameters());
        }
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
    }

    @Test
    void pairLayoutEnumeratesEveryPairOnce() {
        int n = 6;
        boolean[] seen = new boolean[PairLayout.pairCount(n)];
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                int p = PairLayout.index(j, k, n);
                assertEquals(p, PairLayout.index(k, j, n));
                assertEquals(false, seen[p]);
                seen[p] = true;
            }
        }
    }
}

package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The fast kernels compute every field with exactly the additions of its definition, in the definition's order
 * (bias, then active units by index), so fields are bit-identical to the textbook sums (docs/performance.md): a
 * changed order would change the last bits of these 794-term sums of random weights.
 */
class RbmKernelsTest {
    /** Random weights of magnitude about 1 (order matters in the last bits) and a sparse random visible vector. */
    static Rbm randomRbm(int nv, int nh, RandomGenerator rng) {
        Rbm rbm = Rbm.randomized(nv, nh, 1.0, rng);
        double[] t = rbm.parameters();
        for (int k = rbm.visibleBiasOffset(); k < t.length; k++) {
            t[k] = rng.nextGaussian();
        }
        return rbm;
    }

    static double[] randomUnits(int n, double p, RandomGenerator rng) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextDouble() < p ? 1 : 0;
        }
        return u;
    }

    @Test
    void hiddenFieldsAreTheDefinitionsSumsBitForBit() {
        RandomGenerator rng = Rngs.create(11);
        for (int nh : new int[]{1, 3, 4, 7, 13, 64}) {
            Rbm rbm = randomRbm(794, nh, rng);
            double[] t = rbm.parameters();
            double[] v = randomUnits(794, 0.3, rng);
            int[] active = new int[794];
            int n = Rbm.activeIndices(v, active);
            double[] field = new double[nh];
            System.arraycopy(t, rbm.hiddenBiasOffset(), field, 0, nh);
            RbmKernels.addGatheredColumns(t, 794, active, n, field);
            // Split at the label units, as label inference does: the two ranges continue the same sum.
            double[] split = new double[nh];
            System.arraycopy(t, rbm.hiddenBiasOffset(), split, 0, nh);
            rbm.addVisibleRange(v, 0, 784, split);
            rbm.addVisibleRange(v, 784, 794, split);
            for (int j = 0; j < nh; j++) {
                double expected = t[rbm.hiddenBiasOffset() + j];
                for (int i = 0; i < 794; i++) {
                    if (v[i] != 0) {
                        expected += t[j * 794 + i];
                    }
                }
                assertEquals(expected, field[j], 0.0, "hidden " + j + " of " + nh);
                assertEquals(expected, split[j], 0.0, "hidden " + j + " of " + nh + ", split at 784");
                assertEquals(expected, rbm.hiddenField(j, v), 0.0, "dense dot product, hidden " + j);
            }
        }
    }

    @Test
    void visibleFieldsAreTheDefinitionsSumsBitForBit() {
        RandomGenerator rng = Rngs.create(12);
        for (int nh : new int[]{1, 3, 4, 5, 8, 11, 64}) {
            Rbm rbm = randomRbm(794, nh, rng);
            double[] t = rbm.parameters();
            double[] h = randomUnits(nh, 0.6, rng);
            double[] field = rbm.visibleFieldGivenHidden(h, new double[794]);
            double[] labels = new double[10];
            rbm.visibleFieldRange(h, 784, labels);
            for (int i = 0; i < 794; i++) {
                double expected = t[rbm.visibleBiasOffset() + i];
                for (int j = 0; j < nh; j++) {
                    if (h[j] != 0) {
                        expected += t[j * 794 + i];
                    }
                }
                assertEquals(expected, field[i], 0.0, "visible " + i + " with " + nh + " hidden");
                if (i >= 784) {
                    assertEquals(expected, labels[i - 784], 0.0, "label unit " + i + " with " + nh + " hidden");
                }
            }
        }
    }

    @Test
    void samplingDecidesByTheDefinitionsFieldsAndListsTheActiveUnits() {
        RandomGenerator rng = Rngs.create(13);
        Rbm rbm = randomRbm(794, 13, rng);
        BoltzmannState s = rbm.newState();
        s.clamp(randomUnits(794, 0.2, rng));
        RandomGenerator a = Rngs.create(5);
        RandomGenerator b = Rngs.create(5);
        double[] field = new double[794];
        for (int step = 0; step < 50; step++) {
            double[] hidden = s.hidden.clone();
            rbm.gibbsStep(s, org.flexphase.phases.Phase.NEGATIVE, a);
            rbm.visibleFieldGivenHidden(hidden, field);
            for (int i = 0; i < 794; i++) {
                double u = b.nextDouble();
                assertEquals(u < Rbm.sigmoid(field[i]) ? 1.0 : 0.0, s.visible[i], "visible " + i + " at step " + step);
            }
            for (int j = 0; j < 13; j++) {
                double u = b.nextDouble();
                assertEquals(u < Rbm.sigmoid(rbm.hiddenField(j, s.visible)) ? 1.0 : 0.0, s.hidden[j], "hidden " + j);
            }
        }
    }
}

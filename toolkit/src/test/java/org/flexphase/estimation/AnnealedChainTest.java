package org.flexphase.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The intermediate distributions and transitions of one AIS run, against enumeration of a tiny RBM. */
class AnnealedChainTest {
    static final double[] BASE_BIASES = {0.8, -1.2, 0.3};

    static Rbm tiny() {
        return TestModels.random(3, 2, 1.5, 1.0, 0.8, true, 21);
    }

    /** {@code log sum_h exp((1 - bk) A.v + bk beta (a.v + b.h + h.W v))}: the joint, summed by brute force. */
    static double bruteForceLogIntermediate(Rbm rbm, BaseRateModel base, double bk, double[] v) {
        double[] t = rbm.parameters();
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        double[] terms = new double[1 << nh];
        for (int code = 0; code < terms.length; code++) {
            double energy = 0;
            for (int i = 0; i < nv; i++) {
                energy += t[rbm.visibleBiasOffset() + i] * v[i];
            }
            for (int j = 0; j < nh; j++) {
                if ((code >>> j & 1) == 1) {
                    energy += t[rbm.hiddenBiasOffset() + j];
                    for (int i = 0; i < nv; i++) {
                        energy += t[j * nv + i] * v[i];
                    }
                }
            }
            double baseTerm = 0;
            for (int i = 0; i < nv; i++) {
                baseTerm += base.bias(i) * v[i];
            }
            terms[code] = (1 - bk) * baseTerm + bk * rbm.inverseTemperature() * energy;
        }
        return LogSpace.logSumExp(terms);
    }

    static double[] pattern(int code, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = code >>> i & 1;
        }
        return v;
    }

    @Test
    void intermediateMarginalSumsTheHiddenUnitsOut() {
        Rbm rbm = tiny();
        BaseRateModel base = BaseRateModel.of(BASE_BIASES);
        AnnealedChain chain = new AnnealedChain(rbm, base);
        for (double bk : new double[]{0, 0.25, 0.6, 1}) {
            for (int code = 0; code < 8; code++) {
                System.arraycopy(pattern(code, 3), 0, chain.visible, 0, 3);
                chain.updateFields();
                assertEquals(bruteForceLogIntermediate(rbm, base, bk, chain.visible), chain.logIntermediate(bk), 1e-12,
                        "beta_k " + bk + ", v " + code);
            }
        }
    }

    /**
     * One transition from exact samples of {@code p_k} must give {@code p_k} again. 200,000 one-step draws are
     * compared with {@code p_k} by Pearson's chi-square over the 8 visible patterns (7 degrees of freedom); the
     * bound 45 is exceeded with probability 1.4e-7 when the transition is right, while a transition at the wrong
     * temperature or with a wrong sign moves some pattern's mass by far more than the 1% this resolves.
     */
    @Test
    void transitionLeavesEachIntermediateDistributionInvariant() {
        Rbm rbm = tiny();
        BaseRateModel base = BaseRateModel.of(BASE_BIASES);
        AnnealedChain chain = new AnnealedChain(rbm, base);
        RandomGenerator rng = Rngs.create(99);
        int n = 200_000;
        for (double bk : new double[]{0.3, 0.7, 1.0}) {
            double[] logP = new double[8];
            for (int code = 0; code < 8; code++) {
                logP[code] = bruteForceLogIntermediate(rbm, base, bk, pattern(code, 3));
            }
            double logZ = LogSpace.logSumExp(logP);
            double[] p = new double[8];
            for (int code = 0; code < 8; code++) {
                p[code] = Math.exp(logP[code] - logZ);
            }
            long[] counts = new long[8];
            for (int s = 0; s < n; s++) {
                System.arraycopy(pattern(drawFrom(p, rng.nextDouble()), 3), 0, chain.visible, 0, 3);
                chain.updateFields();
                chain.transition(bk, rng);
                counts[(int) (chain.visible[0] + 2 * chain.visible[1] + 4 * chain.visible[2])]++;
            }
            double chi2 = 0;
            for (int code = 0; code < 8; code++) {
                double expected = n * p[code];
                chi2 += (counts[code] - expected) * (counts[code] - expected) / expected;
            }
            assertTrue(chi2 < 45, "beta_k " + bk + ": chi-square " + chi2 + " over 7 degrees of freedom");
        }
    }

    static int drawFrom(double[] p, double u) {
        double c = 0;
        for (int k = 0; k < p.length - 1; k++) {
            c += p[k];
            if (u < c) {
                return k;
            }
        }
        return p.length - 1;
    }
}

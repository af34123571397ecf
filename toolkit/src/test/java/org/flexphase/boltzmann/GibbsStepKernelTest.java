package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.exact.GibbsKernels;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Each model's own Gibbs step, and the fused step-and-statistic, draw the next state from the exact kernel
 * ({@link GibbsKernels}, built by enumeration, units resampled in index order): from every start state the
 * frequencies of the next state agree with the kernel's row.
 *
 * <p>Tolerance: each cell's count is Binomial(N, p); it must lie within 6 sd (plus 1 for the discreteness) of
 * {@code N p}. A normal tail of 6 sd is 2e-9; over at most 3 models x 2 phases x 16 rows x 16 cells x 2 samplers
 * (3,072 cells) a correct sampler fails with probability below 1e-5 (fixed seeds: reproducible).
 */
class GibbsStepKernelTest {
    static final int N = 6_000;

    static BoltzmannMachine randomized(BoltzmannMachine m, long seed) {
        RandomGenerator rng = Rngs.create(seed);
        double[] t = m.parameters();
        for (int k = 0; k < t.length; k++) {
            t[k] = 1.2 * rng.nextGaussian();
        }
        return m;
    }

    static void assertStepsFollowTheKernel(BoltzmannMachine m, boolean fused) {
        int nv = m.visibleCount();
        int n = nv + m.hiddenCount();
        RandomGenerator rng = Rngs.create(fused ? 11 : 7);
        for (Phase phase : Phase.values()) {
            double[][] kernel = GibbsKernels.kernel(m, phase);
            for (int a = 0; a < (1 << n); a++) {
                long[] counts = new long[1 << n];
                BoltzmannState s = m.newState();
                double[] target = new double[m.parameters().length];
                double[] expected = new double[target.length];
                for (int draw = 0; draw < N; draw++) {
                    s.setBits(a & ((1 << nv) - 1), a >>> nv);
                    if (fused) {
                        m.gibbsStepAndAddStatistic(s, phase, rng, 0.5, target);
                        m.addStatistic(s, 0.5, expected);
                    } else {
                        m.gibbsStep(s, phase, rng);
                    }
                    counts[(int) (s.visibleBits() | (s.hiddenBits() << nv))]++;
                }
                if (fused) {
                    assertArrayEquals(expected, target, 1e-9, m.describe() + ": the fused step adds phi of the new state");
                }
                for (int c = 0; c < counts.length; c++) {
                    double p = kernel[a][c];
                    double bound = 6 * Math.sqrt(N * p * (1 - p)) + 1;
                    assertTrue(Math.abs(counts[c] - N * p) <= bound, m.describe() + " " + phase + (fused ? " fused" : "")
                            + ": from state " + a + " to " + c + " count " + counts[c] + ", exact " + N * p);
                }
            }
        }
    }

    @Test
    void rbmStepsFollowTheExactKernel() {
        for (boolean fused : new boolean[] {false, true}) {
            assertStepsFollowTheKernel(randomized(Rbm.of(2, 2, 1.3, true), 1), fused);
            assertStepsFollowTheKernel(randomized(Rbm.of(2, 2, 0.8, false), 2), fused);
        }
    }

    @Test
    void lateralMachineStepsFollowTheExactKernel() {
        for (boolean fused : new boolean[] {false, true}) {
            assertStepsFollowTheKernel(randomized(LateralBoltzmannMachine.of(1, 3, 1.3), 3), fused);
        }
    }

    @Test
    void fullyVisibleMachineStepsFollowTheExactKernel() {
        for (boolean fused : new boolean[] {false, true}) {
            assertStepsFollowTheKernel(randomized(FullyVisibleBoltzmannMachine.of(4, 0.9), 4), fused);
        }
    }
}

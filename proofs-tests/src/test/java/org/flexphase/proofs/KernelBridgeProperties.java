package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.random.RandomGenerator;
import org.flexphase.exact.GibbsKernels;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * B1: the exact kernels every other property relies on ({@link GibbsKernels}, built from the energy alone) are the
 * kernels the models actually run. From every start state of every tiny model (RBMs with and without visible
 * biases, lateral BMs, fully visible BMs; beta in [0.5, 1.5]) and both phases, the next states of the model's own
 * {@code gibbsStep} and of the fused {@code gibbsStepAndAddStatistic} are counted and tested against the kernel row
 * by Pearson's chi-squared, cells of expected count below 10 pooled.
 */
class KernelBridgeProperties {
    static final int EXAMPLES = 30;
    static final int DRAWS = 2_000;
    /** At most 64 states x 2 phases x 2 step methods per example share the run's false-failure budget. */
    static final double ROW_ALPHA = Tolerances.RUN_BUDGET / (EXAMPLES * 64.0 * 2 * 2);

    @Test
    void gibbsStepsFollowTheExactKernelRowsFromEveryState() {
        Proofs.qt(EXAMPLES).forAll(Generators.TINY_MODEL, integers().between(1, 1_000_000)).checkAssert((inst, seed) -> {
            BoltzmannMachine model = inst.model();
            RandomGenerator rng = Rngs.create(seed);
            int nv = model.visibleCount();
            BoltzmannState state = model.newState();
            double[] target = new double[model.parameterCount()];
            double[] expectedIncrement = new double[model.parameterCount()];
            for (Phase phase : Phase.values()) {
                double[][] kernel = GibbsKernels.kernel(model, phase);
                for (int a = 0; a < kernel.length; a++) {
                    for (boolean fused : new boolean[]{false, true}) {
                        long[] counts = new long[kernel.length];
                        for (int draw = 0; draw < DRAWS; draw++) {
                            state.setBits(a & ((1L << nv) - 1), (long) a >>> nv);
                            if (fused) {
                                java.util.Arrays.fill(target, 0);
                                model.gibbsStepAndAddStatistic(state, phase, rng, 0.75, target);
                                java.util.Arrays.fill(expectedIncrement, 0);
                                model.addStatistic(state, 0.75, expectedIncrement);
                                assertArrayEquals(expectedIncrement, target, 1e-12,
                                        "the fused step's increment is not 0.75 phi(new state)");
                            } else {
                                model.gibbsStep(state, phase, rng);
                            }
                            counts[(int) (state.visibleBits() | state.hiddenBits() << nv)]++;
                        }
                        Tolerances.Fit fit = Tolerances.chiSquared(counts, kernel[a], 10);
                        String where = (fused ? "gibbsStepAndAddStatistic" : "gibbsStep") + " phase " + phase.symbol()
                                + " from state " + a;
                        assertNull(fit.impossible(), where + ": " + fit.impossible());
                        assertTrue(fit.pValue() >= ROW_ALPHA, where + ": chi2 = " + fit.statistic() + " on "
                                + fit.degreesOfFreedom() + " df, p = " + fit.pValue() + " < " + ROW_ALPHA);
                    }
                }
            }
        });
    }
}

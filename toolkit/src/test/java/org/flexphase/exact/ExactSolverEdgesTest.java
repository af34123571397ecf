package org.flexphase.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * The exact solvers where the theorem suite does not look: the CD-k field at small k (the suite compares k = 1 with
 * k = 200, where one more or one fewer Gibbs step no longer shows), Gibbs kernels at the size limit and in the clamped
 * phase of a machine without hidden units, Newton's iteration cap, and what is refused.
 */
class ExactSolverEdgesTest {
    static final DataDistribution DATA = DataDistribution.of(new double[][] {{0, 0, 1}, {1, 1, 0}, {1, 1, 1},
        {0, 1, 0}, {1, 1, 0}});

    static FullyVisibleBoltzmannMachine model() {
        return FullyVisibleBoltzmannMachine.of(3, 1.0, new double[] {0.4, -0.7, 1.1, 0.2, -0.3, 0.5});
    }

    /** {@code sum_v p(v) [phi(v) - sum_w (K^k)(v, w) phi(w)]} with K^k multiplied out here, entry by entry. */
    static double[] cdFieldByHand(FullyVisibleBoltzmannMachine m, int k) {
        double[][] kernel = GibbsKernels.kernel(m, Phase.NEGATIVE);
        int size = kernel.length;
        double[][] power = new double[size][size];
        for (int a = 0; a < size; a++) {
            power[a][a] = 1;
        }
        for (int s = 0; s < k; s++) {
            double[][] next = new double[size][size];
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < size; b++) {
                    for (int c = 0; c < size; c++) {
                        next[a][c] += power[a][b] * kernel[b][c];
                    }
                }
            }
            power = next;
        }
        double[] h = new double[m.parameterCount()];
        BoltzmannState state = m.newState();
        for (int r = 0; r < DATA.support(); r++) {
            int v = (int) DATA.code(r);
            double p = DATA.probability(r);
            state.setBits(v, 0);
            m.addStatistic(state, p, h);
            for (int w = 0; w < size; w++) {
                state.setBits(w, 0);
                m.addStatistic(state, -p * power[v][w], h);
            }
        }
        return h;
    }

    @Test
    void theCdFieldTakesExactlyKFreeGibbsSteps() {
        FullyVisibleBoltzmannMachine m = model();
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(cdFieldByHand(m, k), ContrastiveDivergenceField.meanUpdate(m, DATA, k), 1e-13, "k = " + k);
        }
        // One step more or fewer is visible at small k: the fields differ by far more than rounding.
        double[] two = ContrastiveDivergenceField.meanUpdate(m, DATA, 2);
        double[] three = cdFieldByHand(m, 3);
        assertFalse(FixedPoints.maxAbs(subtract(two, three)) < 1e-4, "CD-2 and CD-3 must differ here");
    }

    @Test
    void theCdFieldIsRefusedForHiddenUnitsAndForKBelowOne() {
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> ContrastiveDivergenceField.meanUpdate(Rbm.of(3, 2, 1.0, true), DATA, 1));
        assertEquals(true, hidden.getMessage().endsWith(" has 2 hidden units"), hidden.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> ContrastiveDivergenceField.meanUpdate(model(), DATA, 0));
        assertEquals("k must be >= 1: 0", k.getMessage());
    }

    @Test
    void kernelsAreExactUpToTenUnitsAndTheClampedStepOfAFullyVisibleMachineIsTheIdentity() {
        FullyVisibleBoltzmannMachine ten = FullyVisibleBoltzmannMachine.of(10, 1.0);
        double[][] free = GibbsKernels.kernel(ten, Phase.NEGATIVE);
        assertEquals(1024, free.length);
        // All parameters zero: every unit is resampled to 1 with probability 1/2, so one sweep forgets the state.
        for (int a : new int[] {0, 517, 1023}) {
            for (int b = 0; b < 1024; b++) {
                assertEquals(1.0 / 1024, free[a][b], 1e-15, a + " -> " + b);
            }
        }
        // No hidden units: the clamped phase resamples nothing.
        double[][] clamped = GibbsKernels.kernel(model(), Phase.POSITIVE);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                assertEquals(a == b ? 1.0 : 0.0, clamped[a][b], a + " -> " + b);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GibbsKernels.kernel(FullyVisibleBoltzmannMachine.of(11, 1.0), Phase.NEGATIVE));
        assertEquals("exact kernels need at most 10 units: 11", e.getMessage());
    }

    @Test
    void newtonStopsAtItsIterationCapAndReportsWhetherItConverged() {
        // h(x) = x^3 - 8 per coordinate, zero at 2. From 1: x1 = 1 + 7/3, far from 2 after one step.
        java.util.function.UnaryOperator<double[]> cube = x -> new double[] {x[0] * x[0] * x[0] - 8};
        FixedPoints.Result one = FixedPoints.newton(cube, new double[] {1}, 1e-12, 1);
        assertEquals(1, one.iterations());
        assertFalse(one.converged());
        assertEquals(1 + 7.0 / 3, one.theta()[0], 1e-8, "one Newton step with a central-difference slope");
        assertEquals(Math.pow(1 + 7.0 / 3, 3) - 8, one.residual(), 1e-6);
        FixedPoints.Result none = FixedPoints.newton(cube, new double[] {1}, 1e-12, 0);
        assertEquals(0, none.iterations());
        assertEquals(7.0, none.residual(), 0.0);
        FixedPoints.Result done = FixedPoints.newton(cube, new double[] {1}, 1e-12, 50);
        assertEquals(true, done.converged());
        assertEquals(2.0, done.theta()[0], 1e-12);
        // Already at the zero: no step is taken.
        FixedPoints.Result at = FixedPoints.newton(cube, new double[] {2}, 0.0, 50);
        assertEquals(0, at.iterations());
        assertEquals(true, at.converged(), "a residual equal to the tolerance (0) has converged");
    }

    static double[] subtract(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}

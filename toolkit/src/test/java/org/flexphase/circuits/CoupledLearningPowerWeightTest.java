package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The power term of coupled learning ({@link CoupledLearning#withPowerWeight}) on a network solved by hand: the loop of
 * {@link EquilibriumSolverTiedStepTest} (source edge 0-1 at drop x, loop conductances 1, 2, 4, 4 carrying x/2), whose
 * free drops at x = 1 are 1, 1/2, 1/4, 1/8, 1/8, 0 on its six edges, so the free power
 * {@code P = 1/2 sum k (dp)^2 = 1/2 (1 + 1/4 + 2/16 + 4/64 + 4/64) = 3/4}, and {@code 4 P} at x = 2.
 */
class CoupledLearningPowerWeightTest {
    static CoupledLearning plain() {
        return new CoupledLearning(EquilibriumSolverTiedStepTest.loop(),
                new CouplingTask(new double[][]{{1.0}, {2.0}}, new double[][]{{0.55}, {0.3}}), 0.5,
                Relaxation.Kind.UNIFORM, 1.0);
    }

    @Test
    void theFreePowerIsTheHandComputedOne() {
        CoupledLearning sys = plain();
        assertEquals(0.75, sys.power(0), 1e-14);
        assertEquals(3.0, sys.power(1), 1e-14);
        assertEquals((0.75 + 3.0) / 2, sys.power(), 1e-14);
    }

    @Test
    void theRuleGainsMinusLambdaHalfTheFreeDropSquared() {
        CoupledLearning plain = plain();
        CoupledLearning weighted = plain.withPowerWeight(0.5);
        assertEquals(0.5, weighted.powerWeight());
        double[] pf = new double[6];
        double[] pc = new double[6];
        plain.freeEquilibrium(0, pf);
        plain.clampedEquilibrium(0, pc);
        double[] base = new double[6];
        double[] with = new double[6];
        plain.addRule(pf, pc, 1.0, base);
        weighted.addRule(pf, pc, 1.0, with);
        double[] freeDropSquared = {1, 0.25, 0.0625, 0.015625, 0.015625, 0};
        for (int e = 0; e < 6; e++) {
            assertEquals(base[e] - 0.5 * 0.5 * freeDropSquared[e], with[e], 1e-15, "edge " + e);
        }
        // lambda 0 is the plain rule exactly, and is accepted
        CoupledLearning zero = plain.withPowerWeight(0);
        assertEquals(0.0, zero.powerWeight());
        double[] none = new double[6];
        zero.addRule(pf, pc, 1.0, none);
        assertArrayEquals(base, none, 0.0);
    }

    @Test
    void aNegativeInfiniteOrNaNWeightIsRefused() {
        for (double bad : new double[]{-1e-300, Double.POSITIVE_INFINITY, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plain().withPowerWeight(bad), "lambda " + bad);
            assertTrue(e.getMessage().startsWith("power weight must be a finite value >= 0: "), e.getMessage());
        }
        assertEquals(Double.MAX_VALUE, plain().withPowerWeight(Double.MAX_VALUE).powerWeight());
    }
}

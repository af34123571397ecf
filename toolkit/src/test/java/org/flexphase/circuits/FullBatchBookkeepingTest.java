package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.learning.LearningLoop;
import org.junit.jupiter.api.Test;

/**
 * Full batch over more than one update: each update starts from an empty buffer (the second is the rate times the mean
 * rule at the conductances the first left), the phase counts are {@code T M} each per update, a large rate is clipped
 * into the box, and with the conductances frozen the summed increments are the updates times the mean rule.
 */
class FullBatchBookkeepingTest {
    private static final int T = 3;
    private static final int M = 4;

    private static NetworkSettings settings(double lr, int updates) {
        return NetworkSettings.DEFAULTS.withBatch(BatchMode.FULL).withLr(lr).withPhaseLength(T)
                .withSteps(2L * T * M * updates).withEvalEvery(2L * T * M);
    }

    @Test
    void twoUpdatesAreTwoMeanRulesInTurn() {
        CoupledLearning sys = FullBatchTest.system(M);
        CoupledLearning ref = FullBatchTest.system(M);
        double lr = 0.4;
        LearningLoop loop = new CouplingTrainer(settings(lr, 2)).train(sys, null);
        assertEquals(2, loop.updates());
        assertEquals(2L * T * M, loop.negativeSteps());
        assertEquals(2L * T * M, loop.positiveSteps());
        for (int u = 0; u < 2; u++) {
            double[] mean = ref.twoPhaseUpdate();
            double[] k = ref.parameters();
            for (int e = 0; e < k.length; e++) {
                k[e] += lr * mean[e];
            }
            ref.parametersChanged();
        }
        double[] a = sys.parameters();
        double[] b = ref.parameters();
        for (int e = 0; e < a.length; e++) {
            assertEquals(b[e], a[e], 1e-12 * Math.max(1, Math.abs(b[e])), "edge " + e);
        }
    }

    @Test
    void aLargeRateIsClippedIntoTheBox() {
        CoupledLearning sys = FullBatchTest.system(M);
        new CouplingTrainer(settings(1e7, 1)).train(sys, null);
        double[] k = sys.parameters();
        boolean atBound = false;
        for (double v : k) {
            assertTrue(v >= 1e-3 && v <= 1e3, "conductance " + v + " outside [1e-3, 1e3]");
            atBound |= v == 1e-3 || v == 1e3;
        }
        assertTrue(atBound, "no conductance reached the box: the test would not see a missing clip");
    }

    @Test
    void frozenIncrementsAreTheUpdatesTimesTheMeanRule() {
        CoupledLearning sys = FullBatchTest.system(M);
        double[] k0 = sys.parameters().clone();
        double[] mean = sys.twoPhaseUpdate();
        double[] inc = new double[k0.length];
        LearningLoop loop = new CouplingTrainer(settings(0.5, 3)).sumIncrements(sys, 3L * 2 * T * M + 5, inc);
        assertEquals(3, loop.updates());
        assertArrayEquals(k0, sys.parameters(), 0);
        for (int e = 0; e < inc.length; e++) {
            assertEquals(3 * mean[e], inc[e], 1e-12 * Math.max(1, Math.abs(3 * mean[e])), "edge " + e);
        }
    }
}

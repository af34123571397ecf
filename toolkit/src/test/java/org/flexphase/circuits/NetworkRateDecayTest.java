package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * {@code lr_tau}: the rate of every coupled-learning update is {@code lr / (1 + t / lr_tau)} at the step {@code t}
 * where the trainer makes it, read back from the conductances of a production run (equilibrated phases, one example,
 * full batch, so each update is exactly its rate times the two-phase rule at the previous checkpoint).
 */
class NetworkRateDecayTest {
    static final int T = 2;

    /** The rate each update used: the conductance change over the two-phase rule at the update's start. */
    static List<Double> ratesUsed(NetworkSettings s) {
        CoupledLearning sys = FullBatchTest.system(1);
        List<Double> rates = new ArrayList<>();
        double[][] last = new double[2][];
        new CouplingTrainer(s).train(sys, loop -> {
            double[] theta = sys.parameters();
            if (last[0] != null) {
                int best = 0;
                for (int e = 0; e < theta.length; e++) {
                    if (Math.abs(last[1][e]) > Math.abs(last[1][best])) {
                        best = e;
                    }
                }
                rates.add((theta[best] - last[0][best]) / last[1][best]);
            }
            last[0] = theta.clone();
            last[1] = sys.twoPhaseUpdate();
        });
        return rates;
    }

    static NetworkSettings settings(double lr) {
        return NetworkSettings.DEFAULTS.withBatch(BatchMode.FULL).withLr(lr).withPhaseLength(T)
                .withSteps(2L * T * 12).withEvalEvery(2L * T);
    }

    @Test
    void everyUpdateUsesTheDecayedRateAtItsStep() {
        double lr = 0.05;
        double tau = 3;
        List<Double> rates = ratesUsed(settings(lr).withLrTau(tau));
        assertEquals(12, rates.size());
        // the update of checkpoint interval j is made at step 2Tj + o for one offset o within the interval
        boolean some = false;
        for (int o = 0; o <= 2 * T && !some; o++) {
            boolean all = true;
            for (int j = 0; j < rates.size(); j++) {
                double expected = lr / (1 + (2.0 * T * j + o) / tau);
                all &= Math.abs(rates.get(j) - expected) <= 1e-9 * expected;
            }
            some = all;
        }
        assertTrue(some, "rates used " + rates + " are not lr / (1 + t / tau) at the update steps");
        assertTrue(rates.get(11) < rates.get(0) / 5, "the rate decays: " + rates);
    }

    @Test
    void unsetOrZeroIsAConstantRate() {
        for (double r : ratesUsed(settings(0.05))) {
            assertEquals(0.05, r, 1e-9 * 0.05);
        }
        assertNull(settings(0.05).withLrTau(0).lrTau(), "0 is stored as unset");
        assertEquals(settings(0.05), settings(0.05).withLrTau(0));
    }

    @Test
    void outOfRangeTimeConstantsAreRefusedByName() {
        for (double bad : new double[]{-1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308}) {
            InvalidSetting e = assertThrows(InvalidSetting.class, () -> settings(0.05).withLrTau(bad).validate(),
                    "lr_tau " + bad);
            assertEquals("lr_tau", e.key());
        }
    }
}

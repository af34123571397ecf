package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.learning.LearningLoop;
import org.flexphase.phases.LengthLaws;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The bias of persistent flexible-phase EP (docs/theory.md T13) as {@link PersistentBias} measures it: zero when every
 * step relaxes to the phase's fixed point, and otherwise the runs' mean of (summed increments - the equilibrated
 * value for that run's own phase counts) / updates, with the standard error of that mean.
 */
class PersistentBiasTest {
    static final double[] X = {0.2, 0.6, 0.4};
    static final double[] T = {0.3, 0.7};
    static final double BETA = 0.4;

    /** Small weights and interior biases: the relaxation contracts, so a few hundred sweeps reach the fixed point. */
    static HopfieldNetwork network() {
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(11), 3, 4, 2);
        double[] theta = net.parameters();
        for (int k = 0; k < net.biasOffset(1); k++) {
            theta[k] *= 0.3;
        }
        for (int k = net.biasOffset(1); k < theta.length; k++) {
            theta[k] = 0.5;
        }
        net.parametersChanged();
        return net;
    }

    @Test
    void statisticAtFixedPointIsPhiAtNewtonsFixedPoint() {
        HopfieldNetwork net = network();
        HopfieldState st = net.newState();
        st.show(X, T, -1);
        FixedPoints.Solution s = FixedPoints.solve(st, BETA, false, 3);
        st.setFlatActivations(s.activations());
        double[] phi = new double[net.parameterCount()];
        net.addStatistic(st, 1.0, phi);
        assertArrayEquals(phi, PersistentBias.statisticAtFixedPoint(net, X, T, BETA, 1000), 1e-10);
    }

    @Test
    void noBiasWhenEveryStepRelaxesToTheFixedPoint() {
        PersistentBias.Estimate e = PersistentBias.measure(network(), X, T, BETA, 0.3, 0.3, 400, 3, 10, 5);
        assertEquals(0.3, e.p(), 0);
        assertEquals(0, e.norm(), 1e-9);
        assertEquals(0, e.standardError(), 1e-9);
    }

    @Test
    void oneSweepPerStepLeavesTransientsWhoseMeanAndSpreadAreTheRunsOwn() {
        HopfieldNetwork net = network();
        double b = 0.3; // not 1/2, where rho+ and rho- coincide
        double p = 0.5;
        int runs = 4;
        int switches = 15;
        long seed = 9;
        PersistentBias.Estimate e = PersistentBias.measure(net, X, T, BETA, b, p, 1, runs, switches, seed);
        // The definition, run by run: d_r = (sum_r - (N+_r/rho phi+ - N-_r/(1-rho) phi-)/beta) / updates_r.
        double[] plus = PersistentBias.statisticAtFixedPoint(net, X, T, BETA, 1000);
        double[] minus = PersistentBias.statisticAtFixedPoint(net, X, T, 0, 1000);
        Examples one = new Examples(new double[][]{X}, new double[][]{T}, new int[1]);
        int n = net.parameterCount();
        double[][] d = new double[runs][n];
        for (int r = 0; r < runs; r++) {
            EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(EpSettings.DEFAULTS
                    .withMode(EquilibriumPropagationTrainer.Mode.LOCAL).withBeta(BETA).withFreeSteps(1)
                    .withNudgeSteps(1).withB(b).withSwitchProb(p).withSweepsPerStep(1).withSeed(seed + r))
                    .withPresentationLaw(LengthLaws.fixed(1));
            double[] sum = new double[n];
            LearningLoop loop = trainer.sumIncrements(net, one, Math.round(switches / p), sum);
            assertEquals(30, loop.updates());
            for (int q = 0; q < n; q++) {
                double equilibrated = (loop.positiveSteps() / b * plus[q] - loop.negativeSteps() / (1 - b) * minus[q])
                        / BETA;
                d[r][q] = (sum[q] - equilibrated) / loop.updates();
            }
        }
        double norm2 = 0;
        double variance = 0;
        for (int q = 0; q < n; q++) {
            double mean = 0;
            for (double[] row : d) {
                mean += row[q] / runs;
            }
            double ss = 0;
            for (double[] row : d) {
                ss += (row[q] - mean) * (row[q] - mean);
            }
            norm2 += mean * mean;
            variance += ss / (runs - 1) / runs;
        }
        assertEquals(Math.sqrt(norm2), e.norm(), 1e-9 * Math.sqrt(norm2));
        assertEquals(Math.sqrt(variance), e.standardError(), 1e-9 * Math.sqrt(variance));
        // One sweep per step does not reach the fixed point after a switch: the runs' transients differ (compare 0
        // in the fully relaxed test above).
        assertTrue(e.standardError() > 1e-4, e.toString());
    }
}

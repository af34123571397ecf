package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexphase.learning.LearningLoop;
import org.junit.jupiter.api.Test;

/**
 * Full batch under continuous-time relaxation ({@code relax ode}): {@code lr} is alpha per unit time and a full-batch
 * update stands for {@code M} pairs of phases of {@code T} steps of {@code dt} each, so it takes the rate
 * {@code alpha 2 T dt M} times the mean two-phase rule. With {@code gamma dt = 1e12} every backward-Euler step lands on
 * its phase's equilibrium (to about 1e-12), so the update can be compared with the exact mean rule.
 */
class FullBatchOdeRateTest {
    @Test
    void oneUpdateIsAlphaTimesTwoTDtMTimesTheMeanRule() {
        double alpha = 1e-8;
        double dt = 1e6;
        int t = 3;
        for (int examples : new int[]{1, 4}) {
            ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(14, 4.0, 1), 3, 2, 1.0,
                    1e-3, 1e3, 2);
            CoupledLearning sys = new CoupledLearning(net, CouplingTask.randomLinear(3, 2, examples, 3), 0.1,
                    Relaxation.Kind.ODE, 1.0, 1e6, dt);
            double[] before = sys.parameters().clone();
            double[] mean = sys.twoPhaseUpdate();
            NetworkSettings s = NetworkSettings.DEFAULTS.withRelax(Relaxation.Kind.ODE).withGamma(1e6).withDt(dt)
                    .withLr(alpha).withBatch(BatchMode.FULL).withPhaseLength(t).withSteps(2L * t * examples)
                    .withEvalEvery(2L * t * examples);
            CouplingTrainer trainer = new CouplingTrainer(s);
            assertEquals(alpha * 2 * t * dt, trainer.updateRate(), 1e-15);
            LearningLoop loop = trainer.train(sys, null);
            assertEquals(1, loop.updates());
            double rate = alpha * 2 * t * dt * examples;
            for (int e = 0; e < before.length; e++) {
                double expected = Math.min(1e3, Math.max(1e-3, before[e] + rate * mean[e]));
                assertEquals(expected, sys.parameters()[e], 1e-9 * Math.max(1, Math.abs(expected)),
                        examples + " examples, edge " + e);
            }
        }
    }
}

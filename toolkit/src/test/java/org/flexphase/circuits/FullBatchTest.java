package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.learning.LearningLoop;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * Full-batch standard coupled learning ({@link BatchMode#FULL}): one update adds the rate times the mean over the
 * examples of the two-phase rule, and costs {@code 2 T M} sweeps.
 */
class FullBatchTest {

    static CoupledLearning system(int examples) {
        Graph g = Graphs.randomGeometric(14, 4.0, 1);
        ResistorNetwork net = ResistorNetwork.withRandomRoles(g, 3, 2, 1.0, 1e-3, 1e3, 2);
        // relax rate 1 (uniform): every step lands on the exact equilibrium of its phase
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, examples, 3), 0.1, Relaxation.Kind.UNIFORM, 1.0);
    }

    /** With phases that equilibrate, one update is exactly the rate times the mean two-phase rule. */
    @Test
    void oneUpdateIsTheRateTimesTheMeanTwoPhaseRule() {
        for (int examples : new int[]{1, 4}) {
            CoupledLearning sys = system(examples);
            double[] before = sys.parameters().clone();
            double[] mean = sys.twoPhaseUpdate();
            double lr = 0.3;
            int t = 3;
            NetworkSettings s = NetworkSettings.DEFAULTS.withBatch(BatchMode.FULL).withLr(lr).withPhaseLength(t)
                    .withSteps(2L * t * examples).withEvalEvery(2L * t * examples);
            LearningLoop loop = new CouplingTrainer(s).train(sys, null);
            assertEquals(1, loop.updates());
            assertEquals(2L * t * examples, loop.step());
            for (int e = 0; e < before.length; e++) {
                double expected = Math.min(1e3, Math.max(1e-3, before[e] + lr * mean[e]));
                assertEquals(expected, sys.parameters()[e], 1e-12 * Math.max(1, Math.abs(expected)),
                        examples + " examples, edge " + e);
            }
        }
    }

    /** An update that would overrun the budget is not started: 2 T M sweeps each. */
    @Test
    void updatesCostTwoPhasesPerExample() {
        CoupledLearning sys = system(3);
        NetworkSettings s = NetworkSettings.DEFAULTS.withBatch(BatchMode.FULL).withLr(0.01).withPhaseLength(2)
                .withSteps(12 * 5 + 11).withEvalEvery(12);
        LearningLoop loop = new CouplingTrainer(s).train(sys, null);
        assertEquals(5, loop.updates());
        assertEquals(60, loop.step());
    }

    @Test
    void fullBatchIsStandardModesOnlyAndExampleIsTheUnsetDefault() {
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkSettings.DEFAULTS
                .withMode(CouplingMode.TWIN).withBatch(BatchMode.FULL).validate());
        assertEquals("batch", e.key());
        assertTrue(NetworkSettings.DEFAULTS.withBatch(BatchMode.EXAMPLE).batch() == null);
        assertEquals(NetworkSettings.DEFAULTS, NetworkSettings.DEFAULTS.withBatch(BatchMode.EXAMPLE));
    }
}

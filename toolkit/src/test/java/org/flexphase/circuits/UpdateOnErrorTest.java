package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.learning.LearningLoop;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Update-on-error in standard mode: an example the free network classifies right makes no update, a misclassified one
 * makes the usual update, and the trainer counts the updates made. Two examples on a 16-node network with two inputs
 * and two outputs; which output wins each example's free state is read first, and the targets are built around it.
 */
class UpdateOnErrorTest {
    static final long SEED = 7;
    static final NetworkSettings SETTINGS = NetworkSettings.DEFAULTS.withTask(TaskKind.IRIS).withNodes(16)
            .withRelaxRate(1.0).withPhaseLength(1).withSteps(200).withEvalEvery(200).withSeed(SEED);

    static ResistorNetwork network() {
        return ResistorNetwork.withReachableRoles(Graphs.randomGeometric(16, 4.0, 3), 2, 2, 1.0, 1e-3, 1e3, 4)
                .network();
    }

    static final double[][] X = {{1.0, 0.2}, {0.1, 0.9}};

    /** Targets with the high value at {@code winners[m]} for example {@code m}. */
    static CouplingTask task(int[] winners) {
        double[][] t = new double[2][2];
        for (int m = 0; m < 2; m++) {
            t[m][winners[m]] = Classification.HIGH;
            t[m][1 - winners[m]] = Classification.LOW;
        }
        return new CouplingTask(X, t);
    }

    /** The output that wins each example's free state on {@link #network()}. */
    static int[] freeWinners() {
        CoupledLearning probe = new CoupledLearning(network(), task(new int[]{0, 0}), 0.1, Relaxation.Kind.UNIFORM, 1.0);
        int[] w = new int[2];
        for (int m = 0; m < 2; m++) {
            double[] y = probe.freeOutputs(X[m]);
            w[m] = y[1] > y[0] ? 1 : 0;
        }
        return w;
    }

    record Trained(double[] conductances, long updates, long made) {
    }

    static Trained train(CouplingTask task, double lr, boolean onError) {
        CoupledLearning sys = new CoupledLearning(network(), task, 0.1, Relaxation.Kind.UNIFORM, 1.0);
        CouplingTrainer trainer = new CouplingTrainer(SETTINGS.withLr(lr).withUpdateOnError(onError));
        LearningLoop loop = trainer.train(sys, l -> { });
        return new Trained(sys.network().conductances().clone(), loop.updates(), trainer.updatesMade());
    }

    @Test
    void anExampleClassifiedRightMakesNoUpdate() {
        int[] w = freeWinners();
        Trained t = train(task(w), 0.5, true);
        assertArrayEquals(network().conductances(), t.conductances(), 0.0, "no conductance moved");
        assertEquals(100, t.updates(), "every pair of phases ran");
        assertEquals(0, t.made());
        Trained plain = train(task(w), 0.5, false);
        assertFalse(java.util.Arrays.equals(network().conductances(), plain.conductances()),
                "without the rule the same run moves the conductances (its targets are not met exactly)");
        assertEquals(100, plain.made());
    }

    @Test
    void misclassifiedExamplesMakeTheUsualUpdate() {
        int[] w = freeWinners();
        CouplingTask wrong = task(new int[]{1 - w[0], 1 - w[1]});
        // a rate small enough that no example changes class within the run: every update is made
        Trained t = train(wrong, 1e-6, true);
        Trained plain = train(wrong, 1e-6, false);
        assertArrayEquals(plain.conductances(), t.conductances(), 0.0, "the same updates as without the rule");
        assertEquals(100, t.made());
    }

    @Test
    void updatesMadeCountThePresentationsOfTheMisclassifiedExample() {
        int[] w = freeWinners();
        Trained t = train(task(new int[]{w[0], 1 - w[1]}), 1e-6, true);
        // standard mode draws one uniform example per update from the trainer's seed and nothing else
        RandomGenerator rng = Rngs.create(SEED);
        int expected = 0;
        for (int u = 0; u < 100; u++) {
            expected += rng.nextInt(2) == 1 ? 1 : 0;
        }
        assertEquals(expected, t.made());
        assertTrue(expected > 0 && expected < 100);
    }
}

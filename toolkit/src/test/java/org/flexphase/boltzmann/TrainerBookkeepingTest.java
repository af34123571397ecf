package org.flexphase.boltzmann;

import org.flexphase.learning.LearningRateSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.RenewalPhaseProcess;
import org.junit.jupiter.api.Test;

/**
 * The trainer's accounting, checked exactly: when checkpoints fire, how steps are split between phases, how an exact
 * update and weight decay change the parameters, and which inputs are refused.
 */
class TrainerBookkeepingTest {
    static final double[][] ROWS = BoltzmannTrainerTest.ROWS;

    static List<TrainingListener.Checkpoint> checkpoints(TrainSettings config) {
        return checkpoints(new BoltzmannTrainer(config));
    }

    static List<TrainingListener.Checkpoint> checkpoints(BoltzmannTrainer trainer) {
        List<TrainingListener.Checkpoint> seen = new ArrayList<>();
        trainer.train(FullyVisibleBoltzmannMachine.of(3, 1.0), ROWS, seen::add);
        return seen;
    }

    static List<Long> steps(List<TrainingListener.Checkpoint> checkpoints) {
        return checkpoints.stream().map(TrainingListener.Checkpoint::step).toList();
    }

    @Test
    void checkpointsFireAtTheStartOnEveryMultipleAndAtTheEnd() {
        TrainSettings local = TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withSteps(1000).withEvalEvery(300);
        assertEquals(List.of(0L, 300L, 600L, 900L, 1000L), steps(checkpoints(local)));
        TrainSettings even = local.withSteps(900);
        assertEquals(List.of(0L, 300L, 600L, 900L), steps(checkpoints(even)), "no second checkpoint at the end");
        // CD-3 costs 6 steps per update: 16 updates fit in 100 steps, and each checkpoint comes after the update
        // that crosses a multiple of 30.
        TrainSettings standard = TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(3).withSteps(100).withEvalEvery(30);
        assertEquals(List.of(0L, 30L, 60L, 90L, 96L), steps(checkpoints(standard)));
        // Exact updates are charged 7 steps each, the last one the 6 that remain.
        TrainSettings exact = TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(7).withSteps(20).withEvalEvery(7);
        assertEquals(List.of(0L, 7L, 14L, 20L), steps(checkpoints(exact)));
    }

    @Test
    void phaseStepCountsFollowThePhases() {
        // Alternating + (2 steps), - (3 steps): over 1000 steps exactly 400 positive and 600 negative.
        BoltzmannTrainer alternating = new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL)
                .withSteps(1000).withEvalEvery(500))
                .withPhaseProcess(RenewalPhaseProcess.alternating(LengthLaws.fixed(2), LengthLaws.fixed(3)));
        List<TrainingListener.Checkpoint> seen = checkpoints(alternating);
        TrainingListener.Checkpoint last = seen.get(seen.size() - 1);
        assertEquals(400, last.positiveSteps());
        assertEquals(600, last.negativeSteps());
        assertEquals(200, seen.get(1).positiveSteps(), "at step 500: 100 whole periods");
        TrainingListener.Checkpoint cd = checkpoints(TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(2)
                .withSteps(40).withEvalEvery(40)).get(1);
        assertEquals(20, cd.positiveSteps());
        assertEquals(20, cd.negativeSteps());
    }

    @Test
    void oneExactUpdateIsTheGradientStepAndWeightDecayShrinksOnlyTheCouplings() {
        DataDistribution data = DataDistribution.of(ROWS);
        double[] u = ExactAnalysis.gradient(FullyVisibleBoltzmannMachine.of(3, 1.0), data);
        double eta = 0.5;
        double lambda = 0.4;
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        TrainSettings one = TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(10).withSteps(10).withEvalEvery(10)
                .withLr(eta).withWeightDecay(lambda);
        TrainingResult r = new BoltzmannTrainer(one).train(m, ROWS, null);
        assertEquals(10, r.steps());
        double[] expected = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            boolean coupling = k < m.biasOffset();
            expected[k] = eta * u[k] * (coupling ? 1 - eta * lambda : 1);
        }
        assertArrayEquals(expected, m.parameters(), 1e-15);
    }

    @Test
    void weightDecayActsInEveryModeAndAtFullStrengthClearsTheCouplings() {
        // eta * lambda = 1 scales the couplings by 0 after every learning step, so a run ends with zero couplings
        // and, since biases are not decayed, non-zero biases.
        for (TrainingMode mode : new TrainingMode[] {TrainingMode.LOCAL, TrainingMode.ISD, TrainingMode.STANDARD}) {
            FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
            new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(mode).withSteps(200).withEvalEvery(200).withSeed(3)
                    .withLr(0.5).withWeightDecay(2.0)).train(m, ROWS, null);
            double biases = 0;
            for (int k = 0; k < m.parameters().length; k++) {
                if (k < m.biasOffset()) {
                    assertEquals(0.0, m.parameters()[k], 0.0, mode + " coupling " + k);
                } else {
                    biases += Math.abs(m.parameters()[k]);
                }
            }
            assertTrue(biases > 0, mode + ": biases are not decayed");
        }
    }

    @Test
    void aDivergingRunKeepsTheParametersOfItsLastCheckpoint() {
        List<TrainingListener.Checkpoint> seen = new ArrayList<>();
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        // Rates of 1e306 overflow the parameters within a few hundred steps; checkpoints every 10 steps.
        TrainingResult r = new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withSteps(1_000_000).withEvalEvery(10)
                .withLr(1e306)).train(m, ROWS, seen::add);
        assertTrue(r.diverged());
        TrainingListener.Checkpoint last = seen.get(seen.size() - 1);
        assertTrue(last.step() > 0, "at least one checkpoint after the start");
        assertArrayEquals(last.current().parameters(), m.parameters(), 0.0);
        assertTrue(r.divergence().contains("step " + last.step()), r.divergence());
    }

    @Test
    void aNewPositivePhaseClampsADataRowBeforeItsFirstStep() {
        // One local step, phases alternating + and - of one step each (rho+ = 1/2): the first step is +, clamps the
        // only row (1, 1, 1) and adds eta * 2 * phi(1, 1, 1) = eta * 2 to every parameter of a fully visible machine.
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withSteps(1).withEvalEvery(1)
                .withLr(0.25))
                .withPhaseProcess(RenewalPhaseProcess.alternating(LengthLaws.fixed(1), LengthLaws.fixed(1)))
                .train(m, new double[][] {{1, 1, 1}}, null);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, m.parameters(), 1e-15);
    }

    @Test
    void averagedModelIsTheMeanFromTheConfiguredStep() {
        // Exact mode with stride 1 and averaging from step 3 on every step: the average is the mean of the
        // parameters after updates 3..N, which a second, step-by-step run reproduces.
        TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(1).withSteps(6).withEvalEvery(6)
                .withLr(0.3).withAverageFrom(3).withAverageStride(1);
        TrainingResult r = new BoltzmannTrainer(config).train(FullyVisibleBoltzmannMachine.of(3, 1.0), ROWS, null);
        double[] mean = new double[r.model().parameters().length];
        for (int n = 3; n <= 6; n++) {
            FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
            new BoltzmannTrainer(config.withSteps(n).withEvalEvery(n)).train(m, ROWS, null);
            for (int k = 0; k < mean.length; k++) {
                mean[k] += m.parameters()[k] / 4;
            }
        }
        assertArrayEquals(mean, r.averaged().parameters(), 1e-14);
    }

    @Test
    void emptyOrMismatchedDataIsRefusedWithTheReason() {
        TrainSettings config = TrainSettings.DEFAULTS;
        BoltzmannTrainer trainer = new BoltzmannTrainer(config);
        assertSame(config, trainer.settings());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(FullyVisibleBoltzmannMachine.of(3, 1.0), new double[0][], null));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(FullyVisibleBoltzmannMachine.of(4, 1.0), ROWS, null));
        assertTrue(width.getMessage().contains("4") && width.getMessage().contains("3"), width.getMessage());
    }
}

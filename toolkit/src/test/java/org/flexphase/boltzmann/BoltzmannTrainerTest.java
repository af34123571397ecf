package org.flexphase.boltzmann;

import org.flexphase.learning.LearningRateSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every trainer on a fully visible BM with 3 units learning a known full-support distribution. Its
 * log-likelihood is concave, so exact ascent finds the unique optimum; the stochastic trainers, with decaying
 * Robbins–Monro steps and fixed seeds, must end close to it (KL within 0.01 nats of the optimum's, where the
 * uniform start is 0.25 nats away).
 */
class BoltzmannTrainerTest {
    /** 16 rows over 3 units: every pattern appears (full support), with correlations. */
    static final double[][] ROWS = {
        {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1},
        {1, 1, 0}, {1, 1, 0}, {0, 1, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}};
    static DataDistribution data;
    static double optimumKl;

    @BeforeAll
    static void exactOptimum() {
        data = DataDistribution.of(ROWS);
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(1).withSteps(4000)
                .withLr(1.0).withEvalEvery(4000)).train(m, ROWS, null);
        double[] u = ExactAnalysis.gradient(m, data);
        double norm = 0;
        for (double g : u) {
            norm = Math.max(norm, Math.abs(g));
        }
        assertTrue(norm < 1e-10, "exact ascent reaches a stationary point: |u| = " + norm);
        optimumKl = ExactAnalysis.metrics(m, data).kl();
    }

    double finalKl(TrainSettings config) {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        TrainingResult r = new BoltzmannTrainer(config).train(m, ROWS, null);
        assertTrue(!r.diverged());
        return ExactAnalysis.metrics(r.averaged(), data).kl();
    }

    TrainSettings decaying(TrainingMode mode) {
        return TrainSettings.DEFAULTS.withMode(mode).withSteps(600_000).withEvalEvery(600_000).withSeed(17)
                .withLr(0.05).withLrSchedule("rm").withLrTau(5_000).withLrKappa(0.7).withAverageFrom(200_000);
    }

    @Test
    void uniformStartIsFarFromTheOptimum() {
        assertTrue(ExactAnalysis.metrics(FullyVisibleBoltzmannMachine.of(3, 1.0), data).kl() > optimumKl + 0.1);
    }

    @Test
    void localLearningReachesTheOptimum() {
        assertEquals(optimumKl, finalKl(decaying(TrainingMode.LOCAL).withSwitchProb(0.1).withB(0.3)), 0.01);
    }

    @Test
    void isdReachesTheOptimum() {
        assertEquals(optimumKl, finalKl(decaying(TrainingMode.ISD).withPhaseLength(5).withB(0.6)), 0.01);
    }

    @Test
    void standardCdReachesTheOptimum() {
        assertEquals(optimumKl, finalKl(decaying(TrainingMode.STANDARD).withCdK(5)), 0.01);
    }

    @Test
    void equilibriumAndPcdStartsReachTheOptimum() {
        assertEquals(optimumKl, finalKl(decaying(TrainingMode.LOCAL).withNegativeStart(NegativeStart.EQUILIBRIUM)), 0.01);
        assertEquals(optimumKl, finalKl(decaying(TrainingMode.LOCAL).withNegativeStart(NegativeStart.PCD)), 0.01);
    }

    @Test
    void sameSeedGivesBitIdenticalParametersAndCheckpoints() {
        // Averaging from step 20,000 (decaying's 200,000 lies past this shorter budget, which settings refuse).
        TrainSettings c = decaying(TrainingMode.LOCAL).withSteps(50_000).withEvalEvery(10_000).withAverageFrom(20_000);
        List<Long> steps = new ArrayList<>();
        Rbm a = Rbm.randomized(3, 2, 0.1, org.flexphase.util.Rngs.create(1));
        Rbm b = a.copy();
        new BoltzmannTrainer(c).train(a, ROWS, cp -> steps.add(cp.step()));
        new BoltzmannTrainer(c).train(b, ROWS, null);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertEquals(List.of(0L, 10_000L, 20_000L, 30_000L, 40_000L, 50_000L), steps);
    }

    @Test
    void divergingRunStopsWithAMessageAndKeepsFiniteParameters() {
        Rbm rbm = Rbm.randomized(3, 2, 0.1, org.flexphase.util.Rngs.create(1));
        // Steps of 1e306 make the weights a random walk that overflows to infinity within a few thousand steps.
        TrainSettings c = TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withSteps(1_000_000)
                .withEvalEvery(100).withLr(1e306);
        TrainingResult r = new BoltzmannTrainer(c).train(rbm, ROWS, null);
        assertTrue(r.diverged(), "expected divergence after " + r.steps() + " steps");
        assertTrue(r.steps() < 1_000_000);
        assertTrue(r.divergence().contains("NaN or infinite"), r.divergence());
        for (double t : rbm.parameters()) {
            assertTrue(Double.isFinite(t));
        }
    }

    @Test
    void stepBudgetCountsGibbsStepsInEveryMode() {
        for (TrainingMode mode : TrainingMode.values()) {
            TrainingResult r = new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(mode).withCdK(3).withExactStride(100).withSteps(6_000)
                    .withEvalEvery(1_000)).train(FullyVisibleBoltzmannMachine.of(3, 1.0), ROWS, null);
            assertEquals(6_000, r.steps(), mode.name());
            assertEquals(6_000, r.positiveSteps() + r.negativeSteps(), mode.name());
        }
    }
}

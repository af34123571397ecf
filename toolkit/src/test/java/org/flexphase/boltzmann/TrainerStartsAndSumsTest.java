package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.junit.jupiter.api.Test;

/**
 * {@link BoltzmannTrainer}'s contracts that its convergence tests cannot see: the summary map, the phase process
 * handed out per run, {@code sumIncrements} at frozen parameters (by hand and by the exact gradient), the negative
 * starts PCD and persistent on a machine whose Gibbs sweep is deterministic, and when the equilibrium start
 * rebuilds its sampler.
 */
class TrainerStartsAndSumsTest {
    static final double[][] ROWS = BoltzmannTrainerTest.ROWS;

    static PhaseProcess oneStepEach() {
        return RenewalPhaseProcess.alternating(LengthLaws.fixed(1), LengthLaws.fixed(1));
    }

    @Test
    void describeListsTheSettingsInTheSummaryOrder() {
        TrainSettings s = TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(3).withSteps(1234)
                .withWeightDecay(0.25).withNegativeStart(NegativeStart.PCD).withEquilibriumRefresh(7).withAverageFrom(11)
                .withAverageStride(2).withEvalEvery(100).withExactStride(5).withSeed(42).withLr(0.125);
        BoltzmannTrainer trainer = new BoltzmannTrainer(s);
        Map<String, Object> d = trainer.describe();
        assertEquals(List.of("mode", "phase_process", "b", "switch_prob", "phase_length", "cd_k", "lr_schedule", "steps",
                "weight_decay", "negative_start", "average_from", "average_stride", "eval_every", "exact_stride",
                "equilibrium_refresh", "seed"), List.copyOf(d.keySet()));
        assertEquals("standard", d.get("mode"));
        assertEquals(s.newPhaseProcess().describe(), d.get("phase_process"));
        assertEquals(0.5, d.get("b"));
        assertEquals(0.05, d.get("switch_prob"));
        assertEquals(20, d.get("phase_length"));
        assertEquals(3, d.get("cd_k"));
        assertEquals("constant(0.125)", d.get("lr_schedule"));
        assertEquals(1234L, d.get("steps"));
        assertEquals(0.25, d.get("weight_decay"));
        assertEquals("pcd", d.get("negative_start"));
        assertEquals(11L, d.get("average_from"));
        assertEquals(2, d.get("average_stride"));
        assertEquals(100L, d.get("eval_every"));
        assertEquals(5, d.get("exact_stride"));
        assertEquals(7L, d.get("equilibrium_refresh"));
        assertEquals(42L, d.get("seed"));
    }

    @Test
    void eachRunGetsAFreshCopyOfTheGivenPhaseProcess() {
        PhaseProcess given = oneStepEach();
        BoltzmannTrainer trainer = new BoltzmannTrainer(TrainSettings.DEFAULTS).withPhaseProcess(given);
        PhaseProcess first = trainer.newPhaseProcess();
        assertNotSame(given, first);
        assertNotSame(first, trainer.newPhaseProcess());
        assertEquals(given.describe(), first.describe());
        assertEquals(given.describe(), trainer.describe().get("phase_process"));
        NullPointerException e = assertThrows(NullPointerException.class, () -> trainer.withPhaseProcess(null));
        assertEquals("process", e.getMessage());
        assertEquals(TrainSettings.DEFAULTS.newPhaseProcess().describe(),
                new BoltzmannTrainer(TrainSettings.DEFAULTS).newPhaseProcess().describe());
    }

    @Test
    void exactSumsAreTheUpdateCountTimesTheGradientAndLeaveTheModelAlone() {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0, new double[] {0.3, -0.2, 0.1, 0.4, 0, -0.5});
        double[] before = m.parameters().clone();
        double[] u = ExactAnalysis.gradient(m, DataDistribution.of(ROWS));
        double[] sum = new double[6];
        // 20 steps in updates charged 7 steps each: 7, 7, 6.
        long updates = new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.EXACT).withExactStride(7)
                .withSteps(20).withEvalEvery(20).withLr(0.5)).sumIncrements(m, ROWS, sum);
        assertEquals(3, updates);
        for (int k = 0; k < 6; k++) {
            assertEquals(3 * u[k], sum[k], 1e-15, "entry " + k);
        }
        assertArrayEquals(before, m.parameters(), 0, "the parameters stay frozen");
    }

    @Test
    void sumIncrementsRefusesAWrongArrayOrWeightDecay() {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        BoltzmannTrainer plain = new BoltzmannTrainer(TrainSettings.DEFAULTS.withSteps(10).withEvalEvery(10));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> plain.sumIncrements(m, ROWS, new double[5]));
        assertEquals("increments must have 6 entries (the model's parameters): 5", length.getMessage());
        IllegalArgumentException decay = assertThrows(IllegalArgumentException.class,
                () -> new BoltzmannTrainer(TrainSettings.DEFAULTS.withWeightDecay(0.1)).sumIncrements(m, ROWS, new double[6]));
        assertEquals("weight-decay must be 0 when summing increments at frozen parameters: 0.1", decay.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> plain.sumIncrements(m, new double[0][], new double[6]));
        assertEquals("rows must not be empty", empty.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> plain.sumIncrements(FullyVisibleBoltzmannMachine.of(2, 1.0), ROWS, new double[3]));
        assertEquals("data rows must have 2 units (the model's visible units): 3", width.getMessage());
        assertEquals(10, plain.sumIncrements(m, ROWS, new double[6]), "a local sum counts every Gibbs step");
    }

    /**
     * Two units with J = 80 and c = (-40, -40): every conditional is certain (to 4e-18), and a sweep copies unit 1
     * into unit 0, so a negative step maps any state s to (s_1, s_1). Rows (0, 1) and (1, 0) alternate with
     * negative steps of one step each (weights +-2).
     */
    static double[] sumsWithStart(NegativeStart start, long steps) {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(2, 1.0, new double[] {80, -40, -40});
        double[] sum = new double[3];
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withNegativeStart(start)
                .withSteps(steps).withEvalEvery(steps).withSeed(5))
                .withPhaseProcess(oneStepEach())
                .sumIncrements(m, new double[][] {{0, 1}, {1, 0}}, sum);
        return sum;
    }

    @Test
    void pcdResumesTheLastNegativeStateWhilePersistentGoesOnFromTheClampedRow() {
        // Persistent: after (0, 1) the negative state is (1, 1), after (1, 0) it is (0, 0). Over 400 steps,
        // 100 clamps of each row: 2 x 100 (phi(0, 1) + phi(1, 0)) - 2 x 100 phi(1, 1) = (-200, 0, 0) in the
        // layout (J, c0, c1).
        assertArrayEquals(new double[] {-200, 0, 0}, sumsWithStart(NegativeStart.PERSISTENT, 400), 0);
        // PCD: every negative phase resumes from the one before, a fixed point (x, x) of the sweep, so the
        // negative statistics never change after the first.
        double[] pcd = sumsWithStart(NegativeStart.PCD, 400);
        double[] ifOn = {-400, -200, -200};
        double[] ifOff = {0, 200, 200};
        assertFalse(java.util.Arrays.equals(pcd, new double[] {-200, 0, 0}));
        assertEquals(true, java.util.Arrays.equals(pcd, ifOn) || java.util.Arrays.equals(pcd, ifOff),
                java.util.Arrays.toString(pcd));
    }

    static double[] trainedWithRefresh(long refresh) {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0);
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL)
                .withNegativeStart(NegativeStart.EQUILIBRIUM).withEquilibriumRefresh(refresh).withLr(0.5)
                .withSteps(400).withEvalEvery(400).withSeed(9))
                .withPhaseProcess(oneStepEach())
                .train(m, ROWS, null);
        return m.parameters();
    }

    @Test
    void theEquilibriumSamplerIsRebuiltOnceMoreThanTheRefreshIntervalHasPassed() {
        // Negative phases begin every second step, so a sampler built at step t is rebuilt at t + 4 under both
        // refresh 2 and refresh 3 (2 steps is not more than 2), which must then give identical runs; refresh 1
        // rebuilds at t + 2 and samples from fresher parameters. Each draw takes one number either way.
        double[] two = trainedWithRefresh(2);
        assertArrayEquals(trainedWithRefresh(3), two, 0);
        assertFalse(java.util.Arrays.equals(trainedWithRefresh(1), two), "a fresher sampler draws other states");
        // Refresh 4 rebuilds at t + 6, later than refresh 3 (at t + 4).
        assertFalse(java.util.Arrays.equals(trainedWithRefresh(4), trainedWithRefresh(3)), "a staler sampler draws other states");
    }
}

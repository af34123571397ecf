package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The generic local-learning loop against a system whose statistic is known exactly: phi is (1, 0) in every
 * {@code +} step and (0, 1) in every {@code -} step, and a parameter-independent drift would be hidden by nothing.
 * The weights {@code +1/rho+, -1/rho-} must then make the mean increment exactly {@code scale * (1, -1)}
 * (docs/theory.md T4), for unequal renewal phases as well as geometric ones.
 */
class LocalLearningTest {

    /** A two-parameter system whose state records the phase of its last step; counts parameter changes. */
    static class PhaseIndicator implements ContrastiveSystem<Phase[]> {
        final double[] theta = new double[2];
        int changes;

        @Override
        public double[] parameters() {
            return theta;
        }

        @Override
        public Phase[] newState() {
            return new Phase[1];
        }

        @Override
        public void step(Phase[] state, Phase phase, RandomGenerator rng) {
            state[0] = phase;
        }

        @Override
        public void addStatistic(Phase[] state, double weight, double[] target) {
            target[state[0].isPositive() ? 0 : 1] += weight;
        }

        @Override
        public void parametersChanged() {
            changes++;
        }
    }

    static double[] meanIncrement(PhaseProcess phases, double scale, long steps, long seed) {
        PhaseIndicator system = new PhaseIndicator();
        double[] sum = new double[2];
        new LocalLearning<>(system, (s, z, began, rng) -> { }, phases).scale(scale)
                .sumIncrements(system.newState(), steps, Rngs.create(seed), sum);
        assertEquals(0, system.changes, "frozen parameters are not reported as changed");
        assertArrayEquals(new double[2], system.theta, "frozen parameters stay put");
        return new double[] {sum[0] / steps, sum[1] / steps};
    }

    @Test
    void weightedIncrementsAverageToTheScaledContrastForAnyPhaseLengths() {
        long steps = 400_000;
        PhaseProcess[] processes = {GeometricPhaseProcess.of(0.5, 0.05), GeometricPhaseProcess.of(0.2, 0.1),
            RenewalPhaseProcess.of(0.7, LengthLaws.uniform(1, 9), LengthLaws.geometric(0.3))};
        for (PhaseProcess phases : processes) {
            double[] mean = meanIncrement(phases, 2.5, steps, 11);
            // The indicator's time average has relative error about sqrt(mean phase length / steps) < 0.02 here;
            // a tolerance of 0.1 on a target of 2.5 is several standard errors, never a wrong weight (off by 1/rho).
            assertEquals(2.5, mean[0], 0.1, phases.describe());
            assertEquals(-2.5, mean[1], 0.1, phases.describe());
        }
    }

    @Test
    void learningAppliesIncrementsReportsChangesAndCheckpoints() {
        PhaseIndicator system = new PhaseIndicator();
        int[] checkpoints = new int[1];
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.constant(0.5), 1000, 400,
                0, 1, l -> checkpoints[0]++);
        double[] rates = new double[1];
        assertTrue(loop.begin());
        new LocalLearning<>(system, (s, z, began, rng) -> { }, GeometricPhaseProcess.of(0.5, 0.2))
                .afterUpdate(eta -> rates[0] += eta).run(loop, system.newState(), Rngs.create(3));
        loop.finish();
        assertEquals(1000, loop.step());
        assertEquals(1000, loop.updates());
        assertEquals(1000, loop.positiveSteps() + loop.negativeSteps());
        assertEquals(1000, system.changes);
        assertEquals(500.0, rates[0], 1e-9);
        assertEquals(4, checkpoints[0], "steps 0, 400, 800 and the end");
    }

    @Test
    void aDivergingRunStopsAndKeepsTheLastFiniteParameters() {
        PhaseIndicator system = new PhaseIndicator() {
            @Override
            public void addStatistic(Phase[] state, double weight, double[] target) {
                target[0] = target[0] >= 3 ? Double.NaN : target[0] + 1;
            }
        };
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.constant(1), 100, 2, 0, 1,
                null);
        assertTrue(loop.begin());
        new LocalLearning<>(system, (s, z, began, rng) -> { }, GeometricPhaseProcess.of(0.5, 0.2))
                .run(loop, system.newState(), Rngs.create(3));
        loop.finish();
        assertNotNull(loop.divergence());
        assertEquals(4, loop.step(), "stopped at the checkpoint after the NaN");
        assertEquals(2.0, system.theta[0], "the checkpoint at step 2 is restored");
    }
}

package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The paired-phase runner against a system whose contrast is known exactly: the state counts the steps taken in each
 * phase, so after 3 free steps, 1 held step and 2 nudged steps the pairing's contrast is {@code (2, -4)} whatever the
 * parameters, and the parameters after {@code k} updates are {@code scale * (2, -4) * sum of the rates}.
 */
class PairedPhasesTest {

    /** Counts steps per phase in its state ({@code [+, -]}); counts parameter changes. */
    static final class StepCounter implements ContrastiveSystem<double[]> {
        final double[] theta = new double[2];
        int changes;

        @Override
        public double[] parameters() {
            return theta;
        }

        @Override
        public double[] newState() {
            return new double[2];
        }

        @Override
        public void step(double[] state, Phase phase, RandomGenerator rng) {
            state[phase.isPositive() ? 0 : 1] += 1;
        }

        @Override
        public void addStatistic(double[] state, double weight, double[] target) {
            throw new AssertionError("paired phases add the pairing's contrast, not the statistic of one state");
        }

        @Override
        public void parametersChanged() {
            changes++;
        }
    }

    /** Starts both states from zero, holds a copy, contrasts the final {@code +} count with the held {@code -} count. */
    static final class CountPairing implements PairedPhases.Pairing<double[]> {
        final double poisonAtUpdate;
        int updates;

        CountPairing(double poisonAtUpdate) {
            this.poisonAtUpdate = poisonAtUpdate;
        }

        @Override
        public void prepare(double[] state, double[] held, RandomGenerator rng) {
            java.util.Arrays.fill(state, 0);
            java.util.Arrays.fill(held, 0);
        }

        @Override
        public void hold(double[] state, double[] held, RandomGenerator rng) {
            System.arraycopy(state, 0, held, 0, state.length);
        }

        @Override
        public void addContrast(double[] held, double[] state, double weight, double[] target) {
            updates++;
            double poison = updates == poisonAtUpdate ? Double.NaN : 0;
            target[0] += weight * state[0] + poison;
            target[1] -= weight * held[1];
        }
    }

    static PairedPhases<double[]> runner(StepCounter system, CountPairing pairing) {
        return new PairedPhases<>(system, pairing, Phase.NEGATIVE, 3, 2).heldSteps(1).scale(0.5);
    }

    @Test
    void parametersCountsAndRatesAfterThreeUpdatesAreExact() {
        StepCounter system = new StepCounter();
        List<Double> rates = new ArrayList<>();
        // eta_t = 1 / (1 + t / 6): updates start at steps 0, 6 and 12, so their rates are 1, 1/2 and 1/3.
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.robbinsMonro(1, 6, 1),
                20, 100, Long.MAX_VALUE, 1, null);
        loop.begin();
        runner(system, new CountPairing(0)).afterUpdate(rates::add).run(loop, system.newState(), Rngs.create(1));
        loop.finish();

        assertEquals(List.of(1.0, 0.5, 1.0 / 3), rates, "the schedule's rate at each update's first step");
        // Scaling by 0.5, 2 and 4 is exact, so the sums are those of the rates, in update order.
        assertArrayEquals(new double[] {1.5 + 1.0 / 3, -2 * (1.5 + 1.0 / 3)}, system.theta, 0.0);
        assertEquals(3, loop.updates());
        assertEquals(18, loop.step(), "a fourth update (steps 18 to 24) would overrun the budget of 20");
        assertEquals(3 * (3 + 1), loop.negativeSteps(), "first phase and held steps are charged to the first phase");
        assertEquals(3 * 2, loop.positiveSteps());
        assertEquals(3, system.changes, "parametersChanged after every update while learning");
    }

    @Test
    void frozenParametersSumIncrementsAtRateOneWithoutHooks() {
        StepCounter system = new StepCounter();
        List<Double> rates = new ArrayList<>();
        double[] sum = new double[2];
        LearningLoop loop = new LearningLoop(system.parameters(), sum, LearningRateSchedule.robbinsMonro(1, 6, 1),
                12, 12, Long.MAX_VALUE, 1, null);
        runner(system, new CountPairing(0)).afterUpdate(rates::add).run(loop, system.newState(), Rngs.create(1));

        assertArrayEquals(new double[] {2 * 0.5 * 2, -4 * 0.5 * 2}, sum, 0.0);
        assertArrayEquals(new double[2], system.theta, 0.0, "frozen parameters stay put");
        assertEquals(0, system.changes, "frozen parameters are not reported as changed");
        assertEquals(List.of(), rates, "no weight decay while frozen");
    }

    @Test
    void aDivergedUpdateStopsTheRunAndKeepsTheLastCheckpointsParameters() {
        StepCounter system = new StepCounter();
        List<double[]> seen = new ArrayList<>();
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.constant(1), 60, 12,
                Long.MAX_VALUE, 1, l -> seen.add(system.theta.clone()));
        loop.begin();
        runner(system, new CountPairing(3)).run(loop, system.newState(), Rngs.create(1));
        loop.finish();

        assertNotNull(loop.divergence());
        // Update 3 (steps 12 to 18) turns NaN; the check at the next checkpoint (step 24, after update 4) stops the run.
        assertEquals(4, loop.updates());
        assertEquals(24, loop.step());
        assertArrayEquals(seen.get(seen.size() - 1), system.theta, 0.0);
        assertArrayEquals(new double[] {2 * 0.5 * 2, -4 * 0.5 * 2}, system.theta, 0.0, "the checkpoint at step 12");
    }
}

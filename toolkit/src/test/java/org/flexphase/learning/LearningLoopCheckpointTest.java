package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * {@link LearningLoop} driven by hand: checkpoints at step 0, at every multiple of the interval an advance reaches or
 * passes, and at the end; the rate of the schedule at the current step; phase counters; what fits the budget; the
 * Polyak average from its start with its stride; a divergence between checkpoints caught within 2^16 steps.
 */
class LearningLoopCheckpointTest {
    @Test
    void checkpointsFallOnEveryIntervalAnAdvanceReachesAndAtTheEnd() {
        double[] theta = {0};
        List<Long> at = new ArrayList<>();
        LearningLoop loop = new LearningLoop(theta, null, LearningRateSchedule.constant(0.5), 23, 5, 0, 1,
                l -> at.add(l.step()));
        assertTrue(loop.begin());
        // Advances of 3 steps: 3, 6, 9, ..., 21, then 2 more to the end.
        while (loop.fits(3)) {
            loop.advance(Phase.POSITIVE, 3);
            loop.countUpdate();
        }
        assertEquals(21, loop.step());
        assertFalse(loop.fits(3));
        assertTrue(loop.fits(2));
        assertTrue(loop.running());
        loop.advance(Phase.NEGATIVE, 2);
        assertFalse(loop.running());
        loop.finish();
        // Step 6 passes 5, 12 passes 10, 15 reaches 15, 21 passes 20, 23 is the end.
        assertEquals(List.of(0L, 6L, 12L, 15L, 21L, 23L), at);
        assertEquals(21, loop.positiveSteps());
        assertEquals(2, loop.negativeSteps());
        assertEquals(7, loop.updates());
        assertEquals(23, loop.steps());
        assertNull(loop.divergence());
        assertTrue(loop.wallSeconds() >= 0);
    }

    @Test
    void finishAddsNoSecondCheckpointWhenTheLastAdvanceEndedOnOne() {
        List<Long> at = new ArrayList<>();
        LearningLoop loop = new LearningLoop(new double[1], null, LearningRateSchedule.constant(1), 10, 5, 0, 1,
                l -> at.add(l.step()));
        loop.begin();
        loop.advance(Phase.POSITIVE, 5);
        loop.advance(Phase.POSITIVE, 5);
        loop.finish();
        assertEquals(List.of(0L, 5L, 10L), at);
    }

    @Test
    void rateIsTheSchedulesAtTheCurrentStepAndOneWhenFrozen() {
        LearningRateSchedule schedule = LearningRateSchedule.robbinsMonro(0.8, 4, 1);
        double[] theta = {1, 2};
        LearningLoop loop = new LearningLoop(theta, null, schedule, 100, 100, 0, 1, null);
        assertSame(theta, loop.target());
        assertFalse(loop.frozen());
        assertEquals(0.8, loop.rate(), 0);
        loop.advance(Phase.POSITIVE, 4);
        assertEquals(0.4, loop.rate(), 1e-15);
        loop.advance(Phase.NEGATIVE, 8);
        assertEquals(0.8 / 4, loop.rate(), 1e-15);

        double[] sum = new double[2];
        List<Long> calls = new ArrayList<>();
        LearningLoop frozen = new LearningLoop(theta, sum, schedule, 100, 10, 0, 1, l -> calls.add(l.step()));
        assertTrue(frozen.frozen());
        assertSame(sum, frozen.target());
        frozen.begin();
        frozen.advance(Phase.POSITIVE, 30);
        assertEquals(1.0, frozen.rate(), 0);
        // A frozen loop estimates; it tells no listener.
        assertEquals(List.of(), calls);
    }

    @Test
    void averageStartsAtItsStepAndTakesEveryStrideth() {
        double[] theta = {0};
        LearningLoop loop = new LearningLoop(theta, null, LearningRateSchedule.constant(1), 10, 100, 4, 3, null);
        loop.begin();
        assertArrayEquals(theta, loop.averagedParameters(), 0, "nothing averaged yet: the current parameters");
        for (int s = 1; s <= 10; s++) {
            theta[0] = s; // what the average sees at step s
            loop.advance(Phase.POSITIVE, 1);
        }
        // Steps 4, 7, 10 are averaged.
        assertEquals((4.0 + 7 + 10) / 3, loop.averagedParameters()[0], 1e-12);

        double[] half = {0};
        LearningLoop fromHalf = new LearningLoop(half, null, LearningRateSchedule.constant(1), 8,
                100, LearningLoop.AVERAGE_FROM_HALF, 1, null);
        for (int s = 1; s <= 8; s++) {
            half[0] = s;
            fromHalf.advance(Phase.NEGATIVE, 1);
        }
        assertEquals((4.0 + 5 + 6 + 7 + 8) / 5, fromHalf.averagedParameters()[0], 1e-12);
    }

    @Test
    void aNonFiniteParameterBetweenCheckpointsIsCaughtWithinTwoToTheSixteenSteps() {
        double[] theta = {1};
        List<Long> at = new ArrayList<>();
        LearningLoop loop = new LearningLoop(theta, null, LearningRateSchedule.constant(1), 1_000_000, 1_000_000, 0, 1,
                l -> at.add(l.step()));
        loop.begin();
        loop.advance(Phase.POSITIVE, 70_000);
        theta[0] = Double.NaN;
        while (loop.running()) {
            loop.advance(Phase.POSITIVE, 1);
        }
        // The next multiple of 2^16 after 70,000.
        assertEquals(131_072, loop.step());
        assertTrue(loop.divergence().contains("by step 131072"), loop.divergence());
        loop.finish();
        assertArrayEquals(new double[]{1}, theta, 0, "the parameters of the last checkpoint (step 0)");
        assertEquals(List.of(0L), at);
    }

    @Test
    void nonFiniteStartIsADivergenceBeforeTraining() {
        LearningLoop loop = new LearningLoop(new double[]{Double.POSITIVE_INFINITY}, null,
                LearningRateSchedule.constant(1), 10, 5, 0, 1, null);
        assertFalse(loop.begin());
        assertFalse(loop.running());
        assertTrue(loop.divergence().contains("step 0"), loop.divergence());
    }

    @Test
    void badBudgetsAndIncrementLengthsAreRefused() {
        LearningRateSchedule one = LearningRateSchedule.constant(1);
        assertThrows(IllegalArgumentException.class, () -> new LearningLoop(new double[1], null, one, 0, 1, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new LearningLoop(new double[1], null, one, 1, 0, 0, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LearningLoop(new double[2], new double[3], one, 1, 1, 0, 1, null));
    }
}

package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link LearningLoop}'s bookkeeping that a run of whole intervals never meets: a divergence in the
 * last advance, which ends at the budget between two interval checkpoints; the Polyak average rewound when no
 * checkpoint has marked it; the loop's clock.
 */
class LearningLoopBudgetEndTest {

    @Test
    void aDivergenceInTheLastAdvanceIsCaughtAtTheBudgetAndNoListenerSeesIt() {
        double[] theta = {1, 2};
        List<Long> at = new ArrayList<>();
        List<Boolean> finite = new ArrayList<>();
        LearningLoop loop = new LearningLoop(theta, null, LearningRateSchedule.constant(1), 7, 5, 0, 1, l -> {
            at.add(l.step());
            finite.add(Checks.allFinite(theta));
        });
        loop.begin();
        loop.advance(Phase.POSITIVE, 5);
        theta[1] = Double.POSITIVE_INFINITY;
        // Steps 6 and 7 reach the budget (7) but not the next interval (10): the end is a check of its own.
        loop.advance(Phase.NEGATIVE, 2);
        assertTrue(loop.divergence() != null && loop.divergence().contains("by step 7")
                && loop.divergence().contains("(step 5)"), String.valueOf(loop.divergence()));
        loop.finish();
        assertEquals(List.of(0L, 5L), at, "no checkpoint of the non-finite parameters at the end");
        assertEquals(List.of(true, true), finite);
        assertArrayEquals(new double[] {1, 2}, theta, 0.0, "the parameters of the checkpoint at step 5");
        assertEquals(5, loop.lastCheckpointStep());
        assertEquals(7, loop.step());
    }

    @Test
    void betweenCheckpointsFinitenessIsCheckedOnlyWhenAnAdvanceCrossesAMultipleOfTwoToTheSixteen() {
        // The step a divergence is reported at is part of a run's output, so the check's cadence is pinned: a run
        // that turns NaN just after the check at 65,536 is stopped at the next multiple, 131,072, not one step later.
        double[] theta = {1};
        LearningLoop loop = new LearningLoop(theta, null, LearningRateSchedule.constant(1), 1_000_000, 1_000_000, 0, 1,
                null);
        loop.begin();
        loop.advance(Phase.POSITIVE, 65_536);
        theta[0] = Double.NaN;
        loop.advance(Phase.POSITIVE, 1);
        assertEquals(null, loop.divergence(), "step 65,537 does not cross a multiple of 2^16");
        loop.advance(Phase.NEGATIVE, 65_534);
        assertEquals(null, loop.divergence(), "step 131,071 does not either");
        loop.advance(Phase.NEGATIVE, 1);
        assertTrue(loop.divergence() != null && loop.divergence().contains("by step 131072"),
                String.valueOf(loop.divergence()));
    }

    @Test
    void anAverageRewoundBeforeAnyMarkForgetsEverySnapshot() {
        // From step 2 on, every step (a stride below 1 means 1).
        ParameterAverage average = new ParameterAverage(1, 2, 0);
        for (long s = 1; s <= 4; s++) {
            average.observe(s, new double[] {s});
        }
        assertEquals(3, average.count());
        assertArrayEquals(new double[] {3}, average.meanOr(new double[] {-1}), 1e-15, "steps 2, 3, 4");
        average.observe(5, new double[] {Double.NaN});
        average.rewindToMark();
        assertEquals(0, average.count());
        average.observe(6, new double[] {6});
        assertArrayEquals(new double[] {6}, average.meanOr(new double[] {-1}), 0.0, "the NaN is forgotten too");
        average.rewindToMark();
        assertEquals(0, average.count());
        double[] current = {42};
        double[] shown = average.meanOr(current);
        assertArrayEquals(current, shown, 0.0, "nothing averaged: the current parameters");
        assertNotSame(current, shown, "a new array");

        average.observe(7, new double[] {5});
        average.mark();
        average.observe(8, new double[] {Double.NaN});
        average.rewindToMark();
        assertEquals(1, average.count());
        assertArrayEquals(new double[] {5}, average.meanOr(current), 0.0, "back to the mark, without the NaN");
        // The mean restarted from zero at the rewind: a later snapshot averages with 5 only.
        average.observe(9, new double[] {7});
        assertArrayEquals(new double[] {6}, average.meanOr(current), 1e-15);
    }

    @Test
    void theClockRunsFromTheLoopsCreationAndIsReportedInSeconds() {
        long before = System.nanoTime();
        LearningLoop loop = new LearningLoop(new double[1], null, LearningRateSchedule.constant(1), 1, 1, 0, 1, null);
        long created = System.nanoTime();
        // Wait until the clock has moved past the creation, so the loop's reading must be positive.
        while (System.nanoTime() <= created) {
            Thread.onSpinWait();
        }
        double seconds = loop.wallSeconds();
        long after = System.nanoTime();
        assertTrue(seconds > 0, "the clock has moved: " + seconds);
        assertTrue(seconds <= (after - before) / 1e9, seconds + " s is more than the " + (after - before)
                + " ns between just before the loop was made and just after the reading");
    }
}

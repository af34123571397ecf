package org.flexphase.estimation;

import static org.flexphase.estimation.AnnealedImportanceSamplingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A schedule given by its inverse temperatures ({@link AnnealingSchedule#of}): kept as given (a copy), its step count
 * one less than its length, and refused unless it rises strictly from exactly 0 to exactly 1; the refusal shows short
 * paths in full and long ones by length and ends.
 */
class ExplicitAnnealingScheduleTest {
    @Test
    void givenTemperaturesAreKeptAsACopy() {
        double[] betas = {0, 0.1, 0.7, 1};
        AnnealingSchedule s = AnnealingSchedule.of(betas);
        betas[1] = 0.5;
        assertEquals(3, s.steps());
        assertEquals(0.1, s.beta(1), 0);
        assertEquals(0.7, s.beta(2), 0);
        assertEquals(1.0, s.beta(3), 0);
        assertEquals("annealing schedule of 3 steps", s.toString());
        assertEquals(1, AnnealingSchedule.of(0, 1).steps());
    }

    @Test
    void pathsThatDoNotRiseStrictlyFromZeroToOneAreRefusedAndShown() {
        assertMessage("betas must start at 0 and end at 1 (at least two values): [0.0, 0.5, 0.9]",
                () -> AnnealingSchedule.of(0, 0.5, 0.9));
        assertMessage("betas must start at 0 and end at 1 (at least two values): [1.0]", () -> AnnealingSchedule.of(1));
        assertMessage("betas must start at 0 and end at 1 (at least two values): [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]",
                () -> AnnealingSchedule.of(0, 0.1, 0.2, 0.3, 0.4, 0.5));
        assertMessage("betas must start at 0 and end at 1 (at least two values): 7 values from 0.1 to 1.0",
                () -> AnnealingSchedule.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1));
        assertMessage("betas must increase strictly in [0, 1]: betas[2] = 0.4 after betas[1] = 0.4",
                () -> AnnealingSchedule.of(0, 0.4, 0.4, 1));
    }
}

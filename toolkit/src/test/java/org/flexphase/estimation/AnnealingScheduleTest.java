package org.flexphase.estimation;

import static org.flexphase.estimation.AnnealedImportanceSamplingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnnealingScheduleTest {

    @Test
    void paperScheduleHasItsSpacingsAndHitsItsBreakpoints() {
        AnnealingSchedule s = AnnealingSchedule.paper();
        assertEquals(500 + 4000 + 10000, s.steps());
        assertEquals(0.0, s.beta(0));
        assertEquals(0.5, s.beta(500));
        assertEquals(0.9, s.beta(4500));
        assertEquals(1.0, s.beta(14500));
        for (int k = 1; k <= s.steps(); k++) {
            double spacing = s.beta(k) - s.beta(k - 1);
            double allowed = k <= 500 ? 1e-3 : k <= 4500 ? 1e-4 : 1e-5;
            assertTrue(spacing > 0 && spacing <= allowed * (1 + 1e-9), "step " + k + ": " + spacing);
        }
    }

    @Test
    void spacingThatDoesNotDivideItsSegmentIsRoundedDown() {
        AnnealingSchedule s = AnnealingSchedule.piecewise(new double[]{0, 0.3, 1}, new double[]{0.2, 0.7});
        assertEquals(3, s.steps());
        assertEquals(0.15, s.beta(1), 1e-15);
        assertEquals(0.3, s.beta(2));
        assertEquals(1.0, s.beta(3));
    }

    @Test
    void badSchedulesAreRejectedByName() {
        assertMessage("invalid value for 'steps': 0 (allowed: 1 <= integer <= 100000000)", () -> AnnealingSchedule.uniform(0));
        assertMessage("betas must start at 0 and end at 1 (at least two values): [0.0, 0.5]",
                () -> AnnealingSchedule.of(0, 0.5));
        assertMessage("betas must increase strictly in [0, 1]: betas[2] = 0.4 after betas[1] = 0.5",
                () -> AnnealingSchedule.of(0, 0.5, 0.4, 1));
        assertMessage("breakpoints must increase strictly in [0, 1]: breakpoints[1] = 0.0 after breakpoints[0] = 0.0",
                () -> AnnealingSchedule.piecewise(new double[]{0, 0, 1}, new double[]{0.1, 0.1}));
        assertMessage("spacings[1] must be in (0, 0.5] (the length of [0.5, 1.0]): 0.0",
                () -> AnnealingSchedule.piecewise(new double[]{0, 0.5, 1}, new double[]{0.1, 0}));
        assertMessage("spacings[0] must be in (0, 0.5] (the length of [0.0, 0.5]): NaN",
                () -> AnnealingSchedule.piecewise(new double[]{0, 0.5, 1}, new double[]{Double.NaN, 0.1}));
        assertMessage("spacings[0] = 1.0E-9 gives 1.0E9 steps; a schedule must have at most 100000000",
                () -> AnnealingSchedule.piecewise(new double[]{0, 1}, new double[]{1e-9}));
        assertMessage("piecewise schedule needs n >= 2 breakpoints and n - 1 spacings: 3 breakpoints, 1 spacings",
                () -> AnnealingSchedule.piecewise(new double[]{0, 0.5, 1}, new double[]{0.1}));
    }
}

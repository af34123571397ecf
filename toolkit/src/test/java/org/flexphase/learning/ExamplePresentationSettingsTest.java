package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.junit.jupiter.api.Test;

/**
 * What an {@link ExamplePresentation} reports about its law (a run's summary records it): the number of examples,
 * the length law or the redraw probability, each unset value as documented; and the refusals of the factories.
 */
class ExamplePresentationSettingsTest {

    @Test
    void eachLawReportsItsOwnSettingsAndTheOtherAsUnset() {
        LengthLaw lengths = LengthLaws.uniform(2, 5);
        ExamplePresentation<int[]> passes = ExamplePresentation.inShuffledPasses(7, lengths, (s, k) -> s[0] = k);
        assertEquals(7, passes.examples());
        assertSame(lengths, passes.lengths());
        assertEquals(Double.NaN, passes.changeProbability());
        assertEquals(0, passes.examplesShown());

        ExamplePresentation<int[]> redrawn = ExamplePresentation.redrawnWithProbability(3, 0.25, (s, k) -> s[0] = k);
        assertEquals(3, redrawn.examples());
        assertNull(redrawn.lengths());
        assertEquals(0.25, redrawn.changeProbability());
    }

    @Test
    void badSettingsAreRefusedByName() {
        IllegalArgumentException noLaw = assertThrows(IllegalArgumentException.class,
                () -> ExamplePresentation.inShuffledPasses(3, null, (int[] s, int k) -> { }));
        assertEquals("lengths must be a length law, not null", noLaw.getMessage());
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> ExamplePresentation.redrawnWithProbability(3, 0.0, (int[] s, int k) -> { }));
        assertEquals(true, q.getMessage().contains("present-prob"), q.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ExamplePresentation.redrawnWithProbability(0, 0.5, (int[] s, int k) -> { }));
        assertEquals(true, none.getMessage().contains("examples"), none.getMessage());
    }
}

package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Both presentation laws against their definitions written out step by step: the same example at every step and the
 * same random numbers consumed, so runs that switched to the shared presentation stay bit-identical.
 */
class ExamplePresentationTest {
    static final int EXAMPLES = 7;
    static final int STEPS = 2_000;

    /** Runs {@code presentation} for {@link #STEPS} steps; returns the example shown at each and the next draw. */
    static int[] shownAndNextDraw(ExamplePresentation<int[]> presentation, RandomGenerator rng) {
        int[] state = {-1};
        int[] shown = new int[STEPS + 1];
        for (int t = 0; t < STEPS; t++) {
            presentation.beforeStep(state, t % 3 == 0 ? Phase.POSITIVE : Phase.NEGATIVE, t % 3 == 0, rng);
            shown[t] = state[0];
        }
        shown[STEPS] = rng.nextInt(1 << 30);
        return shown;
    }

    @Test
    void shuffledPassesDrawTheCycleThenTheLengthAtEachNewExample() {
        LengthLaw lengths = LengthLaws.geometric(0.2);
        int[] actual = shownAndNextDraw(ExamplePresentation.inShuffledPasses(EXAMPLES, lengths, (s, k) -> s[0] = k),
                Rngs.create(5));

        RandomGenerator rng = Rngs.create(5);
        ShuffledCycle cycle = new ShuffledCycle(EXAMPLES);
        int[] expected = new int[STEPS + 1];
        int example = -1;
        int remaining = 0;
        for (int t = 0; t < STEPS; t++) {
            if (remaining == 0) {
                example = cycle.next(rng);
                remaining = lengths.sample(rng);
            }
            remaining--;
            expected[t] = example;
        }
        expected[STEPS] = rng.nextInt(1 << 30);
        assertArrayEquals(expected, actual);
    }

    @Test
    void redrawsTakeOneUniformPerStepAfterTheFirstAndOneIndexPerDraw() {
        double q = 0.1;
        ExamplePresentation<int[]> presentation = ExamplePresentation.redrawnWithProbability(EXAMPLES, q,
                (s, k) -> s[0] = k);
        int[] actual = shownAndNextDraw(presentation, Rngs.create(9));

        RandomGenerator rng = Rngs.create(9);
        int[] expected = new int[STEPS + 1];
        int example = -1;
        long draws = 0;
        for (int t = 0; t < STEPS; t++) {
            if (example < 0 || rng.nextDouble() < q) {
                example = rng.nextInt(EXAMPLES);
                draws++;
            }
            expected[t] = example;
        }
        expected[STEPS] = rng.nextInt(1 << 30);
        assertArrayEquals(expected, actual);
        assertEquals(draws, presentation.examplesShown());
    }
}

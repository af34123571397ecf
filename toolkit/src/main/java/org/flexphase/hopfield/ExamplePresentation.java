package org.flexphase.hopfield;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.learning.Presentation;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.Phase;

/**
 * Shows examples to a Hopfield network by their own presentation process, independent of the phases
 * (docs/theory.md section 5.1): each example of a shuffled cycle is shown for a length drawn from a
 * {@link LengthLaw} (fixed, geometric, any law), whatever the phase does meanwhile; the activations are never reset.
 * Random numbers: the cycle's reshuffle at the start of each pass and one draw of the length law per example, taken
 * only at the step where a new example begins.
 */
public final class ExamplePresentation implements Presentation<HopfieldState> {
    private final Examples examples;
    private final LengthLaw lengths;
    private final ShuffledCycle cycle;
    private int remaining;
    private long shown;

    /** Presents {@code examples} in shuffled passes, each for a length drawn from {@code lengths}. */
    public ExamplePresentation(Examples examples, LengthLaw lengths) {
        this.examples = examples;
        this.lengths = lengths;
        this.cycle = new ShuffledCycle(examples.count());
    }

    @Override
    public void beforeStep(HopfieldState state, Phase phase, boolean phaseBegan, RandomGenerator rng) {
        if (remaining == 0) {
            int k = cycle.next(rng);
            state.show(examples.inputs()[k], examples.targets()[k], examples.labels()[k]);
            remaining = lengths.sample(rng);
            shown++;
        }
        remaining--;
    }

    /** Examples begun so far. */
    public long examplesShown() {
        return shown;
    }

    public LengthLaw lengths() {
        return lengths;
    }
}

package org.flexphase.learning;

import java.util.random.RandomGenerator;
import org.flexphase.data.ShuffledCycle;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Examples shown to a system by their own presentation process, independent of the phases (docs/theory.md sections
 * 5.1 and 5.2): whatever the phase does meanwhile, an example stays on for a while, then the next is shown, and the
 * state is never reset. Two laws of which example and for how long:
 * <ul>
 *   <li>{@link #inShuffledPasses}: examples in shuffled passes, each shown for a length drawn from a
 *   {@link LengthLaw} (fixed, geometric, any law). Random numbers: the cycle's reshuffle at the start of each pass
 *   and one draw of the length law per example, taken only at the step where a new example begins.</li>
 *   <li>{@link #redrawnWithProbability}: a uniformly drawn example at the first step, and at every later step, with
 *   probability {@code q}, a fresh uniform draw (an example stays on for a geometric time of mean {@code 1/q}, and
 *   may be drawn again). Random numbers: one {@code nextDouble()} per step after the first, one {@code nextInt} per
 *   draw.</li>
 * </ul>
 *
 * @param <S> the system's state type
 */
public final class ExamplePresentation<S> implements Presentation<S> {

    /** How a family shows example {@code k} to its state (clamps the inputs, sets the target). */
    @FunctionalInterface
    public interface Shower<S> {
        /** Shows example {@code k} to {@code state} from the next step on. */
        void show(S state, int k);
    }

    private final int examples;
    private final Shower<S> shower;
    private final LengthLaw lengths;
    private final ShuffledCycle cycle;
    private final double changeProbability;
    private int remaining;
    private long shown;

    private ExamplePresentation(int examples, Shower<S> shower, LengthLaw lengths, double changeProbability) {
        this.examples = Checks.requireAtLeast(examples, 1, "examples");
        this.shower = shower;
        this.lengths = lengths;
        this.cycle = lengths == null ? null : new ShuffledCycle(examples);
        this.changeProbability = changeProbability;
    }

    /** Presents {@code examples} examples in shuffled passes, each for a length drawn from {@code lengths}. */
    public static <S> ExamplePresentation<S> inShuffledPasses(int examples, LengthLaw lengths, Shower<S> shower) {
        if (lengths == null) {
            throw new IllegalArgumentException("lengths must be a length law, not null");
        }
        return new ExamplePresentation<>(examples, shower, lengths, Double.NaN);
    }

    /** Presents {@code examples} examples drawn uniformly, redrawn at each step with probability {@code q} in (0, 1]. */
    public static <S> ExamplePresentation<S> redrawnWithProbability(int examples, double q, Shower<S> shower) {
        return new ExamplePresentation<>(examples, shower, null,
                Checks.requireHalfOpenProbability(q, "present-prob"));
    }

    @Override
    public void beforeStep(S state, Phase phase, boolean phaseBegan, RandomGenerator rng) {
        if (lengths != null) {
            if (remaining == 0) {
                show(state, cycle.next(rng));
                remaining = lengths.sample(rng);
            }
            remaining--;
        } else if (shown == 0 || rng.nextDouble() < changeProbability) {
            show(state, rng.nextInt(examples));
        }
    }

    private void show(S state, int k) {
        shower.show(state, k);
        shown++;
    }

    /** Examples begun so far (a redraw of the same example counts). */
    public long examplesShown() {
        return shown;
    }

    /** Number of examples. */
    public int examples() {
        return examples;
    }

    /** The law of presentation lengths, or null when examples are redrawn with a probability per step. */
    public LengthLaw lengths() {
        return lengths;
    }

    /** The redraw probability per step, or NaN when lengths follow a law. */
    public double changeProbability() {
        return changeProbability;
    }
}

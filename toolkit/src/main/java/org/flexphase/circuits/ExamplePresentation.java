package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.Presentation;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Examples shown by their own process, independent of the phases: a uniformly drawn example at the first step, and
 * at every later step, with probability {@code q}, a fresh uniform draw (so an example stays on for a geometric time of
 * mean {@code 1/q}, and may be drawn again). Consumes one {@code nextDouble()} per step after the first, plus one
 * {@code nextInt} per draw. The potentials are never reset.
 */
public final class ExamplePresentation implements Presentation<CircuitState> {
    private final int examples;
    private final double q;

    /** Presentation of {@code examples} examples with change probability {@code q} in (0, 1]. */
    public ExamplePresentation(int examples, double q) {
        this.examples = Checks.requireAtLeast(examples, 1, "examples");
        this.q = Checks.requireHalfOpenProbability(q, "present-prob");
    }

    @Override
    public void beforeStep(CircuitState state, Phase phase, boolean phaseBegan, RandomGenerator rng) {
        if (state.example < 0 || rng.nextDouble() < q) {
            state.example = rng.nextInt(examples);
        }
    }

    /** The change probability q. */
    public double changeProbability() {
        return q;
    }

    /** Number of examples. */
    public int examples() {
        return examples;
    }
}

package org.flexphase.learning;

import java.util.function.DoubleConsumer;
import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Standard contrastive learning of any {@link ContrastiveSystem}: two phases in a fixed order per update, the
 * first phase's end state held while the second runs, one update on the pair (docs/theory.md sections 2 and 5).
 * Per update: the {@link Pairing} prepares the state (shows the update's example), the system takes
 * {@code firstSteps} steps of the first phase, the pairing holds what the contrast needs into a second state
 * (a copy, or a sample-and-hold of the outputs), the held state optionally runs on {@code heldSteps} steps of the
 * first phase's dynamics (symmetric EP's {@code -beta} copy), the system takes {@code secondSteps} steps of the second
 * phase, and the pairing adds {@code eta_t * scale} times the contrast into the loop's target. This is CD-k for a
 * Boltzmann machine, standard and symmetric EP and CHL for a Hopfield network, standard coupled learning for a
 * resistor network. Unlike {@link LocalLearning} it is temporally non-local: the update needs the held state.
 *
 * <p>An update is charged {@code firstSteps + heldSteps} steps of the first phase and {@code secondSteps} of the
 * second, after the update, so a checkpoint sees every update it counts; an update that would overrun the budget is
 * not started. Random numbers: the pairing's {@code prepare}, the first phase's steps, the pairing's {@code hold},
 * the held state's steps, the second phase's steps, every update; so the same seed gives bit-identical runs.
 *
 * @param <S> the system's state type
 */
public final class PairedPhases<S> {

    /** What a family does around its two phases: which example, what is held, which contrast. */
    public interface Pairing<S> {
        /** Readies {@code state} and {@code held} for an update's first phase: shows them the update's example. */
        void prepare(S state, S held, RandomGenerator rng);

        /** Ends the first phase: keeps in {@code held} what the contrast needs, and starts {@code state}'s second phase. */
        void hold(S state, S held, RandomGenerator rng);

        /** Adds {@code weight} times the contrast of the held and the final state into {@code target}. */
        void addContrast(S held, S state, double weight, double[] target);
    }

    private final ContrastiveSystem<S> system;
    private final Pairing<S> pairing;
    private final Phase first;
    private final int firstSteps;
    private final int secondSteps;
    private int heldSteps;
    private double scale = 1.0;
    private DoubleConsumer afterUpdate = eta -> { };

    /**
     * Paired phases of {@code system}: {@code firstSteps} steps of {@code first}, then {@code secondSteps} of the
     * other phase, per update.
     */
    public PairedPhases(ContrastiveSystem<S> system, Pairing<S> pairing, Phase first, int firstSteps,
                        int secondSteps) {
        this.system = system;
        this.pairing = pairing;
        this.first = first;
        this.firstSteps = Checks.requireAtLeast(firstSteps, 1, "first-phase steps");
        this.secondSteps = Checks.requireAtLeast(secondSteps, 1, "second-phase steps");
    }

    /** Lets the held state run {@code steps} steps of the first phase's dynamics after it is held (0 by default). */
    public PairedPhases<S> heldSteps(int steps) {
        this.heldSteps = Checks.requireAtLeast(steps, 0, "held steps");
        return this;
    }

    /** Multiplies every increment by {@code scale} (a family's normalisation; 1 by default). */
    public PairedPhases<S> scale(double scale) {
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException("scale must be finite and non-zero: " + scale);
        }
        this.scale = scale;
        return this;
    }

    /** Runs {@code action} with the update's rate after every update while learning (weight decay). */
    public PairedPhases<S> afterUpdate(DoubleConsumer action) {
        this.afterUpdate = action;
        return this;
    }

    /** Time steps one update costs. */
    public long stepsPerUpdate() {
        return (long) firstSteps + heldSteps + secondSteps;
    }

    /** Runs updates until the next would overrun {@code loop}'s budget or it diverges, stepping {@code state} in place. */
    public void run(LearningLoop loop, S state, RandomGenerator rng) {
        Phase second = first.isPositive() ? Phase.NEGATIVE : Phase.POSITIVE;
        S held = system.newState();
        double[] target = loop.target();
        boolean learning = !loop.frozen();
        while (loop.fits(stepsPerUpdate())) {
            pairing.prepare(state, held, rng);
            for (int s = 0; s < firstSteps; s++) {
                system.step(state, first, rng);
            }
            pairing.hold(state, held, rng);
            for (int s = 0; s < heldSteps; s++) {
                system.step(held, first, rng);
            }
            for (int s = 0; s < secondSteps; s++) {
                system.step(state, second, rng);
            }
            double eta = loop.rate();
            pairing.addContrast(held, state, eta * scale, target);
            if (learning) {
                system.parametersChanged();
            }
            loop.countUpdate();
            if (learning) {
                afterUpdate.accept(eta);
            }
            loop.advance(first, firstSteps + heldSteps);
            loop.advance(second, secondSteps);
        }
    }
}

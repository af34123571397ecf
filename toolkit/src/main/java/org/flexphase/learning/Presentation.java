package org.flexphase.learning;


import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;

/**
 * What the world does to a learning system's state before each time step: which example it is shown, and what the
 * beginning of a phase does. A Boltzmann machine is clamped to the next data pattern when a {@code +} phase begins
 * and its {@code -} phase starts by a negative-start rule; a Hopfield network or a resistor network sees
 * examples change by their own presentation process, independent of the phases, and its state is never reset.
 *
 * @param <S> the system's state type
 */
@FunctionalInterface
public interface Presentation<S> {

    /**
     * Prepares {@code state} for the step about to be taken in {@code phase}; {@code phaseBegan} says whether that
     * phase begins at this step. Random numbers come from {@code rng}, the run's one generator, so their order is
     * part of the run's reproducibility.
     */
    void beforeStep(S state, Phase phase, boolean phaseBegan, RandomGenerator rng);
}

package org.flexphase.learning;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;

/**
 * A physical system learned by contrasting its states in two phases (docs/theory.md sections 1 and 5): a Boltzmann
 * machine, a continuous Hopfield network, a resistor network. This is the seam every model family plugs into so
 * one training loop ({@code org.flexphase.learning.LocalLearning}) serves them all.
 *
 * <p>The system owns a flat parameter vector ({@link #parameters()}, a live view) and a statistic {@code phi} in the
 * same layout, chosen so that the contrast of {@code phi} between the {@code +} and {@code -} phases is the learning
 * signal: {@code E+[phi] - E-[phi]} for Boltzmann machines, {@code (phi(s^beta) - phi(s^0)) / beta} for Equilibrium
 * Propagation, the coupled-learning rule for resistor networks. {@link #step} is one time step of the physical
 * dynamics of a phase: one Gibbs step of a stochastic network, one relaxation sweep of a deterministic one. What
 * changes the state from outside (clamping an example, nudging towards a target) is not the system's business but
 * the presentation's.
 *
 * @param <S> the state type (units, potentials, and whatever the system caches per state)
 */
public interface ContrastiveSystem<S> {

    /** The live flat parameter vector: writing to it changes the system. */
    double[] parameters();

    /** Length of the flat parameter vector. */
    default int parameterCount() {
        return parameters().length;
    }

    /** A new state of the right shape. */
    S newState();

    /** One time step of {@code phase}'s dynamics, in place. */
    void step(S state, Phase phase, RandomGenerator rng);

    /** {@code target += weight * phi(theta, state)}; {@code target} has the parameter layout and may be {@link #parameters()}. */
    void addStatistic(S state, double weight, double[] target);

    /**
     * {@link #step}, then {@link #addStatistic}: temporally local learning's whole step. Systems override it to share
     * work between the two; the result must be the same as the two calls in sequence.
     */
    default void stepAndAddStatistic(S state, Phase phase, RandomGenerator rng, double weight, double[] target) {
        step(state, phase, rng);
        addStatistic(state, weight, target);
    }

    /**
     * Called by a training loop after it changed {@link #parameters()}: the place for projections that keep the
     * parameters physical (conductances within their bounds) and for caches derived from them. Not called while the
     * parameters are frozen and increments go elsewhere.
     */
    default void parametersChanged() {
    }
}

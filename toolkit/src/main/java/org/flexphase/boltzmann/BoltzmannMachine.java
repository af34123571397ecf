package org.flexphase.boltzmann;

import org.flexphase.learning.ContrastiveSystem;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;

/**
 * A Boltzmann machine over binary units, {@code p(v, h) = exp(-beta E(v, h)) / Z}, as seen by contrastive
 * learning (docs/theory.md section 1): the stochastic {@link ContrastiveSystem}, whose time step is a Gibbs step.
 *
 * <p>Parameters live in one flat vector ({@link #parameters()}), a live view: writing to it changes the
 * model, so a learning step is {@code theta += eta * w * phi} on that array. The statistic is
 * {@code phi(theta, a) = -beta dE/dtheta}, in the same layout, so that
 * {@code u(theta) = E+[phi] - E-[phi]} is exactly the gradient of the mean log-likelihood.
 *
 * <p>One Gibbs step in the positive phase resamples the hidden units with the visible units held at the
 * clamped pattern; in the negative phase it resamples every unit. Implementations document the order of
 * updates and which random numbers a step consumes (one {@code nextDouble()} per resampled unit).
 */
public interface BoltzmannMachine extends ContrastiveSystem<BoltzmannState> {

    /** Number of visible units. */
    int visibleCount();

    /** Number of hidden units. */
    int hiddenCount();

    /** The live flat parameter vector; see the implementation for its layout. */
    @Override
    double[] parameters();

    /** Inverse temperature {@code beta}, a fixed setting (not learned). */
    double inverseTemperature();

    /** A state of the right shape with every unit 0. */
    @Override
    default BoltzmannState newState() {
        return new BoltzmannState(visibleCount(), hiddenCount());
    }

    /** One Gibbs step of the {@code phase}'s kernel, in place. In {@code +} the visible units are not changed. */
    void gibbsStep(BoltzmannState state, Phase phase, RandomGenerator rng);

    /** A time step of a Boltzmann machine is one Gibbs step. */
    @Override
    default void step(BoltzmannState state, Phase phase, RandomGenerator rng) {
        gibbsStep(state, phase, rng);
    }

    /** {@code target += weight * phi(theta, state)}; {@code target} has the parameter layout and may be {@link #parameters()}. */
    @Override
    void addStatistic(BoltzmannState state, double weight, double[] target);

    /**
     * One Gibbs step of {@code phase}, then {@code addStatistic(state, weight, target)}: temporally local learning's
     * whole step. Models override it to share work between the two (the RBM reuses the active visible units it found
     * while sampling the hidden layer); the result is the same as the two calls in sequence.
     */
    default void gibbsStepAndAddStatistic(BoltzmannState state, Phase phase, RandomGenerator rng, double weight,
                                          double[] target) {
        gibbsStep(state, phase, rng);
        addStatistic(state, weight, target);
    }

    /** The fused {@link #gibbsStepAndAddStatistic}. */
    @Override
    default void stepAndAddStatistic(BoltzmannState state, Phase phase, RandomGenerator rng, double weight,
                                     double[] target) {
        gibbsStepAndAddStatistic(state, phase, rng, weight, target);
    }

    /** {@code -beta E(v, h)}, the unnormalised log-probability of a joint state. */
    double negativeEnergy(BoltzmannState state);

    /**
     * Multiplies the coupling weights (not the biases) by {@code factor}: the multiplicative form of L2 weight
     * decay, {@code W <- (1 - eta lambda) W}.
     */
    void scaleCouplings(double factor);

    /** A deep copy with its own parameter vector. */
    BoltzmannMachine copy();

    /** A short description, e.g. {@code rbm(16x16, beta=1, visible biases)}. */
    String describe();
}

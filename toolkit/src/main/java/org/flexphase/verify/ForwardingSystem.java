package org.flexphase.verify;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.Phase;

/**
 * A {@link ContrastiveSystem} that forwards every call to a delegate: the base for a wrapper that observes or changes
 * one call and must be its delegate in every other respect, such as the contract kit's update recorder, its
 * fault-injecting system, or a deliberately broken variant in a user's own test.
 *
 * <p>Why a base instead of implementing the interface directly: the interface has defaults, and a wrapper that forgot
 * to forward one inherits a different system without any compile error. The default {@code stepAndAddStatistic}
 * splits the delegate's fused step into two calls (a system may fuse them to share work or to decide per step whether
 * it learns), and the default {@code parametersChanged} does nothing, so the delegate's projections and caches would
 * silently go stale. Here every method of the seam, those two included, goes to the delegate.
 *
 * @param <S> the delegate's state type
 */
public class ForwardingSystem<S> implements ContrastiveSystem<S> {
    private final ContrastiveSystem<S> delegate;

    /** A system that is {@code delegate} until a subclass overrides a method. */
    public ForwardingSystem(ContrastiveSystem<S> delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    /** The wrapped system. */
    protected ContrastiveSystem<S> delegate() {
        return delegate;
    }

    @Override
    public double[] parameters() {
        return delegate.parameters();
    }

    @Override
    public int parameterCount() {
        return delegate.parameterCount();
    }

    @Override
    public S newState() {
        return delegate.newState();
    }

    @Override
    public void step(S state, Phase phase, RandomGenerator rng) {
        delegate.step(state, phase, rng);
    }

    @Override
    public void addStatistic(S state, double weight, double[] target) {
        delegate.addStatistic(state, weight, target);
    }

    @Override
    public void stepAndAddStatistic(S state, Phase phase, RandomGenerator rng, double weight, double[] target) {
        delegate.stepAndAddStatistic(state, phase, rng, weight, target);
    }

    @Override
    public void parametersChanged() {
        delegate.parametersChanged();
    }
}

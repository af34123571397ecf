package org.flexphase.verify;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.Phase;

/**
 * A system that is its delegate in every respect (same steps, same random numbers, same statistic) except that the
 * statistic added at update number {@code poisonAt} (1-based) is NaN in its first coordinate: how check (d) makes a
 * run diverge at a chosen step without changing anything before it.
 */
final class PoisonedSystem<S> extends ForwardingSystem<S> {
    private final long poisonAt;
    private long updates;

    PoisonedSystem(ContrastiveSystem<S> delegate, long poisonAt) {
        super(delegate);
        this.poisonAt = poisonAt;
    }

    @Override
    public void addStatistic(S state, double weight, double[] target) {
        super.addStatistic(state, weight, target);
        poison(target);
    }

    @Override
    public void stepAndAddStatistic(S state, Phase phase, RandomGenerator rng, double weight, double[] target) {
        super.stepAndAddStatistic(state, phase, rng, weight, target);
        poison(target);
    }

    private void poison(double[] target) {
        if (++updates == poisonAt) {
            target[0] = Double.NaN;
        }
    }
}

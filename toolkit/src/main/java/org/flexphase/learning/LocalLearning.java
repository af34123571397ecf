package org.flexphase.learning;

import java.util.function.DoubleConsumer;
import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;

/**
 * Temporally local contrastive learning of any {@link ContrastiveSystem} under any {@link PhaseProcess}
 * (docs/theory.md sections 2 and 5). At every time step: the phase process gives the phase {@code z_t}, the
 * {@link Presentation} prepares the state (a new example, a phase's start rule), the system takes one step of that
 * phase's dynamics, and the parameters take {@code theta += eta_t * scale * w(z_t) * phi(theta, s_t)} with
 * {@code w = +1/rho+, -1/rho-}. Nothing waits for a phase to end, and nothing is stored across a switch: the
 * long-run mean of the weighted statistic is {@code E+[phi] - E-[phi]} for any phase lengths (T4), so with ISD blocks
 * this is ISD, with geometric or renewal switching it is temporally local learning.
 *
 * <p>{@code scale} carries a family's normalisation: 1 for Boltzmann machines, {@code 1/beta} for Equilibrium
 * Propagation, {@code 1/eta_c} for coupled learning. The order of random numbers is: the phase process's, then the
 * presentation's, then the system's step, every step; so the same seed gives bit-identical runs.
 *
 * @param <S> the system's state type
 */
public final class LocalLearning<S> {
    private final ContrastiveSystem<S> system;
    private final Presentation<S> presentation;
    private final PhaseProcess phases;
    private double scale = 1.0;
    private DoubleConsumer afterUpdate = eta -> { };

    /** Local learning of {@code system}, shown the world by {@code presentation}, with phases from {@code phases}. */
    public LocalLearning(ContrastiveSystem<S> system, Presentation<S> presentation, PhaseProcess phases) {
        this.system = system;
        this.presentation = presentation;
        this.phases = phases;
    }

    /** Multiplies every increment by {@code scale} (a family's normalisation; 1 by default). */
    public LocalLearning<S> scale(double scale) {
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException("scale must be finite and non-zero: " + scale);
        }
        this.scale = scale;
        return this;
    }

    /**
     * Runs {@code action} with the step's rate after every update while learning (not while frozen): the place for
     * rate-dependent regularisation such as multiplicative weight decay.
     */
    public LocalLearning<S> afterUpdate(DoubleConsumer action) {
        this.afterUpdate = action;
        return this;
    }

    /** Runs until {@code loop}'s budget is spent or it diverges, stepping {@code state} in place. */
    public void run(LearningLoop loop, S state, RandomGenerator rng) {
        double wPlus = scale * phases.weight(Phase.POSITIVE);
        double wMinus = scale * phases.weight(Phase.NEGATIVE);
        double[] target = loop.target();
        boolean learning = !loop.frozen();
        while (loop.running()) {
            Phase z = phases.next(rng);
            presentation.beforeStep(state, z, phases.startedNewPhase(), rng);
            double eta = loop.rate();
            system.stepAndAddStatistic(state, z, rng, eta * (z.isPositive() ? wPlus : wMinus), target);
            if (learning) {
                system.parametersChanged();
            }
            loop.countUpdate();
            if (learning) {
                afterUpdate.accept(eta);
            }
            loop.advance(z, 1);
        }
    }

    /**
     * Runs {@code steps} steps with the parameters frozen, adding every increment at rate 1 into {@code increments}
     * (length: the parameter count). Divided by {@code steps} it estimates the mean update the rule follows at these
     * parameters, the quantity the theorems are about (T4, T5, T12, T16).
     */
    public void sumIncrements(S state, long steps, RandomGenerator rng, double[] increments) {
        LearningLoop loop = new LearningLoop(system.parameters(), increments, LearningRateSchedule.constant(1), steps,
                steps, Long.MAX_VALUE, 1, null);
        run(loop, state, rng);
    }
}

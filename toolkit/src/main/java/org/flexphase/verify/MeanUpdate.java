package org.flexphase.verify;

import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.PhaseProcess;

/**
 * The reference a system brings to check (a): the exact stationary mean increment per time step of temporally local
 * learning at the system's current (frozen) parameters under {@code phases}, including the family's scale, in the
 * parameter layout. Examples: the enumerated gradient {@code u(theta)} of a Boltzmann machine whose phases start at
 * equilibrium (T4), the Markov-modulated moments of a linear resistor network (T16). Systems without one use the kit's
 * paired estimator instead ({@link ContractKit.Builder#pairedEstimator}).
 *
 * @param <C> the system type
 */
@FunctionalInterface
public interface MeanUpdate<C extends ContrastiveSystem<?>> {

    /** A new array holding the exact mean update of {@code system} under {@code phases}; must not change the system. */
    double[] meanUpdate(C system, PhaseProcess phases);
}

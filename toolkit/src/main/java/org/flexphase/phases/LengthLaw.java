package org.flexphase.phases;

import java.util.random.RandomGenerator;

/**
 * A probability law on phase lengths {1, 2, 3, ...} (in time steps). Implementations must report their
 * exact mean (from which a {@link PhaseProcess} computes its occupancy), variance and probability mass function.
 * Users may supply their own law by implementing the methods; the built-in laws come from the static factories.
 */
public interface LengthLaw {

    /** Draws one length, at least 1. */
    int sample(RandomGenerator rng);

    /** The exact expected length {@code E[L]} (finite, at least 1). */
    double mean();

    /** The exact probability {@code P(L = n)} (0 for {@code n < 1} and outside the support). */
    double pmf(int n);

    /** The exact variance {@code Var[L]} (finite, at least 0). */
    double variance();

    /** A short description with parameters, e.g. {@code fixed(20)}. */
    String describe();
}

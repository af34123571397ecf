package org.flexphase.boltzmann;

/** Where a negative (free) phase starts. */
public enum NegativeStart {
    /** The state carries over from the previous phase: the physical, temporally local case (default). */
    PERSISTENT,
    /** An exact sample of the current model's equilibrium: the idealisation the theory compares against (small models only). */
    EQUILIBRIUM,
    /** The state where the previous negative phase ended: a stored state, temporally non-local (persistent contrastive divergence). */
    PCD
}

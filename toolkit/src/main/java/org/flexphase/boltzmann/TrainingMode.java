package org.flexphase.boltzmann;

/** How phases are run and learning is done (docs/theory.md section 2). */
public enum TrainingMode {
    /** Standard CL: periodic {@code +} then {@code -} phases of {@code k} steps, one update per pair from the held {@code +} state (CD-k). */
    STANDARD,
    /** ISD: each phase of fixed length has a random type ({@code +} with probability b); learning at every step with weights {@code 1/b, -1/(1-b)}. */
    ISD,
    /** Temporally local: any phase process (geometric switching by default), persistent state, learning at every step weighted by occupancy. */
    LOCAL,
    /** Exact gradient ascent {@code theta += eta u(theta)} by enumeration, each update charged a stride of Gibbs steps: the best-achievable reference. */
    EXACT
}

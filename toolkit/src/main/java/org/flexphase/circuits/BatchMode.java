package org.flexphase.circuits;

/** How many examples one standard coupled-learning update sees (docs/theory.md section 5.2, "Full batch"). */
public enum BatchMode {
    /** One update per pair of phases on one uniformly drawn example: stochastic descent (the default). */
    EXAMPLE,
    /**
     * One update from the mean of every example's two-phase rule, each example's pair of phases run in turn: descent of
     * the mean cost, monotone at a small enough rate when the phases equilibrate.
     */
    FULL
}

package org.flexphase.circuits;

/** How a network alternates its free and clamped states while it learns (docs/theory.md section 5.2). */
public enum CouplingMode {
    /**
     * Standard coupled learning: a free phase of {@code T} sweeps, its state held, then a clamped phase of {@code T}
     * sweeps with the outputs nudged from the measured free outputs, then one update from the two end states.
     */
    STANDARD,
    /** Twin networks: a free copy and a clamped copy relax at once, the clamp following the free twin's outputs. */
    TWIN,
    /** Flexible phases: one network, clamp switched by a phase process, conductances updated every step (±1/rho). */
    LOCAL;

    /** The lower-case name used on the command line and in settings. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

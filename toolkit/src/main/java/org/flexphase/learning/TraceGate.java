package org.flexphase.learning;

/**
 * When a per-unit trace {@code r} (a low-pass of the state the statistic is centred on, docs/theory.md section 5.3)
 * takes in the state, and which phases' centred statistic is learned from. The trace moves by
 * {@code r += (s - r) / tau} after a step whose state it takes in, before the next step's statistic, so a statistic is
 * never centred on a trace containing its own step's state.
 * <ul>
 *   <li>{@link #ALWAYS}: the ungated trace, after every step; both phases learn {@code w(z) (phi(s) - phi(r))}. A
 *   control variate whose mean shrinks along the phase contrast by about {@code 1/(tau p)}.</li>
 *   <li>{@link #FREE_ONLY}: the phase-gated trace, after free ({@code -}) steps only, held through nudged ({@code +})
 *   ones (a sample-and-hold of the free state); both phases learn {@code w(z) (phi(s) - phi(r))}.</li>
 *   <li>{@link #FREE_ONLY_NUDGED_TERM}: the same trace, but only nudged steps learn, {@code (1/rho+) (phi(s) - phi(r))}
 *   (free steps contribute 0): the free-phase term has mean of the order of the transients only, so dropping it
 *   removes its noise and its transient bias (docs/theory.md section 5.3, G1-G5).</li>
 * </ul>
 */
public enum TraceGate {
    ALWAYS, FREE_ONLY, FREE_ONLY_NUDGED_TERM;

    /** Whether the trace takes in the state of a step run in phase {@code freeStep ? - : +}. */
    public boolean takesIn(boolean freeStep) {
        return this == ALWAYS || freeStep;
    }

    /** Whether a step of that phase learns (the nudged-term rule drops free steps). */
    public boolean learnsIn(boolean freeStep) {
        return this != FREE_ONLY_NUDGED_TERM || !freeStep;
    }

    /**
     * Whether a step learns: always without a trace; with one, as {@link #learnsIn} says, and a nudged step only once
     * its example has had {@code holdAfter} free steps (the held trace is then a free state of this example).
     */
    public boolean learns(boolean traced, boolean freeStep, int freeStepsOfExample, int holdAfter) {
        return !traced || learnsIn(freeStep) && (freeStep || freeStepsOfExample >= holdAfter);
    }

    /**
     * As {@link #learns(boolean, boolean, int, int)}, and with a trace a nudged step also only if {@code settled}: the
     * phase-age condition of docs/theory.md section 5.3 (the nudged phase and the free phase the held sample came
     * from have run their settling steps), which keeps still relaxing states out of the contrast.
     */
    public boolean learns(boolean traced, boolean freeStep, int freeStepsOfExample, int holdAfter, boolean settled) {
        return learns(traced, freeStep, freeStepsOfExample, holdAfter) && (!traced || freeStep || settled);
    }

    /** Lower-case name with dashes, e.g. {@code free-only}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

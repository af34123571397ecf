package org.flexphase.experiments.bas;

import org.flexphase.util.Checks;

/**
 * Sizes of the Bars-and-Stripes reproduction. {@code quick} fits in a few minutes on 2 cores; {@code full} is
 * paper-sized (10^7 Gibbs steps per run, 10 seeds). Rates are per Gibbs step for ISD, local and exact (whose
 * weights of about 2 double the per-step drift) and per update for standard CD-1, chosen so every mode has the
 * same mean drift per Gibbs step (docs/theory.md section 2; docs/experiments.md calibration notes: 1e-3 and above diverge).
 * Exact ascent takes steps of {@link #EXACT_RATE}, each charged {@code EXACT_RATE / localRate} Gibbs steps, so it
 * follows the mean-field path of local learning at the same learning time {@code eta * t}.
 *
 * <pre>{@code
 * BasProfile quick = BasProfile.of("quick");
 * }</pre>
 */
public record BasProfile(String name, long steps, int seeds, int sweepSeeds, long evalEvery, double localRate,
                         int hidden) {

    /** The named profile: {@code quick} or {@code full}. */
    public static BasProfile of(String name) {
        return switch (name) {
            case "quick" -> new BasProfile("quick", 2_000_000, 5, 3, 100_000, 2e-4, 16);
            case "full" -> new BasProfile("full", 10_000_000, 10, 5, 250_000, 1e-4, 16);
            default -> throw new IllegalArgumentException("profile must be quick or full: " + name);
        };
    }

    /** Step of exact ascent on BAS: 0.1 is slow, 1.0 oscillates, 0.3 reaches about 4.6 nats per row in 600 steps. */
    public static final double EXACT_RATE = 0.3;

    /** Gibbs steps charged per exact update: the local learning time {@code EXACT_RATE} takes this many steps. */
    public int exactStride() {
        return (int) Math.max(1, Math.round(EXACT_RATE / localRate));
    }

    /** Checks the sizes. */
    public BasProfile {
        Checks.requireAtLeast(steps, 1L, "steps");
        Checks.requireAtLeast(seeds, 1, "seeds");
    }
}

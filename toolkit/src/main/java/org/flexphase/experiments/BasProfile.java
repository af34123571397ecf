package org.flexphase.experiments;

import org.flexphase.util.Checks;

/**
 * Sizes of the Bars-and-Stripes reproduction. {@code quick} fits in a few minutes on 2 cores; {@code full} is
 * paper-sized (10^7 Gibbs steps per run, 10 seeds). Rates are per Gibbs step for ISD, local and exact (whose
 * weights of about 2 double the per-step drift) and per update for standard CD-1, chosen so every mode has the
 * same mean drift per Gibbs step (THEORY.md section 2; EXPERIMENTS.md calibration notes: 1e-3 and above diverge).
 */
public record BasProfile(String name, long steps, int seeds, int sweepSeeds, long evalEvery, double localRate,
                         int exactStride, int hidden) {

    public static BasProfile of(String name) {
        return switch (name) {
            case "quick" -> new BasProfile("quick", 2_000_000, 5, 3, 100_000, 2e-4, 10_000, 16);
            case "full" -> new BasProfile("full", 10_000_000, 10, 5, 250_000, 1e-4, 2_000, 16);
            default -> throw new IllegalArgumentException("profile must be quick or full: " + name);
        };
    }

    public BasProfile {
        Checks.requireAtLeast(steps, 1L, "steps");
        Checks.requireAtLeast(seeds, 1, "seeds");
    }
}

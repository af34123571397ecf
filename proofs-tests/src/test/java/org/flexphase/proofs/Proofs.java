package org.flexphase.proofs;

import org.quicktheories.QuickTheory;

/**
 * Shared settings of the property suite: the number of examples and the seed come from the system properties
 * {@code proofs.examples} (a multiplier-free count; blank means each property's default) and {@code proofs.seed}
 * (blank means the fixed default), so a longer or replayed run is {@code -Dproofs.examples=1000 -Dproofs.seed=42}.
 * QuickTheories prints the seed and the shrunk counterexample of a failure.
 */
final class Proofs {
    static final long DEFAULT_SEED = 20230223L;

    private Proofs() {
    }

    /** A theory with {@code defaultExamples} examples (or the configured count) and the configured seed. */
    static QuickTheory qt(int defaultExamples) {
        return QuickTheory.qt().withExamples(examples(defaultExamples)).withFixedSeed(seed());
    }

    /**
     * A theory for long-run simulations: like {@link #qt} but with at most {@code shrinkCycles} shrinking steps, since
     * each retried example reruns a simulation.
     */
    static QuickTheory qtSimulation(int defaultExamples, int shrinkCycles) {
        return qt(defaultExamples).withShrinkCycles(shrinkCycles);
    }

    static int examples(int defaultExamples) {
        String v = System.getProperty("proofs.examples", "");
        return v.isBlank() ? defaultExamples : Integer.parseInt(v.strip());
    }

    static long seed() {
        String v = System.getProperty("proofs.seed", "");
        return v.isBlank() ? DEFAULT_SEED : Long.parseLong(v.strip());
    }
}

package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.flexphase.util.LogSpace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The batched softplus sum against the term-by-term one, at both tails and past the 512-term flush. */
class BipartiteEnumerationTest {
    @Test
    void batchedSoftplusSumMatchesTermByTerm() {
        RandomGenerator r = Rngs.create(5);
        for (int n : new int[]{1, 16, 511, 512, 513, 2000}) {
            for (double scale : new double[]{0.1, 5, 50, 700}) {
                double[] field = new double[n];
                double direct = 0;
                double magnitude = 0;
                for (int o = 0; o < n; o++) {
                    field[o] = scale * (2 * r.nextDouble() - 1);
                    direct += LogSpace.softplus(field[o]);
                    magnitude += Math.abs(field[o]) + 1;
                }
                // Each factor in [1, 2] carries one rounding; the product of n of them n ulps: relative 1e-16 n.
                assertEquals(direct, BipartiteEnumeration.sumSoftplus(field, n, 1.0), 1e-15 * n * magnitude / n + 1e-13 * n,
                        "n=" + n + " scale=" + scale);
            }
        }
    }

    @Test
    void aWideRbmIsEnumeratedOverItsSmallerLayer() {
        BipartiteEnumeration wide = new BipartiteEnumeration(Rbm.of(30, 2, 1.0, true));
        assertFalse(wide.enumeratesVisible());
        assertEquals(2, wide.enumeratedCount());
        BipartiteEnumeration tall = new BipartiteEnumeration(Rbm.of(2, 30, 1.0, true));
        assertTrue(tall.enumeratesVisible());
        assertEquals(2, tall.enumeratedCount());
        // All-zero parameters: every one of the 2^32 joint states has weight 1.
        assertEquals(32 * Math.log(2), ExactAnalysis.logPartition(Rbm.of(30, 2, 1.0, true)), 1e-9);
    }
}

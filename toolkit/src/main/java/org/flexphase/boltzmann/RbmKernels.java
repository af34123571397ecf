package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;

/**
 * The RBM's inner loops over its row-major weights ({@code W[j * nv + i]}), written so that each field is summed in
 * exactly the order of the plain loop (bias first, then active units in index order): the results are bit-identical
 * to the textbook sums, only the order in which different fields are worked on changes (docs/performance.md).
 */
final class RbmKernels {
    private RbmKernels() {
    }

    /**
     * {@code field[j] += sum_k w[j * stride + active[k]]} over {@code k < count}, in order of {@code k}, for every
     * {@code j < field.length}. A single sum is a chain of dependent additions (one per 3-4 cycles); four hidden
     * units at a time give the core four independent chains over the same index list (eight measured no faster).
     */
    static void addGatheredColumns(double[] w, int stride, int[] active, int count, double[] field) {
        int n = field.length;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int r0 = j * stride;
            int r1 = r0 + stride;
            int r2 = r1 + stride;
            int r3 = r2 + stride;
            double f0 = field[j];
            double f1 = field[j + 1];
            double f2 = field[j + 2];
            double f3 = field[j + 3];
            for (int k = 0; k < count; k++) {
                int i = active[k];
                f0 += w[r0 + i];
                f1 += w[r1 + i];
                f2 += w[r2 + i];
                f3 += w[r3 + i];
            }
            field[j] = f0;
            field[j + 1] = f1;
            field[j + 2] = f2;
            field[j + 3] = f3;
        }
        for (; j < n; j++) {
            int r = j * stride;
            double f = field[j];
            for (int k = 0; k < count; k++) {
                f += w[r + active[k]];
            }
            field[j] = f;
        }
    }

    /**
     * {@code field[i] += sum_m w[rows[m] * stride + i]} over {@code m < count}, in order of {@code m}, for every
     * {@code i < field.length}: whole rows added in turn. Four rows per pass over {@code field} (the sum
     * {@code (((f + r0) + r1) + r2) + r3} is the same chain) cut the loads and stores of {@code field} by four; the
     * loops are plain counted loops over doubles, which C2 vectorises.
     */
    static void addRows(double[] w, int stride, int[] rows, int count, double[] field) {
        int n = field.length;
        int m = 0;
        for (; m + 4 <= count; m += 4) {
            int w0 = rows[m] * stride;
            int w1 = rows[m + 1] * stride;
            int w2 = rows[m + 2] * stride;
            int w3 = rows[m + 3] * stride;
            for (int i = 0; i < n; i++) {
                field[i] = field[i] + w[w0 + i] + w[w1 + i] + w[w2 + i] + w[w3 + i];
            }
        }
        for (; m < count; m++) {
            int w0 = rows[m] * stride;
            for (int i = 0; i < n; i++) {
                field[i] += w[w0 + i];
            }
        }
    }

    /**
     * {@code units[i] = 1[u_i < sigmoid(beta field[i])]} with one {@code nextDouble()} per unit in index order, listing
     * the active units in {@code active}; returns how many there are.
     */
    static int sampleListingActive(double[] field, double beta, RandomGenerator rng, double[] units, int[] active) {
        int n = 0;
        for (int i = 0; i < units.length; i++) {
            double v = LogisticBernoulli.sample(beta * field[i], rng.nextDouble());
            units[i] = v;
            // Written unconditionally and kept only if active: no branch on the unit, which is a coin flip.
            active[n] = i;
            n += v != 0 ? 1 : 0;
        }
        return n;
    }
}

package org.flexphase.boltzmann;

/**
 * Layout of a symmetric coupling matrix with zero diagonal stored once per pair: the pairs
 * {@code (0,1), (0,2), ..., (0,n-1), (1,2), ...} in order, {@code n(n-1)/2} entries.
 */
public final class PairLayout {
    private PairLayout() {
    }

    /** Number of unordered pairs of {@code n} units. */
    public static int pairCount(int n) {
        return n * (n - 1) / 2;
    }

    /** Index of the pair {@code {j, k}} ({@code j != k}, either order) among {@link #pairCount} entries. */
    public static int index(int j, int k, int n) {
        int lo = Math.min(j, k);
        int hi = Math.max(j, k);
        return lo * n - lo * (lo + 1) / 2 + (hi - lo - 1);
    }

    /** Fills {@code dense} ({@code n x n}, row-major) with the symmetric matrix of {@code pairs} starting at {@code offset}. */
    public static void expand(double[] pairs, int offset, int n, double[] dense) {
        for (int j = 0, p = offset; j < n; j++) {
            dense[j * n + j] = 0;
            for (int k = j + 1; k < n; k++, p++) {
                dense[j * n + k] = pairs[p];
                dense[k * n + j] = pairs[p];
            }
        }
    }
}

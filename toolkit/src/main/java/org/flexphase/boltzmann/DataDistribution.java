package org.flexphase.boltzmann;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The empirical distribution of a multiset of binary rows: its distinct patterns (as 0/1 vectors and bit
 * codes, bit i = unit i) with their frequencies. The target {@code p*} of the exact metrics.
 *
 * <pre>{@code
 * DataDistribution data = DataDistribution.of(BarsAndStripes.published4x4());
 * double optimum = data.entropy();                             // best NLL per row: 3.379
 * }</pre>
 */
public final class DataDistribution {
    private final double[][] patterns;
    private final long[] codes;
    private final double[] probabilities;
    private final int rows;

    private DataDistribution(double[][] patterns, long[] codes, double[] probabilities, int rows) {
        this.patterns = patterns;
        this.codes = codes;
        this.probabilities = probabilities;
        this.rows = rows;
    }

    /** The empirical distribution of {@code rows} (each a 0/1 vector of the same length, at most 63 units). */
    public static DataDistribution of(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        Map<Long, double[]> first = new LinkedHashMap<>();
        for (double[] row : rows) {
            if (row.length != rows[0].length) {
                throw new IllegalArgumentException("rows must all have length " + rows[0].length + ": " + row.length);
            }
            long code = Bits.encode(row);
            counts.merge(code, 1, Integer::sum);
            first.putIfAbsent(code, row.clone());
        }
        int k = counts.size();
        double[][] patterns = new double[k][];
        long[] codes = new long[k];
        double[] probs = new double[k];
        int m = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            codes[m] = e.getKey();
            patterns[m] = first.get(e.getKey());
            probs[m] = e.getValue() / (double) rows.length;
            m++;
        }
        return new DataDistribution(patterns, codes, probs, rows.length);
    }

    /** Number of distinct patterns. */
    public int support() {
        return codes.length;
    }

    /** Number of rows of the multiset it came from. */
    public int rows() {
        return rows;
    }

    /** Number of units per pattern. */
    public int dimension() {
        return patterns[0].length;
    }

    /** The {@code k}-th distinct pattern (internal array: do not modify). */
    public double[] pattern(int k) {
        return patterns[k];
    }

    /** Pattern {@code k} as a bit code (bit i = unit i). */
    public long code(int k) {
        return codes[k];
    }

    /** Probability of pattern {@code k} in the data. */
    public double probability(int k) {
        return probabilities[k];
    }

    /** Entropy {@code -sum p log p} in nats: the least possible mean NLL per row of any model. */
    public double entropy() {
        double h = 0;
        for (double p : probabilities) {
            h -= p * Math.log(p);
        }
        return h;
    }

    @Override
    public String toString() {
        return "DataDistribution(support=" + support() + ", rows=" + rows + ", p=" + Arrays.toString(probabilities) + ")";
    }
}

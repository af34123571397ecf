package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.data.MnistSubset;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two negative-label protocols on the shipped 8,000 training labels. */
class NegativeLabelsTest {
    static int[] labels;

    @BeforeAll
    static void load() {
        labels = MnistSubset.split(MnistSubset.load()).train().labelArray();
    }

    static int[] classCounts(int[] y) {
        int[] n = new int[10];
        for (int c : y) {
            n[c]++;
        }
        return n;
    }

    /**
     * The number F of images whose permuted label is their own, for a uniform permutation pi of N labels with class
     * counts n_c: I_k = 1[y(pi(k)) = y(k)] has P = n_c / N (pi(k) is uniform, k itself included), so
     * E F = S2 / N with S2 = sum n_c^2. For k != l, (pi(k), pi(l)) is a uniform pair of distinct positions, so
     * P(I_k I_l) = n_c (n_c - 1) / (N (N - 1)) when both are of class c and n_c n_d / (N (N - 1)) when of classes
     * c != d; summing over ordered pairs, E F(F-1) = (sum n_c^2 (n_c - 1)^2 + S2^2 - sum n_c^4) / (N (N - 1)).
     * (All labels distinct gives the matching problem's mean 1 and variance 1.) Returns {mean, sd}.
     */
    static double[] fixedLabelMoments(int[] n) {
        double total = 0;
        double s2 = 0;
        double s4 = 0;
        double same = 0;
        for (int c : n) {
            total += c;
            s2 += (double) c * c;
            s4 += Math.pow(c, 4);
            same += (double) c * c * (c - 1) * (c - 1);
        }
        double mean = s2 / total;
        double factorial2 = (same + s2 * s2 - s4) / (total * (total - 1));
        return new double[]{mean, Math.sqrt(factorial2 + mean - mean * mean)};
    }

    @Test
    void momentsOfTheMatchingProblem() {
        int[] distinct = new int[10];
        java.util.Arrays.fill(distinct, 1);
        assertArrayEquals(new double[]{1, 1}, fixedLabelMoments(distinct), 1e-12);
    }

    @Test
    void publishedNegativesCarryTheirTrueLabelAtThePermutationRate() {
        double[] m = fixedLabelMoments(classCounts(labels));
        // 8,000 labels, classes of 690..902: mean 803.6 (10.05 %), sd 26.9 (the binomial sd would be 26.9 too);
        // 5 sd = 134 images = 1.7 points of rate, so a count outside 7.4..11.7 % fails.
        assertEquals(803.64, m[0], 0.01);
        assertEquals(26.88, m[1], 0.01);
        int seeds = 20;
        double sum = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            NegativeLabels published = NegativeLabels.published(labels, 10, Rngs.create(seed));
            int fixed = 0;
            int[] shown = new int[labels.length];
            for (int k = 0; k < labels.length; k++) {
                shown[k] = published.label(k, null);
                if (shown[k] == labels[k]) {
                    fixed++;
                }
            }
            assertArrayEquals(classCounts(labels), classCounts(shown), "a permutation keeps the class counts");
            assertEquals(m[0], fixed, 5 * m[1], "seed " + seed);
            sum += fixed;
        }
        // The mean of 20 independent counts has sd m[1] / sqrt(20) = 6.0.
        assertEquals(m[0], sum / seeds, 5 * m[1] / Math.sqrt(seeds));
    }

    @Test
    void publishedNegativesAreFixedAndDrawNothing() {
        NegativeLabels published = NegativeLabels.published(labels, 10, Rngs.create(3));
        assertTrue(published.isFixed());
        RandomGenerator used = Rngs.create(9);
        for (int k = 0; k < labels.length; k++) {
            assertEquals(published.label(k, null), published.label(k, used));
        }
        assertEquals(Rngs.create(9).nextLong(), used.nextLong(), "no randomness consumed per use");
        NegativeLabels again = NegativeLabels.published(labels, 10, Rngs.create(3));
        NegativeLabels other = NegativeLabels.published(labels, 10, Rngs.create(4));
        int differ = 0;
        for (int k = 0; k < labels.length; k++) {
            assertEquals(published.label(k, null), again.label(k, null), "same seed, same set");
            differ += published.label(k, null) != other.label(k, null) ? 1 : 0;
        }
        assertNotEquals(0, differ);
    }

    @Test
    void pairedNegativesNeverCarryTheTrueLabelAndCoverTheOthersUniformly() {
        NegativeLabels paired = NegativeLabels.paired(labels, 10);
        RandomGenerator rng = Rngs.create(5);
        int[][] counts = new int[10][10];
        for (int draw = 0; draw < 10; draw++) {
            for (int k = 0; k < labels.length; k++) {
                int shown = paired.label(k, rng);
                assertNotEquals(labels[k], shown, "image " + k);
                counts[labels[k]][shown]++;
            }
        }
        // 10 n_c draws spread over 9 wrong labels: each Binomial(10 n_c, 1/9); 5 sd covers it.
        int[] n = classCounts(labels);
        for (int c = 0; c < 10; c++) {
            double expected = 10.0 * n[c] / 9;
            double sd = Math.sqrt(10.0 * n[c] * (1.0 / 9) * (8.0 / 9));
            for (int w = 0; w < 10; w++) {
                if (w != c) {
                    assertEquals(expected, counts[c][w], 5 * sd, "class " + c + " shown as " + w);
                }
            }
        }
    }
}

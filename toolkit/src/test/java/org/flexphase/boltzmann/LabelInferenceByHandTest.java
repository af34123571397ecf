package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Label inference where the answer is known without sampling: an RBM whose couplings are so strong that every
 * conditional is 0 or 1 in double precision, or whose label biases alone decide. Also the ranges of its settings.
 */
class LabelInferenceByHandTest {
    /**
     * 2 inputs, 3 labels, 2 hidden units: hidden 0 copies input 0, hidden 1 copies input 1 (fields +-60, so
     * sigmoid is exactly 1 or below 1e-26); label 1 follows hidden 0, label 2 follows hidden 1, label 0 has a
     * bias of +60 but is pushed off by either hidden unit. Input (1, 0) then means label 1, (0, 1) label 2 and (0, 0)
     * label 0; the couplings are symmetric, so the label a step samples feeds back into the hidden fields, which only
     * reinforces the state (the fields move further from 0).
     */
    static Rbm deterministic() {
        Rbm rbm = Rbm.of(5, 2, 1.0, true);
        double[] t = rbm.parameters();
        int nv = 5;
        t[0 * nv + 0] = 120;    // W[h0, input 0]
        t[1 * nv + 1] = 120;    // W[h1, input 1]
        t[0 * nv + 3] = 120;    // W[h0, label 1]: a visible field of -60 + 120
        t[1 * nv + 4] = 120;    // W[h1, label 2]
        t[0 * nv + 2] = -120;   // W[h0, label 0]: off when h0 is on
        t[1 * nv + 2] = -120;   // W[h1, label 0]
        t[rbm.visibleBiasOffset() + 2] = 60;
        t[rbm.visibleBiasOffset() + 3] = -60;
        t[rbm.visibleBiasOffset() + 4] = -60;
        t[rbm.hiddenBiasOffset()] = -60;
        t[rbm.hiddenBiasOffset() + 1] = -60;
        return rbm;
    }

    @Test
    void strongCouplingsMakeTheAnswerCertain() {
        Rbm rbm = deterministic();
        LabelInference inference = new LabelInference(rbm, 3, 5, 2);
        RandomGenerator rng = Rngs.create(4);
        assertEquals(1, inference.predict(new double[]{1, 0}, rng));
        assertEquals(2, inference.predict(new double[]{0, 1}, rng));
        assertEquals(0, inference.predict(new double[]{0, 0}, rng));
        // Extra units past the inputs are ignored (a row with its label attached).
        assertEquals(2, inference.predict(new double[]{0, 1, 1, 1, 0}, rng));
        // The contract on random numbers: per step one draw per hidden unit and one per label unit, 5 x (2 + 3).
        RandomGenerator used = Rngs.create(7);
        inference.predict(new double[]{1, 0}, used);
        RandomGenerator reference = Rngs.create(7);
        for (int k = 0; k < 25; k++) {
            reference.nextDouble();
        }
        assertEquals(reference.nextLong(), used.nextLong(), "25 draws, no more, no fewer");
        // The largest burn-in keeps exactly the last step, whose probabilities still decide.
        LabelInference last = new LabelInference(rbm, 3, 5, 4);
        assertEquals(1, last.predict(new double[]{1, 0}, rng));
        assertEquals(2, last.predict(new double[]{0, 1}, rng));
    }

    /**
     * The definition, step by step through the RBM's own conditionals: h ~ p(h | v) over all visible units (labels
     * included), then each label unit's probability from p(v | h), a draw per label, the probabilities averaged after
     * the burn-in. Both sum the same terms in the same order, so with the same seed the chains are identical.
     */
    static int reference(Rbm rbm, int classes, int steps, int burnIn, double[] input, RandomGenerator rng) {
        int nv = rbm.visibleCount();
        int first = nv - classes;
        double[] v = new double[nv];
        System.arraycopy(input, 0, v, 0, first);
        double[] h = new double[rbm.hiddenCount()];
        double[] field = new double[nv];
        double[] mean = new double[classes];
        for (int t = 0; t < steps; t++) {
            rbm.sampleHiddenGivenVisible(v, h, rng);
            rbm.visibleFieldGivenHidden(h, field);
            for (int c = 0; c < classes; c++) {
                double p = Rbm.sigmoid(rbm.inverseTemperature() * field[first + c]);
                v[first + c] = rng.nextDouble() < p ? 1.0 : 0.0;
                if (t >= burnIn) {
                    mean[c] += p;
                }
            }
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            best = mean[c] > mean[best] ? c : best;
        }
        return best;
    }

    @Test
    void predictionsFollowTheGibbsChainOfTheDefinitionWithItsLabelFeedback() {
        RandomGenerator r = Rngs.create(17);
        Rbm rbm = Rbm.randomized(7, 5, 1.5, r);
        for (int k = rbm.visibleBiasOffset(); k < rbm.parameterCount(); k++) {
            rbm.parameters()[k] = r.nextGaussian();
        }
        LabelInference inference = new LabelInference(rbm, 3, 20, 5);
        int[] seen = new int[3];
        for (int n = 0; n < 60; n++) {
            double[] input = new double[4];
            for (int i = 0; i < 4; i++) {
                input[i] = r.nextInt(2);
            }
            int expected = reference(rbm, 3, 20, 5, input, Rngs.create(100 + n));
            assertEquals(expected, inference.predict(input, Rngs.create(100 + n)), "input " + n);
            seen[expected]++;
        }
        assertTrue(seen[0] > 0 && seen[1] > 0, "the answer depends on the input: " + java.util.Arrays.toString(seen));
    }

    @Test
    void withoutHiddenUnitsTheLabelBiasesDecideAndTiesGoToTheFirst() {
        Rbm rbm = Rbm.of(4, 0, 1.0, true);
        double[] t = rbm.parameters();
        t[rbm.visibleBiasOffset() + 1] = 0.5;
        t[rbm.visibleBiasOffset() + 2] = 0.25;
        t[rbm.visibleBiasOffset() + 3] = 0.5;
        // Labels 1, 2, 3 have p = sigmoid(0.5), sigmoid(0.25), sigmoid(0.5) at every step: label 1 and 3 tie.
        assertEquals(0, new LabelInference(rbm, 3, 1, 0).predict(new double[]{1}, Rngs.create(1)));
        t[rbm.visibleBiasOffset() + 3] = 0.5000001;
        assertEquals(2, new LabelInference(rbm, 3, 1, 0).predict(new double[]{1}, Rngs.create(1)));
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedByName() {
        Rbm rbm = Rbm.of(5, 2, 1.0, true);
        new LabelInference(rbm, 2, 1, 0);
        new LabelInference(rbm, 4, 3, 2);
        String[][] bad = {{"1", "3", "0", "classes"}, {"5", "3", "0", "classes"}, {"2", "0", "0", "steps"},
            {"2", "3", "3", "burn-in"}, {"2", "3", "-1", "burn-in"}};
        for (String[] b : bad) {
            var e = assertThrows(IllegalArgumentException.class, () -> new LabelInference(rbm, Integer.parseInt(b[0]),
                    Integer.parseInt(b[1]), Integer.parseInt(b[2])));
            assertTrue(e.getMessage().contains(b[3]), e.getMessage());
        }
        LabelInference inference = new LabelInference(rbm, 2, 3, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> inference.predict(new double[2], Rngs.create(1)));
        assertTrue(e.getMessage().contains("at least 3 units: 2"), e.getMessage());
    }

    @Test
    void theDataDistributionCountsDistinctRowsInFirstSeenOrder() {
        double[][] rows = {{1, 0, 1}, {0, 0, 0}, {1, 0, 1}, {1, 1, 1}};
        DataDistribution d = DataDistribution.of(rows);
        assertEquals(3, d.support());
        assertEquals(4, d.rows());
        assertEquals(3, d.dimension());
        assertEquals(0b101, d.code(0));
        assertEquals(0.5, d.probability(0), 0.0);
        assertEquals(0.25, d.probability(2), 0.0);
        assertEquals(0b111, d.code(2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[]{0, 0, 0}, d.pattern(1), 0.0);
        assertEquals(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)), d.entropy(), 1e-15);
        assertEquals("DataDistribution(support=3, rows=4, p=[0.5, 0.25, 0.25])", d.toString());
        rows[0][0] = 0;
        assertEquals(1.0, d.pattern(0)[0], 0.0, "patterns are copies of the rows");
        var empty = assertThrows(IllegalArgumentException.class, () -> DataDistribution.of(new double[0][]));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> DataDistribution.of(new double[][]{{1, 0}, {1, 0, 0}}));
        assertTrue(ragged.getMessage().contains("length 2: 3"), ragged.getMessage());
    }
}

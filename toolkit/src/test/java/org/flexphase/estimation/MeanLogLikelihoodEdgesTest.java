package org.flexphase.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.Test;

/**
 * {@link MeanLogLikelihood}'s labelled forms at their smallest legal layout (2 classes after 1 input unit), its refusal
 * of an empty data set, and its means over more than one example, each against the free energies of single patterns
 * summed by hand.
 */
class MeanLogLikelihoodEdgesTest {

    /** 3 visible units (1 input, 2 labels) and 2 hidden units with distinct, non-zero parameters. */
    private static Rbm smallest() {
        return TestModels.random(3, 2, 0.8, 0.5, 1.0, true, 11);
    }

    @Test
    void emptyDataIsRefusedByEveryForm() {
        Rbm rbm = smallest();
        assertThrows(IllegalArgumentException.class,
                () -> MeanLogLikelihood.meanNegativeFreeEnergy(rbm, new double[0][]));
        IllegalArgumentException labelled = assertThrows(IllegalArgumentException.class,
                () -> MeanLogLikelihood.meanNegativeFreeEnergy(rbm, new double[0][], new int[0], 2));
        assertTrue(labelled.getMessage().startsWith("examples must number at least 1"), labelled.getMessage());
        IllegalArgumentException summed = assertThrows(IllegalArgumentException.class,
                () -> MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm, new double[0][], 2));
        assertTrue(summed.getMessage().startsWith("examples must number at least 1"), summed.getMessage());
    }

    @Test
    void twoClassesAfterOneInputUnitIsTheSmallestLayout() {
        Rbm rbm = smallest();
        double[][] inputs = {{1}, {0}};
        double a = ExactAnalysis.logMarginal(rbm, new double[]{1, 0, 1});
        double b = ExactAnalysis.logMarginal(rbm, new double[]{0, 1, 0});
        // labelled: example 0 has label 1, example 1 label 0; the mean over both, not their sum
        assertEquals((a + b) / 2, MeanLogLikelihood.meanNegativeFreeEnergy(rbm, inputs, new int[]{1, 0}, 2), 1e-12);
        // summed over the two one-hot label patterns of each input
        double s0 = log2(ExactAnalysis.logMarginal(rbm, new double[]{1, 1, 0}), a);
        double s1 = log2(b, ExactAnalysis.logMarginal(rbm, new double[]{0, 0, 1}));
        assertEquals((s0 + s1) / 2, MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm, inputs, 2), 1e-12);
        assertEquals((ExactAnalysis.logMarginal(rbm, new double[]{1, 1, 0}) + b) / 2 - 1.5,
                MeanLogLikelihood.perLabelledExample(rbm, inputs, new int[]{0, 0}, 2, 1.5), 1e-12);
    }

    @Test
    void aLayoutWithoutAnInputUnitOrASecondClassIsRefusedNamingTheRange() {
        Rbm rbm = smallest();
        for (int classes : new int[]{1, 3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm, new double[][]{{}}, classes));
            assertEquals("classes must be in [2, 2]: " + classes, e.getMessage());
            IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                    () -> MeanLogLikelihood.meanNegativeFreeEnergy(rbm, new double[][]{{}}, new int[]{0}, classes));
            assertEquals("classes must be in [2, 2]: " + classes, l.getMessage());
        }
    }

    @Test
    void unlabelledMeanIsTheAverageOverRows() {
        Rbm rbm = smallest();
        double[][] rows = {{1, 0, 1}, {0, 1, 1}, {1, 1, 0}};
        double sum = 0;
        for (double[] r : rows) {
            sum += ExactAnalysis.logMarginal(rbm, r);
        }
        assertEquals(sum / 3, MeanLogLikelihood.meanNegativeFreeEnergy(rbm, rows), 1e-12);
        assertEquals(sum / 3 - 2.0, MeanLogLikelihood.perExample(rbm, rows, 2.0), 1e-12);
    }

    private static double log2(double x, double y) {
        double m = Math.max(x, y);
        return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
    }
}

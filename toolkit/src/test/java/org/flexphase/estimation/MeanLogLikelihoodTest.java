package org.flexphase.estimation;

import static org.flexphase.estimation.AnnealedImportanceSamplingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.Test;

class MeanLogLikelihoodTest {

    /**
     * With 10 visible and 6 hidden units the exact {@code log Z} enumerates the hidden layer, while {@code -F}
     * sums the hidden units out of a visible pattern: two different routes, which must give probabilities summing
     * to 1 over all 1,024 patterns.
     */
    @Test
    void closedFormFreeEnergyAndExactLogPartitionNormalise() {
        for (boolean visibleBiases : new boolean[]{true, false}) {
            Rbm rbm = TestModels.random(10, 6, 1.2, 0.8, 0.9, visibleBiases, 12);
            double logZ = ExactAnalysis.logPartition(rbm);
            double[] logP = new double[1 << 10];
            for (int code = 0; code < logP.length; code++) {
                logP[code] = MeanLogLikelihood.perExample(rbm, new double[][]{AnnealedChainTest.pattern(code, 10)}, logZ);
            }
            assertEquals(0.0, LogSpace.logSumExp(logP), 1e-12);
        }
    }

    @Test
    void labelledExamplesAreScoredWithTheirLabelOneHot() {
        TestModels.LabelledData data = TestModels.prototypes(4, 6);
        Rbm rbm = TestModels.random(15, 7, 0.8, 0.5, 1.0, true, 13);
        double logZ = ExactAnalysis.logPartition(rbm);
        double[][] rows = data.rows();
        double expected = 0;
        for (double[] row : rows) {
            expected += ExactAnalysis.logProbability(rbm, row) / rows.length;
        }
        assertEquals(expected, MeanLogLikelihood.perLabelledExample(rbm, data.inputs(), data.labels(), 3, logZ), 1e-12);
        assertEquals(expected, MeanLogLikelihood.perExample(rbm, rows, logZ), 1e-12);
    }

    /**
     * Summing the label over its one-hot patterns: by enumeration, {@code log sum_y p(x, onehot y)} is the log of
     * the probability that the pixels are {@code x} and the label units one-hot, which over all 2^12 pixel patterns
     * sums to the model's mass on one-hot labels; and it exceeds {@code log p(x, y)} by {@code log p(y | x)}.
     */
    @Test
    void summingOneHotLabelsGivesTheInputsMarginalWithALabel() {
        Rbm rbm = TestModels.random(15, 7, 0.8, 0.5, 1.0, true, 13);
        double logZ = ExactAnalysis.logPartition(rbm);
        double[] logP = new double[1 << 12];
        for (int code = 0; code < logP.length; code++) {
            logP[code] = MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm,
                    new double[][]{AnnealedChainTest.pattern(code, 12)}, 3) - logZ;
        }
        double[] oneHotMass = new double[1 << 15];
        int n = 0;
        for (int code = 0; code < 1 << 15; code++) {
            double[] v = AnnealedChainTest.pattern(code, 15);
            if (v[12] + v[13] + v[14] == 1) {
                oneHotMass[n++] = ExactAnalysis.logProbability(rbm, v);
            }
        }
        assertEquals(LogSpace.logSumExp(oneHotMass, n), LogSpace.logSumExp(logP), 1e-10);
        TestModels.LabelledData data = TestModels.prototypes(4, 6);
        double pixels = MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm, data.inputs(), 3);
        double joint = MeanLogLikelihood.meanNegativeFreeEnergy(rbm, data.inputs(), data.labels(), 3);
        assertTrue(pixels > joint, pixels + " <= " + joint);
    }

    /** The AIS bounds on log Z become bounds on the mean test log-likelihood, which cover the exact value. */
    @Test
    void aisBoundsCarryOverToTheTestLogLikelihood() {
        TestModels.LabelledData train = TestModels.prototypes(20, 6);
        TestModels.LabelledData test = TestModels.prototypes(10, 6);
        Rbm rbm = TestModels.trainedOnPrototypes(train, 10, 7);
        LogPartitionEstimate logZ = AnnealedImportanceSampling.of(AnnealedImportanceSamplingTest.SCHEDULE, 100, 2)
                .estimate(rbm, BaseRateModel.fromData(train.rows()));
        double negF = MeanLogLikelihood.meanNegativeFreeEnergy(rbm, test.inputs(), test.labels(), 3);
        MeanLogLikelihood ll = MeanLogLikelihood.of(negF, logZ);
        double exact = MeanLogLikelihood.perLabelledExample(rbm, test.inputs(), test.labels(), 3,
                ExactAnalysis.logPartition(rbm));
        System.out.printf("  labelled 15x10 test log-likelihood: exact %.4f, AIS %.4f [%.4f, %.4f]%n", exact, ll.mean(),
                ll.lower(), ll.upper());
        assertTrue(ll.lower() <= exact && exact <= ll.upper(), exact + " outside " + ll);
        assertEquals(negF - logZ.logZ(), ll.mean(), 1e-12);
    }

    @Test
    void badInputIsRejectedByName() {
        Rbm rbm = Rbm.of(5, 2, 1.0, true);
        double[][] inputs = {{0, 1, 0}};
        assertMessage("labels[0] must be in [0, 1]: 2",
                () -> MeanLogLikelihood.perLabelledExample(rbm, inputs, new int[]{2}, 2, 0));
        assertMessage("inputs[0] must have 2 units (visible 5 minus 3 label units): 3",
                () -> MeanLogLikelihood.perLabelledExample(rbm, inputs, new int[]{0}, 3, 0));
        assertMessage("labels must have one entry per input (1): 2",
                () -> MeanLogLikelihood.perLabelledExample(rbm, inputs, new int[]{0, 1}, 2, 0));
        assertMessage("classes must be in [2, 4]: 5",
                () -> MeanLogLikelihood.perLabelledExample(rbm, inputs, new int[]{0}, 5, 0));
        assertMessage("rows[0] must have the RBM's 5 visible units: 3", () -> MeanLogLikelihood.perExample(rbm, inputs, 0));
        assertMessage("examples must number at least 1: 0", () -> MeanLogLikelihood.perExample(rbm, new double[0][], 0));
    }
}

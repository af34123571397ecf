package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * A classification task for a flow network: each feature min-max scaled on the training inputs (test inputs with the
 * training range, so they may leave [0, 1]), optionally paired with its negation, then a bias input of 1; targets HIGH
 * on the label's output and LOW elsewhere; the error is the fraction whose largest free output is not the label.
 */
class ClassificationTest {
    static final double[][] TRAIN = {{1, 10, 5}, {3, 20, 5}, {2, 30, 5}, {5, 15, 5}};
    static final double[][] TEST = {{0, 40, 5}, {4, 25, 7}};

    @Test
    void featuresAreScaledOnTheTrainingRangeAndABiasInputIsAppended() {
        Classification c = new Classification(TRAIN, new int[]{0, 1, 2, 1}, TEST, new int[]{0, 1}, 3, false);
        assertEquals(4, c.inputNodes());
        assertEquals(3, c.classes());
        // Feature 0 spans [1, 5], feature 1 [10, 30]; feature 2 is constant and maps to 0.
        assertArrayEquals(new double[]{0, 0, 0, 1}, c.train().input(0), 1e-15);
        assertArrayEquals(new double[]{0.5, 0.5, 0, 1}, c.train().input(1), 1e-15);
        assertArrayEquals(new double[]{0.25, 1, 0, 1}, c.train().input(2), 1e-15);
        assertArrayEquals(new double[]{1, 0.25, 0, 1}, c.train().input(3), 1e-15);
        double h = Classification.HIGH;
        double l = Classification.LOW;
        assertArrayEquals(new double[]{h, l, l}, c.train().target(0), 0);
        assertArrayEquals(new double[]{l, h, l}, c.train().target(1), 0);
        assertArrayEquals(new double[]{l, l, h}, c.train().target(2), 0);
    }

    @Test
    void pairedFeaturesAddTheirNegationBeforeTheBias() {
        Classification c = new Classification(TRAIN, new int[]{0, 1, 0, 1}, TEST, new int[]{0, 1}, 2, true);
        assertEquals(7, c.inputNodes());
        assertArrayEquals(new double[]{0.5, 0.5, 0, -0.5, -0.5, -0.0, 1}, c.train().input(1), 1e-15);
    }

    @Test
    void errorIsTheFractionWhoseLargestFreeOutputIsNotTheLabel() {
        int classes = 3;
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.squareLattice(4, 4), 4, classes, 1.0, 1e-3, 1e3,
                5);
        RandomGenerator rng = Rngs.create(17);
        double[] k = net.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = 0.2 + 2 * rng.nextDouble();
        }
        // Any task of the right shape: freeOutputs takes any input.
        Classification probe = new Classification(TRAIN, new int[]{0, 0, 0, 0}, TEST, new int[]{0, 0}, classes, false);
        CoupledLearning sys = new CoupledLearning(net, probe.train(), 0.5, 0.5);
        int[] trainPred = new int[TRAIN.length];
        for (int m = 0; m < TRAIN.length; m++) {
            trainPred[m] = argmax(sys.freeOutputs(probe.train().input(m)));
        }
        // The test inputs scaled by hand with the training range: (x - lo) / (hi - lo), constant feature 0.
        double[][] testScaled = {{-0.25, 1.5, 0, 1}, {0.75, 0.75, 0, 1}};
        int[] testPred = {argmax(sys.freeOutputs(testScaled[0])), argmax(sys.freeOutputs(testScaled[1]))};
        // Labels right on the first training example only, and on the second test example only.
        int[] trainY = new int[TRAIN.length];
        for (int m = 0; m < TRAIN.length; m++) {
            trainY[m] = m == 0 ? trainPred[m] : (trainPred[m] + 1) % classes;
        }
        int[] testY = {(testPred[0] + 2) % classes, testPred[1]};
        Classification c = new Classification(TRAIN, trainY, TEST, testY, classes, false);
        assertEquals(0.75, c.trainError(sys), 0);
        assertEquals(0.5, c.testError(sys), 0);
        // All labels right: no error.
        Classification right = new Classification(TRAIN, trainPred, TEST, testPred, classes, false);
        assertEquals(0, right.trainError(sys), 0);
        assertEquals(0, right.testError(sys), 0);
    }

    @Test
    void labelsOutsideTheClassesAndFewerThanTwoClassesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Classification(TRAIN, new int[]{0, 1, 2, 1}, TEST, new int[]{0, 1}, 2, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Classification(TRAIN, new int[]{0, -1, 0, 1}, TEST, new int[]{0, 1}, 2, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Classification(TRAIN, new int[]{0, 0, 0, 0}, TEST, new int[]{0, 0}, 1, false));
    }

    private static int argmax(double[] y) {
        int best = 0;
        for (int o = 1; o < y.length; o++) {
            if (y[o] > y[best]) {
                best = o;
            }
        }
        return best;
    }
}

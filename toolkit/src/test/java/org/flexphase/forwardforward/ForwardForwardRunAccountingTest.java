package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The trainer's accounting around the learning itself: examples counted per mode, which image and label each
 * one-phase step shows, gradients summed onto what the caller's arrays already hold, the refusals, the names of the
 * protocol choices, and the throughput figures.
 */
class ForwardForwardRunAccountingTest {
    static final int N = 60;
    static final int[] LABELS = new int[N];
    static final double[][] IMAGES = ForwardForwardTrainerTest.images(N, 5, LABELS);

    static ForwardForwardSettings settings(ForwardForwardTrainer.Mode mode) {
        return ForwardForwardTrainerTest.settings(mode, 0.3, 0.2, 1, 0.01, List.of(6), 1000, 9);
    }

    @Test
    void aStandardStepCountsOnePositiveAndOneNegative() {
        ForwardForwardTrainer t = new ForwardForwardTrainer(settings(ForwardForwardTrainer.Mode.STANDARD).withEpochs(2));
        var r = t.train(t.newNet(24, 4), IMAGES, LABELS, null);
        assertEquals(2 * N, r.steps());
        assertEquals(2 * N, r.positiveExamples());
        assertEquals(2 * N, r.negativeExamples());
    }

    @Test
    void aOnePhaseStepShowsThePositivesImageWithItsLabelOrTheNegativesImageWithItsFixedLabel() {
        // With published negatives the positive and the negative of a step come from two independent shuffles, so
        // an image mixed up between them shows the wrong label for its kind.
        for (ForwardForwardTrainer.Mode mode : new ForwardForwardTrainer.Mode[]{ForwardForwardTrainer.Mode.ISD,
            ForwardForwardTrainer.Mode.LOCAL}) {
            var cfg = settings(mode).withEpochs(3).withNegatives(ForwardForwardTrainer.Negatives.PUBLISHED);
            NegativeLabels fixed = NegativeLabels.published(LABELS, 4, Rngs.stream(9, -2));
            List<int[]> seen = new ArrayList<>();
            var t = new ForwardForwardTrainer(cfg);
            var r = t.train(t.newNet(24, 4), IMAGES, LABELS, null, (step, image, label, positive) ->
                    seen.add(new int[]{(int) step, image, label, positive ? 1 : 0}));
            assertEquals(3 * N, seen.size(), mode + ": one example per step");
            int positives = 0;
            for (int s = 0; s < seen.size(); s++) {
                int[] e = seen.get(s);
                assertEquals(s, e[0]);
                int expected = e[3] == 1 ? LABELS[e[1]] : fixed.label(e[1], null);
                assertEquals(expected, e[2], mode + " step " + s);
                positives += e[3];
            }
            assertEquals(positives, r.positiveExamples());
            assertEquals(3 * N - positives, r.negativeExamples());
            assertTrue(positives > 0 && positives < 3 * N, mode + ": both phases occur");
        }
    }

    @Test
    void summedGradientsAddOntoWhatTheArraysHold() {
        ForwardForwardTrainer t = new ForwardForwardTrainer(settings(ForwardForwardTrainer.Mode.ISD));
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{24, 6, 5}, 4, 2.0, Rngs.create(3));
        double[] frozen = net.parameters().clone();
        double[][] sums = {new double[net.layer(0).parameterCount()], new double[net.layer(1).parameterCount()]};
        t.sumGradients(net, IMAGES, LABELS, 50, sums);
        double[][] once = {sums[0].clone(), sums[1].clone()};
        assertTrue(max(once) > 1e-6, "the steps have a gradient");
        t.sumGradients(net, IMAGES, LABELS, 50, sums);
        for (int l = 0; l < 2; l++) {
            for (int k = 0; k < sums[l].length; k++) {
                assertEquals(2 * once[l][k], sums[l][k], 1e-12 * (1 + Math.abs(once[l][k])), "layer " + l + " entry " + k);
            }
        }
        t.sumGradients(net, IMAGES, LABELS, 0, sums);
        assertEquals(2 * once[1][3], sums[1][3], 1e-12 * (1 + Math.abs(once[1][3])), "0 steps add nothing");
        assertArrayEquals(frozen, net.parameters(), 0.0, "the net is frozen");
        var e = assertThrows(IllegalArgumentException.class,
                () -> t.sumGradients(net, IMAGES, LABELS, 5, new double[][]{sums[0]}));
        assertTrue(e.getMessage().contains("one array per layer (2): 1"), e.getMessage());
    }

    static double max(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double x : row) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    @Test
    void dataWithoutOneLabelPerImageIsRefusedBeforeAnyStep() {
        ForwardForwardTrainer t = new ForwardForwardTrainer(settings(ForwardForwardTrainer.Mode.STANDARD));
        ForwardForwardNet net = t.newNet(24, 4);
        double[][] three = {IMAGES[0], IMAGES[1], IMAGES[2]};
        int[] two = {LABELS[0], LABELS[1]};
        String expected = "need as many labels as images, at least one: 3 images, 2 labels";
        var train = assertThrows(IllegalArgumentException.class, () -> t.train(net, three, two, null));
        assertEquals(expected, train.getMessage());
        double[][] sums = {new double[net.layer(0).parameterCount()]};
        var sum = assertThrows(IllegalArgumentException.class, () -> t.sumGradients(net, three, two, 4, sums));
        assertEquals(expected, sum.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> t.train(net, new double[0][], new int[0], null));
        assertTrue(empty.getMessage().contains("0 images, 0 labels"), empty.getMessage());
    }

    @Test
    void theTrainerKeepsItsSettingsAndTheProtocolNamesParseInAnyCase() {
        var cfg = settings(ForwardForwardTrainer.Mode.LOCAL);
        assertSame(cfg, new ForwardForwardTrainer(cfg).settings());
        assertEquals(ForwardForwardTrainer.Mode.ISD, ForwardForwardTrainer.Mode.parse("IsD"));
        assertEquals("local", ForwardForwardTrainer.Mode.LOCAL.label());
        assertEquals(ForwardForwardTrainer.Negatives.PUBLISHED, ForwardForwardTrainer.Negatives.parse("PUBLISHED"));
        assertEquals("paired", ForwardForwardTrainer.Negatives.PAIRED.label());
        assertEquals(ForwardForwardTrainer.IsdWeights.UNBIASED, ForwardForwardTrainer.IsdWeights.parse("unbiased"));
        assertEquals("published", ForwardForwardTrainer.IsdWeights.PUBLISHED.label());
    }

    @Test
    void throughputIsExamplesOrStepsPerSecondWithAFloorOnTheTime() {
        var r = new ForwardForwardTrainer.Result(null, 10, 30, 20, 2.0, null);
        assertEquals(25.0, r.examplesPerSecond(), 0.0);
        assertEquals(5.0, r.stepsPerSecond(), 0.0);
        var instant = new ForwardForwardTrainer.Result(null, 10, 30, 20, 0.0, null);
        assertEquals(5e10, instant.examplesPerSecond(), 1.0);
        assertEquals(1e10, instant.stepsPerSecond(), 1.0);
        assertNotEquals(Double.POSITIVE_INFINITY, instant.stepsPerSecond());
    }
}

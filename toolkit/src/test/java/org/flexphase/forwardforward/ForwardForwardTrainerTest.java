package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The Forward-Forward net and trainer on a small synthetic task whose answer is known. */
class ForwardForwardTrainerTest {
    /**
     * 4 classes, 24 pixels: class c lights pixels 4 + 5c .. 8 + 5c with noise. Linearly separable, so a
     * two-layer FF net must get near-zero error; chance is 0.75.
     */
    static double[][] images(int n, long seed, int[] labels) {
        RandomGenerator r = Rngs.create(seed);
        double[][] x = new double[n][24];
        for (int k = 0; k < n; k++) {
            int c = r.nextInt(4);
            labels[k] = c;
            for (int i = 4; i < 24; i++) {
                x[k][i] = 0.2 * r.nextDouble();
            }
            for (int i = 4 + 5 * c; i < 8 + 5 * c; i++) {
                x[k][i] = 0.8 + 0.2 * r.nextDouble();
            }
        }
        return x;
    }

    /** Settings with the paper's threshold (2.0) and protocol, the rest as given. */
    static ForwardForwardSettings settings(ForwardForwardTrainer.Mode mode, double b, double switchProb, int epochs,
                                           double lr, List<Integer> hidden, long evalEvery, long seed) {
        return ForwardForwardSettings.DEFAULTS.withMode(mode).withB(b).withSwitchProb(switchProb).withEpochs(epochs)
                .withLr(lr).withThreshold(2.0).withHidden(hidden).withEvalEvery(evalEvery).withSeed(seed);
    }

    static ForwardForwardSettings config(ForwardForwardTrainer.Mode mode, long seed) {
        return settings(mode, 0.5, 0.5, 15, 0.01, List.of(32, 32), 500, seed);
    }

    @Test
    void everyModeLearnsASeparableTask() {
        int[] labels = new int[600];
        double[][] x = images(600, 5, labels);
        int[] testLabels = new int[300];
        double[][] test = images(300, 6, testLabels);
        for (ForwardForwardTrainer.Mode mode : ForwardForwardTrainer.Mode.values()) {
            ForwardForwardTrainer t = new ForwardForwardTrainer(config(mode, 3));
            ForwardForwardNet net = t.newNet(24, 4);
            double before = net.error(test, testLabels, 300);
            t.train(net, x, labels, null);
            double after = net.error(test, testLabels, 300);
            assertTrue(before > 0.4, mode + ": untrained error " + before);
            assertTrue(after < 0.05, mode + ": trained error " + after);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        int[] labels = new int[200];
        double[][] x = images(200, 5, labels);
        double[][] params = new double[2][];
        for (int run = 0; run < 2; run++) {
            ForwardForwardTrainer t = new ForwardForwardTrainer(config(ForwardForwardTrainer.Mode.LOCAL, 11));
            ForwardForwardNet net = t.newNet(24, 4);
            t.train(net, x, labels, null);
            params[run] = net.layer(1).copy().parameters();
        }
        assertArrayEquals(params[0], params[1]);
    }

    @Test
    void fastPredictionEqualsOverlayingEachLabel() {
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{24, 16, 8}, 4, 2.0, Rngs.create(9));
        int[] labels = new int[20];
        double[][] x = images(20, 1, labels);
        ForwardForwardNet.Pass pass = net.newPass();
        double[] all = new double[4];
        for (double[] image : x) {
            net.goodnessForAllLabels(image, pass, all);
            for (int c = 0; c < 4; c++) {
                assertEquals(net.forward(image, c, net.newPass()), all[c], 1e-12);
            }
        }
    }

    @Test
    void isdCountsFollowB() {
        int[] labels = new int[1000];
        double[][] x = images(1000, 2, labels);
        var cfg = settings(ForwardForwardTrainer.Mode.ISD, 0.3, 0.2, 2, 0.01, List.of(8), 10_000, 4);
        var r = new ForwardForwardTrainer(cfg).train(new ForwardForwardTrainer(cfg).newNet(24, 4), x, labels, null);
        // 2000 Bernoulli(0.3) draws: sd 20.5; 6 sd is 123.
        assertEquals(600, r.positiveExamples(), 123);
        assertEquals(2000, r.positiveExamples() + r.negativeExamples());
    }

    @Test
    void theDefaultProtocolIsPairedWithUnbiasedWeights() {
        var cfg = config(ForwardForwardTrainer.Mode.ISD, 1);
        assertEquals(ForwardForwardTrainer.Negatives.PAIRED, cfg.negatives());
        assertEquals(ForwardForwardTrainer.IsdWeights.UNBIASED, cfg.isdWeights());
        var published = cfg.withPublishedProtocol();
        assertEquals(ForwardForwardTrainer.Negatives.PUBLISHED, published.negatives());
        assertEquals(ForwardForwardTrainer.IsdWeights.PUBLISHED, published.isdWeights());
    }

    @Test
    void publishedProtocolRerunsBitIdenticallyAndDependsOnTheSeed() {
        int[] labels = new int[200];
        double[][] x = images(200, 5, labels);
        for (ForwardForwardTrainer.Mode mode : ForwardForwardTrainer.Mode.values()) {
            double[][] params = new double[3][];
            for (int run = 0; run < 3; run++) {
                var cfg = config(mode, run < 2 ? 11 : 12).withEpochs(2).withPublishedProtocol();
                ForwardForwardTrainer t = new ForwardForwardTrainer(cfg);
                ForwardForwardNet net = t.newNet(24, 4);
                t.train(net, x, labels, null);
                params[run] = net.layer(1).copy().parameters();
            }
            assertArrayEquals(params[0], params[1], mode.label());
            assertFalse(java.util.Arrays.equals(params[0], params[2]), mode.label() + ": another seed");
        }
    }

    /** The examples of a 2-epoch run on 200 images: {step, image, label, positive (1/0)} rows in order. */
    static List<int[]> examples(ForwardForwardSettings cfg, double[][] x, int[] labels) {
        List<int[]> seen = new ArrayList<>();
        var t = new ForwardForwardTrainer(cfg);
        t.train(t.newNet(24, 4), x, labels, null, (step, image, label, positive) ->
                seen.add(new int[]{(int) step, image, label, positive ? 1 : 0}));
        return seen;
    }

    @Test
    void publishedNegativesAreAFixedSetShuffledApartFromThePositives() {
        int n = 200;
        int[] labels = new int[n];
        double[][] x = images(n, 5, labels);
        var cfg = config(ForwardForwardTrainer.Mode.STANDARD, 7).withEpochs(2)
                .withNegatives(ForwardForwardTrainer.Negatives.PUBLISHED);
        List<int[]> seen = examples(cfg, x, labels);
        assertEquals(2 * 2 * n, seen.size());
        NegativeLabels expected = NegativeLabels.published(labels, 4, Rngs.stream(7, -2));
        int sameImage = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            Set<Integer> positives = new HashSet<>();
            Set<Integer> negatives = new HashSet<>();
            for (int step = epoch * n; step < (epoch + 1) * n; step++) {
                int[] pos = seen.get(2 * step);
                int[] neg = seen.get(2 * step + 1);
                assertEquals(1, pos[3]);
                assertEquals(0, neg[3]);
                assertEquals(labels[pos[1]], pos[2]);
                assertEquals(expected.label(neg[1], null), neg[2], "the negative set is built once, from its own stream");
                positives.add(pos[1]);
                negatives.add(neg[1]);
                sameImage += pos[1] == neg[1] ? 1 : 0;
            }
            assertEquals(n, positives.size(), "each image is a positive once per epoch");
            assertEquals(n, negatives.size(), "each image is a negative once per epoch");
        }
        // Independent shuffles pair a step's two examples on one image with probability 1/n: 2 expected in 400
        // steps (Poisson); 10 or more has probability below 1e-4.
        assertTrue(sameImage < 10, "steps whose positive and negative share an image: " + sameImage);
    }

    @Test
    void pairedNegativesAreTheStepsOwnImageWithAWrongLabel() {
        int n = 200;
        int[] labels = new int[n];
        double[][] x = images(n, 5, labels);
        List<int[]> seen = examples(config(ForwardForwardTrainer.Mode.STANDARD, 7).withEpochs(2), x, labels);
        for (int step = 0; step < 2 * n; step++) {
            int[] pos = seen.get(2 * step);
            int[] neg = seen.get(2 * step + 1);
            assertEquals(pos[1], neg[1]);
            assertEquals(labels[pos[1]], pos[2]);
            assertNotEquals(labels[neg[1]], neg[2]);
        }
    }

    @Test
    void theProtocolChangesTheRun() {
        int[] labels = new int[200];
        double[][] x = images(200, 5, labels);
        var base = config(ForwardForwardTrainer.Mode.ISD, 11).withEpochs(2).withB(0.3);
        ForwardForwardSettings[] configs = {base, base.withNegatives(ForwardForwardTrainer.Negatives.PUBLISHED),
            base.withIsdWeights(ForwardForwardTrainer.IsdWeights.PUBLISHED)};
        double[][] params = new double[configs.length][];
        for (int i = 0; i < configs.length; i++) {
            ForwardForwardTrainer t = new ForwardForwardTrainer(configs[i]);
            ForwardForwardNet net = t.newNet(24, 4);
            t.train(net, x, labels, null);
            params[i] = net.layer(0).copy().parameters();
        }
        assertFalse(java.util.Arrays.equals(params[0], params[1]), "published negatives");
        assertFalse(java.util.Arrays.equals(params[0], params[2]), "published weights");
    }

    @Test
    void aGivenPhaseProcessDrivesLocalMode() {
        int[] labels = new int[1000];
        double[][] x = images(1000, 2, labels);
        var t = new ForwardForwardTrainer(settings(ForwardForwardTrainer.Mode.LOCAL, 0.5, 0.5, 2, 0.01, List.of(8),
                10_000, 4));
        assertEquals(null, t.phaseProcess());
        var process = org.flexphase.phases.RandomBlockPhaseProcess.of(0.3, 1);
        var u = t.withPhaseProcess(process);
        assertTrue(u.phaseProcess() == process && u.settings() == t.settings());
        var r = u.train(u.newNet(24, 4), x, labels, null);
        // The settings' b is 0.5; the given process is positive w.p. 0.3: 2000 draws, sd 20.5, 6 sd is 123.
        assertEquals(600, r.positiveExamples(), 123);
        assertEquals(2000, r.positiveExamples() + r.negativeExamples());
    }

    @Test
    void badSettingsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ForwardForwardTrainer(
                settings(ForwardForwardTrainer.Mode.ISD, 1.5, 0.2, 2, 0.01, List.of(8), 100, 1)));
        assertTrue(e.getMessage().contains("'b': 1.5"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> ForwardForwardTrainer.Negatives.parse("fresh"));
        assertTrue(n.getMessage().contains("invalid value for 'negatives': fresh (allowed: paired | published)"), n.getMessage());
        var w = assertThrows(IllegalArgumentException.class, () -> ForwardForwardTrainer.IsdWeights.parse("one"));
        assertTrue(w.getMessage().contains("invalid value for 'isd-weights': one (allowed: unbiased | published)"), w.getMessage());
    }

    @Test
    void aDivergedRunKeepsTheNetworkOfItsLastFiniteCheckpoint() {
        int[] labels = new int[200];
        double[][] x = images(200, 5, labels);
        // Adam moves each parameter by about lr per step: 1e300 overflows the goodness within a few steps.
        var cfg = settings(ForwardForwardTrainer.Mode.STANDARD, 0.5, 0.5, 1, 1e300, List.of(8, 8), 1, 7);
        ForwardForwardTrainer t = new ForwardForwardTrainer(cfg);
        ForwardForwardNet net = t.newNet(24, 4);
        java.util.List<double[][]> seen = new java.util.ArrayList<>();
        java.util.List<Long> steps = new java.util.ArrayList<>();
        var r = t.train(net, x, labels, (step, n) -> {
            steps.add(step);
            seen.add(new double[][]{n.layer(0).copy().parameters(), n.layer(1).copy().parameters()});
        });
        assertTrue(r.divergence() != null && r.steps() < 200, "expected divergence, ran " + r.steps() + " steps");
        assertTrue(steps.size() >= 2, "finite checkpoints after step 0: " + steps);
        long last = steps.get(steps.size() - 1);
        assertTrue(r.divergence().contains("last checkpoint (step " + last + ")"), r.divergence());
        assertArrayEquals(seen.get(seen.size() - 1)[0], net.layer(0).copy().parameters());
        assertArrayEquals(seen.get(seen.size() - 1)[1], net.layer(1).copy().parameters());
    }

    @Test
    void aDivergenceBetweenCheckpointsStopsBeforeTheNextOne() {
        // Before the trainer ran on LearningLoop it looked for NaN only at checkpoints, so a run with one checkpoint
        // at the end trained its whole budget on NaN; the loop's periodic check stops it long before.
        int[] labels = new int[1000];
        double[][] x = images(1000, 5, labels);
        var cfg = settings(ForwardForwardTrainer.Mode.ISD, 0.5, 0.5, 100, 1e300, List.of(8, 8), 1_000_000, 7);
        ForwardForwardTrainer t = new ForwardForwardTrainer(cfg);
        ForwardForwardNet net = t.newNet(24, 4);
        double[] start = net.parameters().clone();
        List<Long> steps = new ArrayList<>();
        var r = t.train(net, x, labels, (step, n) -> steps.add(step));
        assertTrue(r.divergence() != null && r.steps() < 100_000, "expected an early stop, ran " + r.steps());
        assertEquals(List.of(0L), steps, "no checkpoint after step 0 was finite");
        assertArrayEquals(start, net.parameters(), "the net is restored to its step-0 checkpoint");
    }

    @Test
    void aNonFiniteStartIsReportedAndNotTrained() {
        int[] labels = new int[50];
        double[][] x = images(50, 5, labels);
        ForwardForwardTrainer t = new ForwardForwardTrainer(config(ForwardForwardTrainer.Mode.STANDARD, 1));
        ForwardForwardNet net = t.newNet(24, 4);
        net.layer(1).parameters()[net.layer(1).offset()] = Double.NaN;
        var r = t.train(net, x, labels, null);
        assertEquals(0, r.steps());
        assertEquals(0, r.positiveExamples() + r.negativeExamples());
        assertTrue(r.divergence() != null && r.divergence().contains("step 0"), r.divergence());
    }
}

package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.flexphase.forwardforward.ForwardForwardLayer;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** T10: a Forward-Forward layer's closed-form gradient, and the ISD-weighted estimator's expectation. */
class ForwardForwardProperties {
    /** A layer (2..12 inputs, 1..8 units, threshold in [0.2, 3]) with weights in [-2, 2], and two inputs in [0, 1]. */
    record Case(ForwardForwardLayer layer, double[] positive, double[] negative) {
        @Override
        public String toString() {
            return "layer " + layer.inputSize() + "->" + layer.outputSize() + " threshold=" + layer.threshold()
                    + " theta=" + Generators.fmt(layer.parameters()) + " x+=" + Generators.fmt(positive)
                    + " x-=" + Generators.fmt(negative);
        }
    }

    static final Gen<Case> CASES = integers().between(2, 12).flatMap(in -> integers().between(1, 8).flatMap(out -> {
        int count = ForwardForwardLayer.of(in, out, 1.0).parameterCount();
        Gen<double[]> input = lists().of(doubles().between(0, 1)).ofSize(in).map(Generators::toArray);
        return lists().of(doubles().between(-2, 2)).ofSize(count).zip(doubles().between(0.2, 3.0), input, input,
                (theta, threshold, x, y) -> {
                    ForwardForwardLayer layer = ForwardForwardLayer.of(in, out, threshold);
                    double[] t = layer.parameters();
                    for (int k = 0; k < t.length; k++) {
                        t[k] = theta.get(k);
                    }
                    return new Case(layer, x, y);
                });
    }));

    static double loss(ForwardForwardLayer layer, double[] x, boolean positive) {
        ForwardForwardLayer.Activations a = layer.newActivations();
        return layer.loss(layer.forward(x, a), positive);
    }

    /** The smallest |pre-activation|: finite differences are only valid away from ReLU's kink. */
    static double kinkDistance(ForwardForwardLayer layer, double[] x) {
        ForwardForwardLayer.Activations a = layer.newActivations();
        layer.forward(x, a);
        double m = Double.POSITIVE_INFINITY;
        for (double z : a.pre) {
            m = Math.min(m, Math.abs(z));
        }
        return m;
    }

    @Test
    void closedFormGradientMatchesCentralDifferences() {
        // Step 1e-6: truncation O(h^2) ~ 1e-12 times third derivatives of order 1e2 at most here, rounding
        // O(eps/h) ~ 1e-10; so 1e-6 (1 + |g|) bounds their sum with a wide margin. Inputs within 1e-3 of a
        // ReLU kink (where the loss is not differentiable) are skipped; a step of 1e-6 cannot cross one.
        Proofs.qt(200).forAll(CASES, integers().between(0, 1)).assuming((c, sign) ->
                kinkDistance(c.layer(), c.positive()) > 1e-3).checkAssert((c, sign) -> {
            boolean positive = sign == 1;
            ForwardForwardLayer layer = c.layer();
            ForwardForwardLayer.Activations a = layer.newActivations();
            layer.forward(c.positive(), a);
            double[] g = new double[layer.parameterCount()];
            layer.addGradient(a, positive, 1.0, g);
            double[] t = layer.parameters();
            double h = 1e-6;
            for (int k = 0; k < t.length; k++) {
                double keep = t[k];
                t[k] = keep + h;
                double up = loss(layer, c.positive(), positive);
                t[k] = keep - h;
                double down = loss(layer, c.positive(), positive);
                t[k] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g[k], 1e-6 * (1 + Math.abs(g[k])), "parameter " + k);
            }
        });
    }

    @Test
    void isdWeightedGradientIsUnbiasedForTheStandardGradient() {
        // E_z[g^] = b (1/b) g+ + (1-b) (1/(1-b)) g- = g+ + g-, exactly; only rounding separates the two (1e-12).
        Proofs.qt(200).forAll(CASES, B).checkAssert((c, b) -> {
            ForwardForwardLayer layer = c.layer();
            ForwardForwardLayer.Activations ap = layer.newActivations();
            ForwardForwardLayer.Activations an = layer.newActivations();
            layer.forward(c.positive(), ap);
            layer.forward(c.negative(), an);
            int n = layer.parameterCount();
            double[] standard = new double[n];
            layer.addGradient(ap, true, 1.0, standard);
            layer.addGradient(an, false, 1.0, standard);
            double[] whenPositive = new double[n];
            layer.addGradient(ap, true, 1.0 / b, whenPositive);
            double[] whenNegative = new double[n];
            layer.addGradient(an, false, 1.0 / (1 - b), whenNegative);
            for (int k = 0; k < n; k++) {
                double expectation = b * whenPositive[k] + (1 - b) * whenNegative[k];
                assertEquals(standard[k], expectation, 1e-12 * (1 + Math.abs(standard[k])), "parameter " + k);
            }
        });
    }

    /** B4's instances: a small net, a few labelled images, b and the trainer's seed. */
    record Net(int[] sizes, int classes, double threshold, double[][] images, int[] labels, double b, int seed) {
        ForwardForwardNet build() {
            return ForwardForwardNet.of(sizes, classes, threshold, Rngs.create(seed));
        }

        ForwardForwardSettings settings() {
            List<Integer> hidden = java.util.Arrays.stream(sizes, 1, sizes.length).boxed().toList();
            return ForwardForwardSettings.DEFAULTS.withMode(ForwardForwardTrainer.Mode.ISD).withB(b)
                    .withSwitchProb(0.05).withEpochs(1).withLr(0.01).withThreshold(threshold).withHidden(hidden)
                    .withEvalEvery(Long.MAX_VALUE).withSeed(seed);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "ff%s classes=%d threshold=%.3g b=%.3f seed=%d labels=%s",
                    java.util.Arrays.toString(sizes), classes, threshold, b, seed, java.util.Arrays.toString(labels));
        }
    }

    /** Inputs 4..8 (at least the classes, whose label is written into the first pixels), 1..2 layers of 2..5 units. */
    static final Gen<Net> NETS = integers().between(2, 4).flatMap(classes -> integers().between(4, 8).flatMap(in ->
            lists().of(integers().between(2, 5)).ofSizeBetween(1, 2).zip(doubles().between(0.3, 3.0),
                    lists().of(lists().of(doubles().between(0, 1)).ofSize(in)).ofSizeBetween(2, 5),
                    lists().of(integers().between(0, classes - 1)).ofSize(5),
                    (hidden, threshold, images, labels) -> new Object[]{hidden, threshold, images, labels})
            .zip(doubles().between(0.1, 0.9), integers().between(1, 1_000_000), (o, b, seed) -> {
                @SuppressWarnings("unchecked") List<Integer> hidden = (List<Integer>) o[0];
                @SuppressWarnings("unchecked") List<List<Double>> images = (List<List<Double>>) o[2];
                @SuppressWarnings("unchecked") List<Integer> labels = (List<Integer>) o[3];
                int[] sizes = new int[hidden.size() + 1];
                sizes[0] = in;
                for (int l = 0; l < hidden.size(); l++) {
                    sizes[l + 1] = hidden.get(l);
                }
                double[][] x = images.stream().map(Generators::toArray).toArray(double[][]::new);
                int[] y = labels.subList(0, x.length).stream().mapToInt(Integer::intValue).toArray();
                return new Net(sizes, classes, (Double) o[1], x, y, b, seed);
            })));

    /** The gradient of one layer for image {@code k} shown with {@code label} as positive or negative data. */
    static double[][] gradient(ForwardForwardNet net, double[] image, int label, boolean positive) {
        ForwardForwardNet.Pass pass = net.newPass();
        net.forward(image, label, pass);
        double[][] g = new double[net.layerCount()][];
        for (int l = 0; l < g.length; l++) {
            g[l] = new double[net.layer(l).parameterCount()];
            net.layer(l).addGradient(pass.activations(l), positive, 1.0, g[l]);
        }
        return g;
    }

    @Test
    void trainersIsdStepsAverageToTheStandardGradient() {
        // B4: the ISD trainer's own per-step gradients (ForwardForwardTrainer.sumGradients: its example cycle, phase
        // draws, wrong labels and weights, with the net frozen) average to the standard step's expected gradient
        // E_k[g+(k) + E_wrong g-(k, wrong)], exactly enumerated. Per coordinate the step's variance is exact too:
        // E f^2 = E_k[g+^2 / b + E_wrong g-^2 / (1 - b)] minus the squared mean (draws treated as independent; the
        // cycle through the images only lowers it). Bonferroni over coordinates and examples.
        long steps = 20_000;
        int examples = 30;
        double z = Tolerances.bonferroniZ(examples * 200L);
        Proofs.qtSimulation(examples, 20).forAll(NETS).checkAssert(c -> {
            ForwardForwardNet net = c.build();
            int layers = net.layerCount();
            double[][] mean = new double[layers][];
            double[][] second = new double[layers][];
            for (int l = 0; l < layers; l++) {
                mean[l] = new double[net.layer(l).parameterCount()];
                second[l] = new double[mean[l].length];
            }
            int n = c.images().length;
            for (int k = 0; k < n; k++) {
                double[][] gp = gradient(net, c.images()[k], c.labels()[k], true);
                for (int wrong = 0; wrong < c.classes(); wrong++) {
                    if (wrong == c.labels()[k]) {
                        continue;
                    }
                    double[][] gm = gradient(net, c.images()[k], wrong, false);
                    double share = 1.0 / (n * (c.classes() - 1));
                    for (int l = 0; l < layers; l++) {
                        for (int q = 0; q < mean[l].length; q++) {
                            mean[l][q] += share * (gp[l][q] + gm[l][q]);
                            second[l][q] += share * (gp[l][q] * gp[l][q] / c.b() + gm[l][q] * gm[l][q] / (1 - c.b()));
                        }
                    }
                }
            }
            double[][] sums = new double[layers][];
            for (int l = 0; l < layers; l++) {
                sums[l] = new double[mean[l].length];
            }
            new ForwardForwardTrainer(c.settings()).sumGradients(net, c.images(), c.labels(), steps, sums);
            for (int l = 0; l < layers; l++) {
                for (int q = 0; q < mean[l].length; q++) {
                    double sd = Math.sqrt(Math.max(second[l][q] - mean[l][q] * mean[l][q], 0) / steps);
                    assertEquals(mean[l][q], sums[l][q] / steps, z * sd + 1e-12, "layer " + l + " parameter " + q);
                }
            }
        });
    }
}

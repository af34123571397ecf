package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.random.RandomGenerator;
import org.flexphase.forwardforward.ForwardForwardLayer;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** T10: a Forward-Forward layer's closed-form gradient, and the ISD-weighted estimator's expectation. */
class ForwardForwardProperties {
    /** A random layer (2..12 inputs, 1..8 units, threshold in [0.2, 3]) with weights of scale 2, and two inputs. */
    record Case(ForwardForwardLayer layer, double[] positive, double[] negative, long seed) {
        @Override
        public String toString() {
            return "layer " + layer.inputSize() + "->" + layer.outputSize() + " threshold=" + layer.threshold()
                    + " seed=" + seed;
        }
    }

    static final Gen<Case> CASES = integers().between(2, 12).zip(integers().between(1, 8), doubles().between(0.2, 3.0),
            longs().all(), (in, out, threshold, seed) -> {
                RandomGenerator r = Rngs.create(seed);
                ForwardForwardLayer layer = ForwardForwardLayer.of(in, out, threshold);
                double[] t = layer.parameters();
                for (int k = 0; k < t.length; k++) {
                    t[k] = 2 * (2 * r.nextDouble() - 1);
                }
                double[] x = new double[in];
                double[] y = new double[in];
                for (int i = 0; i < in; i++) {
                    x[i] = r.nextDouble();
                    y[i] = r.nextDouble();
                }
                return new Case(layer, x, y, seed);
            });

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
}

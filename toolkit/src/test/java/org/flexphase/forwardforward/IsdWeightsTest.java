package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The expected ISD gradient under each weighting, by enumerating the step's phase: the trainer's own weight
 * ({@link ForwardForwardTrainer.IsdWeights#weight}) applied to the trainer's own accumulation on a small net.
 * Unbiased weights give the standard gradient {@code g+ + g-}; published weights give {@code b g+ + (1-b) g-},
 * which for {@code b != 0.5} points elsewhere, and for {@code b = 0.5} is half the standard gradient.
 */
class IsdWeightsTest {
    static final int CLASSES = 4;
    final ForwardForwardNet net = ForwardForwardNet.of(new int[]{12, 6, 5}, CLASSES, 0.5, Rngs.create(21));
    final double[] image = images(1);
    final double[] other = images(2);

    static double[] images(long seed) {
        var r = Rngs.create(seed);
        double[] x = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return x;
    }

    /** The gradient of every layer, in the net's flat layout, for one example with weight {@code w}. */
    double[] gradient(double[] x, int label, boolean positive, double w) {
        double[] flat = new double[net.parameterCount()];
        net.addGradient(x, label, positive, w, net.newPass(), flat);
        return flat;
    }

    /** E_z of the weighted one-phase gradient: the positive is image/1, the negative other/3 (published-style pairing). */
    double[] expected(ForwardForwardTrainer.IsdWeights weights, double b) {
        PhaseProcess process = RandomBlockPhaseProcess.of(b, 1);
        double[] plus = gradient(image, 1, true, weights.weight(process, Phase.POSITIVE));
        double[] minus = gradient(other, 3, false, weights.weight(process, Phase.NEGATIVE));
        double[] e = new double[plus.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = b * plus[k] + (1 - b) * minus[k];
        }
        return e;
    }

    double[] standard() {
        double[] plus = gradient(image, 1, true, 1);
        double[] minus = gradient(other, 3, false, 1);
        for (int k = 0; k < plus.length; k++) {
            plus[k] += minus[k];
        }
        return plus;
    }

    /** |e - proj_s e| / |e|: 0 when e is parallel to s. */
    static double offDirection(double[] e, double[] s) {
        double es = 0;
        double ss = 0;
        double ee = 0;
        for (int k = 0; k < e.length; k++) {
            es += e[k] * s[k];
            ss += s[k] * s[k];
            ee += e[k] * e[k];
        }
        return Math.sqrt(Math.max(0, ee - es * es / ss) / ee);
    }

    @Test
    void unbiasedWeightsGiveTheStandardGradientForEveryB() {
        double[] s = standard();
        assertTrue(maxAbs(s) > 1e-3, "the example must have a gradient");
        for (double b : new double[]{0.1, 0.3, 0.5, 0.7, 0.9}) {
            double[] e = expected(ForwardForwardTrainer.IsdWeights.UNBIASED, b);
            for (int k = 0; k < s.length; k++) {
                assertEquals(s[k], e[k], 1e-12 * (1 + Math.abs(s[k])), "b=" + b + " parameter " + k);
            }
        }
    }

    @Test
    void publishedWeightsAreBiasedUnlessBIsOneHalf() {
        double[] s = standard();
        double[] half = expected(ForwardForwardTrainer.IsdWeights.PUBLISHED, 0.5);
        for (int k = 0; k < s.length; k++) {
            assertEquals(0.5 * s[k], half[k], 1e-12 * (1 + Math.abs(s[k])), "b=0.5 parameter " + k);
        }
        for (double b : new double[]{0.1, 0.3, 0.7, 0.9}) {
            double off = offDirection(expected(ForwardForwardTrainer.IsdWeights.PUBLISHED, b), s);
            assertTrue(off > 0.05, "b=" + b + ": published expectation should leave the standard direction, off " + off);
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}

package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * One Forward-Forward layer worked by hand: a 2-2 layer with W = [[1, 2], [-1, 0.5]], c = (0.1, -3) on x = (3, 4),
 * whose norm is 5, so x^ = x / 5.0001; unit 0 is active, unit 1 is not. Also the shape checks, the initialisation
 * and the tails of the loss slope.
 */
class ForwardForwardLayerByHandTest {
    static final double[] THETA = {1, 2, -1, 0.5, 0.1, -3};
    static final double[] X = {3, 4};
    static final double NORM = 5 + ForwardForwardLayer.NORM_EPS;

    static ForwardForwardLayer handLayer(double threshold) {
        ForwardForwardLayer layer = ForwardForwardLayer.of(2, 2, threshold);
        System.arraycopy(THETA, 0, layer.parameters(), 0, THETA.length);
        return layer;
    }

    @Test
    void forwardNormalisesAppliesReluAndAveragesTheSquares() {
        ForwardForwardLayer layer = handLayer(1.0);
        ForwardForwardLayer.Activations a = layer.newActivations();
        double z0 = 0.1 + (1 * 3 + 2 * 4) / NORM;
        double z1 = -3 + (-1 * 3 + 0.5 * 4) / NORM;
        double g = layer.forward(X, a);
        assertArrayEquals(new double[]{z0, z1}, a.pre, 1e-15);
        assertArrayEquals(new double[]{z0, 0}, a.activity, 1e-15, "an inactive unit outputs 0");
        assertEquals(z0 * z0 / 2, g, 1e-15, "the mean over both units, the inactive one included");
        assertEquals(g, a.goodness(), 0.0);
        var e = assertThrows(IllegalArgumentException.class, () -> layer.forward(new double[3], a));
        assertTrue(e.getMessage().contains("input has 3 values; the layer takes 2"), e.getMessage());
    }

    @Test
    void theGradientOfThePositiveLossTouchesOnlyTheActiveRow() {
        double threshold = 1.0;
        ForwardForwardLayer layer = handLayer(threshold);
        ForwardForwardLayer.Activations a = layer.newActivations();
        double g = layer.forward(X, a);
        double z0 = a.pre[0];
        // dL/dG = -sigmoid(threshold - G); dG/dz0 = 2 z0 / 2; dz0/dW0i = x^_i; weight 0.5.
        double dz0 = 0.5 * -(1 / (1 + Math.exp(-(threshold - g)))) * z0;
        double[] grad = {7, 7, 7, 1, 1, 1, 1, 1, 1};
        layer.addGradient(a, true, 0.5, grad, 3);
        assertArrayEquals(new double[]{7, 7, 7, 1 + dz0 * 3 / NORM, 1 + dz0 * 4 / NORM, 1, 1, 1 + dz0, 1}, grad,
                1e-15, "written from index 3 on; row 1 and bias 1 of the inactive unit unchanged");
        double[] negative = new double[6];
        layer.addGradient(a, false, 1.0, negative);
        double up = (1 / (1 + Math.exp(-(g - threshold)))) * z0;
        assertArrayEquals(new double[]{up * 3 / NORM, up * 4 / NORM, 0, 0, up, 0}, negative, 1e-15);
    }

    @Test
    void lossAndSlopeAreSoftplusAndSigmoidOfTheMarginAndStayFiniteFarOut() {
        ForwardForwardLayer layer = ForwardForwardLayer.of(1, 1, 2.0);
        assertEquals(2.0, layer.threshold(), 0.0);
        assertEquals(Math.log(1 + Math.exp(1.5)), layer.loss(0.5, true), 1e-15);
        assertEquals(Math.log(1 + Math.exp(-1.5)), layer.loss(0.5, false), 1e-15);
        assertEquals(-1 / (1 + Math.exp(-1.5)), layer.lossSlope(0.5, true), 1e-15);
        assertEquals(1 / (1 + Math.exp(1.5)), layer.lossSlope(0.5, false), 1e-15);
        // A margin of 998 in either direction: exp(998) overflows, the slope must not.
        assertEquals(1.0, layer.lossSlope(1000, false), 0.0);
        assertEquals(0.0, layer.lossSlope(1000, true), 0.0);
        assertEquals(-1.0, layer.lossSlope(-996, true), 0.0);
        assertEquals(0.0, layer.lossSlope(-996, false), 0.0);
        assertEquals(0.5, ForwardForwardLayer.sigmoid(0), 0.0);
    }

    @Test
    void initialisationIsUniformInPlusMinusOneOverRootInInLayoutOrder() {
        ForwardForwardLayer layer = ForwardForwardLayer.initialised(4, 3, 1.5, Rngs.create(8));
        RandomGenerator same = Rngs.create(8);
        double[] t = layer.parameters();
        assertEquals(4 * 3 + 3, t.length);
        for (int k = 0; k < t.length; k++) {
            assertEquals(0.5 * (2 * same.nextDouble() - 1), t[k], 0.0, "entry " + k);
        }
        assertEquals(1.5, layer.threshold(), 0.0);
        // A net draws its layers one after the other from one stream, each at its own bound.
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{4, 9, 2}, 3, 1.0, Rngs.create(8));
        RandomGenerator again = Rngs.create(8);
        double[] theta = net.parameters();
        for (int k = 0; k < theta.length; k++) {
            double bound = k < net.layer(1).offset() ? 0.5 : 1.0 / 3;
            assertEquals(bound * (2 * again.nextDouble() - 1), theta[k], 1e-16, "entry " + k);
        }
    }

    @Test
    void aLayerOverASharedArrayChecksItsWindowAndItsCopyIsItsOwn() {
        double[] shared = new double[9];
        ForwardForwardLayer last = ForwardForwardLayer.over(2, 2, 1.0, shared, 3);
        assertEquals(3, last.offset());
        assertEquals(6, last.parameterCount());
        assertTrue(last.parameters() == shared);
        for (int bad : new int[]{-1, 4}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ForwardForwardLayer.over(2, 2, 1.0, shared, bad));
            assertTrue(e.getMessage().contains("a 2-2 layer at offset " + bad + " needs 6 entries; the array has 9"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ForwardForwardLayer.over(0, 2, 1.0, shared, 0));
        for (int k = 0; k < shared.length; k++) {
            shared[k] = k;
        }
        ForwardForwardLayer copy = last.copy();
        assertEquals(0, copy.offset());
        assertNotSame(shared, copy.parameters());
        assertArrayEquals(new double[]{3, 4, 5, 6, 7, 8}, copy.parameters(), 0.0);
        assertEquals(2, copy.inputSize());
        assertEquals(2, copy.outputSize());
    }

    @Test
    void badShapesAndThresholdsAreRefusedByName() {
        String[][] cases = {{"0", "2", "1"}, {"2", "0", "1"}, {"2", "2", "NaN"}, {"2", "2", "Infinity"}};
        String[] names = {"in", "out", "threshold", "threshold"};
        for (int c = 0; c < cases.length; c++) {
            int in = Integer.parseInt(cases[c][0]);
            int out = Integer.parseInt(cases[c][1]);
            double threshold = Double.parseDouble(cases[c][2]);
            var e = assertThrows(IllegalArgumentException.class, () -> ForwardForwardLayer.of(in, out, threshold));
            assertTrue(e.getMessage().contains(names[c]), e.getMessage());
        }
    }
}

package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The net's label overlay, prediction, error rate and shape, on cases whose answer is known without the net. */
class ForwardForwardNetByHandTest {
    @Test
    void theOverlayClearsTheLabelPixelsAndWritesTheImagesMaximumAtTheLabel() {
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{5, 2}, 3, 1.0, Rngs.create(1));
        double[] out = new double[5];
        net.overlay(new double[]{5, 7, 1, 9, 2}, 1, out);
        assertArrayEquals(new double[]{0, 9, 0, 9, 2}, out, 0.0);
        net.overlay(new double[]{0.5, 0.25, 0.125, 0.1, 0.2}, 2, out);
        assertArrayEquals(new double[]{0, 0, 0.5, 0.1, 0.2}, out, 0.0, "the maximum may sit in a label pixel");
        net.overlay(new double[]{-1, -2, -3, -4, -5}, 0, out);
        assertArrayEquals(new double[]{0, 0, 0, -4, -5}, out, 0.0, "the label value is never below 0");
    }

    @Test
    void theFastAllLabelsGoodnessIgnoresWhatTheImageHasInItsLabelPixels() {
        // The fast path never reads pixels below `classes` except for the maximum; forward() must agree because
        // the overlay clears them. Images with large values there tell the two apart if either forgets.
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{8, 6, 5}, 3, 1.0, Rngs.create(4));
        var r = Rngs.create(12);
        double[] all = new double[3];
        for (int n = 0; n < 20; n++) {
            double[] image = new double[8];
            for (int i = 0; i < 8; i++) {
                image[i] = r.nextDouble();
            }
            net.goodnessForAllLabels(image, net.newPass(), all);
            for (int c = 0; c < 3; c++) {
                assertEquals(net.forward(image, c, net.newPass()), all[c], 1e-12, "image " + n + " label " + c);
            }
        }
    }

    /** A net with every parameter 0: every label has goodness 0, so prediction is decided by the tie rule. */
    static ForwardForwardNet zeroNet(int classes) {
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{6, 4, 3}, classes, 1.0, Rngs.create(2));
        Arrays.fill(net.parameters(), 0.0);
        return net;
    }

    @Test
    void aTieGoesToTheLowestLabelAndTheErrorIsTheFractionOfTheFirstNImages() {
        ForwardForwardNet net = zeroNet(4);
        double[] scratch = new double[4];
        double[][] images = new double[5][6];
        for (double[] image : images) {
            Arrays.fill(image, 0.3);
        }
        assertEquals(0, net.predict(images[0], net.newPass(), scratch));
        assertArrayEquals(new double[4], scratch, 0.0);
        int[] labels = {0, 1, 0, 2, 3};
        assertEquals(3.0 / 5, net.error(images, labels, 5), 0.0);
        assertEquals(3.0 / 5, net.error(images, labels, 50), 0.0, "n beyond the data: all of it");
        assertEquals(1.0 / 3, net.error(images, labels, 3), 0.0);
        assertEquals(0.0, net.error(images, labels, 1), 0.0);
    }

    @Test
    void theLabelWithTheLargestGoodnessIsPredicted() {
        // One layer, one unit, zero weights except the bias and the column of label 2's pixel: only label 2 lights
        // the unit up.
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{4, 1}, 3, 1.0, Rngs.create(2));
        double[] t = net.parameters();
        Arrays.fill(t, 0.0);
        t[2] = 5;
        double[] scratch = new double[3];
        double[] image = {0, 0, 0, 1};
        assertEquals(2, net.predict(image, net.newPass(), scratch));
        // x = (0, 0, 1, 1) / (sqrt 2 + eps): z = 5 / (sqrt 2 + eps), goodness z^2.
        double z = 5 / (Math.sqrt(2) + ForwardForwardLayer.NORM_EPS);
        assertArrayEquals(new double[]{0, 0, z * z}, scratch, 1e-12);
        assertEquals(0.0, net.error(new double[][]{image}, new int[]{2}, 1), 0.0);
        assertEquals(1.0, net.error(new double[][]{image}, new int[]{1}, 1), 0.0);
    }

    @Test
    void shapeAndDescription() {
        ForwardForwardNet net = ForwardForwardNet.of(new int[]{24, 16, 8}, 4, 2.0, Rngs.create(9));
        assertEquals("ff 24-16-8", net.describe());
        assertEquals(2, net.layerCount());
        assertEquals(4, net.classes());
        assertEquals(24, net.inputSize());
        assertEquals(24 * 16 + 16 + 16 * 8 + 8, net.parameterCount());
        assertEquals(24 * 16 + 16, net.layer(1).offset());
        assertEquals(2.0, net.layer(1).threshold(), 0.0);
        var few = assertThrows(IllegalArgumentException.class,
                () -> ForwardForwardNet.of(new int[]{24}, 4, 2.0, Rngs.create(9)));
        assertTrue(few.getMessage().contains("at least one layer: 1"), few.getMessage());
        for (int classes : new int[]{1, 25}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> ForwardForwardNet.of(new int[]{24, 8}, classes, 2.0, Rngs.create(9)));
            assertTrue(e.getMessage().contains("classes"), e.getMessage());
        }
        ForwardForwardNet.of(new int[]{24, 8}, 24, 2.0, Rngs.create(9));
        assertThrows(IllegalArgumentException.class, () -> ForwardForwardNet.of(new int[]{24, 0}, 4, 2.0, Rngs.create(9)));
    }
}

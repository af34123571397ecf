package org.flexphase.data;

import java.util.Arrays;

/**
 * Labelled greyscale images as stored: pixels as unsigned bytes (row-major, {@code rows x cols} per image) and
 * labels as bytes. Views as doubles in [0, 1] or binarised are made on demand, so a 10,000-image set costs 8 MB.
 *
 * <pre>{@code
 * Digits train = MnistSubset.split(MnistSubset.load()).train();
 * double[][] scaled = train.scaled();                          // pixels in [0, 1]
 * }</pre>
 */
public record Digits(String name, int count, int rows, int cols, byte[] pixels, byte[] labels) {
    /** Checks that the pixel and label arrays have the sizes the counts promise. */
    public Digits {
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes for " + count + " images of "
                    + rows + "x" + cols);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + count + " images");
        }
    }

    /** Pixels per image: {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The label (0 to 9) of image {@code image}. */
    public int label(int image) {
        return labels[image];
    }

    /** All labels as ints. */
    public int[] labelArray() {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = labels[k];
        }
        return out;
    }

    /** Pixel {@code k} of image {@code image}, scaled to [0, 1]. */
    public double pixel(int image, int k) {
        return (pixels[image * pixelsPerImage() + k] & 0xFF) / 255.0;
    }

    /** All images as doubles in [0, 1]. */
    public double[][] scaled() {
        double[][] out = new double[count][pixelsPerImage()];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = pixel(i, k);
            }
        }
        return out;
    }

    /** All images binarised: 1 where the scaled pixel exceeds {@code threshold} (docs/experiments.md uses 0.8). */
    public double[][] binarised(double threshold) {
        double[][] out = new double[count][pixelsPerImage()];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = pixel(i, k) > threshold ? 1.0 : 0.0;
            }
        }
        return out;
    }

    /** The images at {@code indices}, in that order. */
    public Digits select(String newName, int[] indices) {
        int n = pixelsPerImage();
        byte[] p = new byte[indices.length * n];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, p, k * n, n);
            l[k] = labels[indices[k]];
        }
        return new Digits(newName, indices.length, rows, cols, p, l);
    }

    /** How many images carry each label {@code 0..classes-1}. */
    public int[] classCounts(int classes) {
        int[] c = new int[classes];
        for (byte b : labels) {
            c[b]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return name + " (" + count + " images " + rows + "x" + cols + ", class counts " + Arrays.toString(classCounts(10)) + ")";
    }
}

package org.flexphase.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Small images (Bars and Stripes patterns, model samples, MNIST digits) drawn side by side as one figure, ink
 * black on white, each pixel scaled up to a square; a notebook displays the returned image inline.
 *
 * <pre>{@code
 * double[][] samples = ...;                       // 4x4 patterns, row-major, pixels in [0, 1]
 * BufferedImage figure = Images.grid(samples, 4, 8, 12,
 *         s -> !BarsAndStripes.isBarOrStripe(s, 4)); // red frame around samples that are not bars or stripes
 * }</pre>
 */
public final class Images {
    private static final Color GAP = new Color(200, 200, 200);
    private static final Color FLAG = new Color(214, 39, 40);

    private Images() {
    }

    /** The images in rows of {@code columns}, each {@code width} pixels wide, every pixel drawn {@code scale} times larger. */
    public static BufferedImage grid(double[][] images, int width, int columns, int scale) {
        return grid(images, width, columns, scale, image -> false);
    }

    /**
     * As {@link #grid(double[][], int, int, int)}, with a red frame around every image {@code flagged} accepts.
     * Pixel values are clipped to [0, 1]; 1 is black.
     */
    public static BufferedImage grid(double[][] images, int width, int columns, int scale, Predicate<double[]> flagged) {
        Objects.requireNonNull(images, "images must not be null");
        Objects.requireNonNull(flagged, "flagged must not be null");
        for (int i = 0; i < images.length; i++) {
            Objects.requireNonNull(images[i], "images[" + i + "] must not be null");
        }
        if (images.length == 0) {
            throw new IllegalArgumentException("no images to draw");
        }
        if (width < 1 || images[0].length % width != 0) {
            throw new IllegalArgumentException("width must divide the image size " + images[0].length + ": " + width);
        }
        if (columns < 1 || scale < 1) {
            throw new IllegalArgumentException("columns and scale must be at least 1: " + columns + ", " + scale);
        }
        int height = images[0].length / width;
        int gap = Math.max(2, scale / 3);
        int tileW = width * scale + gap;
        int tileH = height * scale + gap;
        int rows = (images.length + columns - 1) / columns;
        BufferedImage out = new BufferedImage(Math.min(columns, images.length) * tileW + gap, rows * tileH + gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(GAP);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.length; i++) {
            double[] image = images[i];
            if (image.length != width * height) {
                throw new IllegalArgumentException("image " + i + " has " + image.length + " pixels, expected "
                        + width * height);
            }
            int x0 = gap + (i % columns) * tileW;
            int y0 = gap + (i / columns) * tileH;
            if (flagged.test(image)) {
                g.setColor(FLAG);
                g.fillRect(x0 - gap, y0 - gap, width * scale + 2 * gap, height * scale + 2 * gap);
            }
            for (int k = 0; k < image.length; k++) {
                int level = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, image[k]))));
                g.setColor(new Color(level, level, level));
                g.fillRect(x0 + (k % width) * scale, y0 + (k / width) * scale, scale, scale);
            }
        }
        g.dispose();
        return out;
    }
}

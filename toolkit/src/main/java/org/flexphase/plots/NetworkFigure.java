package org.flexphase.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.ResistorNetwork;

/**
 * A picture of a resistor network in its layout: each edge drawn with width and darkness growing with
 * {@code log k_e} (from {@code k_min} to {@code k_max} of the edges shown), input nodes green, output nodes red, the
 * ground black, hidden nodes small and grey.
 */
public final class NetworkFigure {
    private NetworkFigure() {
    }

    /** Draws {@code net} at {@code size} x {@code size} pixels (plus a title band). */
    public static BufferedImage image(ResistorNetwork net, String title, int size) {
        Objects.requireNonNull(net, "net must not be null");
        Objects.requireNonNull(title, "title must not be null");
        if (size < 100) {
            throw new IllegalArgumentException("size must be at least 100 pixels: " + size);
        }
        Graph g = net.graph();
        double[] k = net.conductances();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : k) {
            lo = Math.min(lo, Math.log(v));
            hi = Math.max(hi, Math.log(v));
        }
        int top = 40;
        BufferedImage img = new BufferedImage(size, size + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, size, size + top);
        gr.setColor(Color.BLACK);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        gr.drawString(title, 10, 18);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        gr.drawString(String.format(java.util.Locale.ROOT, "edge width and darkness ~ log conductance (%.2g .. %.2g);"
                + " inputs green, outputs red, ground black", Math.exp(lo), Math.exp(hi)), 10, 34);
        double margin = 0.04 * size;
        double span = size - 2 * margin;
        double nodeScale = Math.max(2.0, Math.min(8.0, 60.0 / Math.sqrt(g.nodeCount())));
        for (int e = 0; e < g.edgeCount(); e++) {
            double t = hi > lo ? (Math.log(k[e]) - lo) / (hi - lo) : 0.5;
            int shade = (int) Math.round(220 * (1 - t));
            gr.setColor(new Color(shade, shade, Math.min(255, shade + 35)));
            gr.setStroke(new BasicStroke((float) (0.3 + 0.8 * nodeScale * t), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            int a = g.from(e);
            int b = g.to(e);
            gr.draw(new Line2D.Double(margin + span * g.x(a), top + margin + span * g.y(a), margin + span * g.x(b),
                    top + margin + span * g.y(b)));
        }
        boolean[] input = new boolean[g.nodeCount()];
        boolean[] output = new boolean[g.nodeCount()];
        for (int i : net.inputs()) {
            input[i] = true;
        }
        for (int i : net.outputs()) {
            output[i] = true;
        }
        for (int i = 0; i < g.nodeCount(); i++) {
            boolean special = input[i] || output[i] || i == net.ground();
            double r = special ? 1.6 * nodeScale : 0.5 * nodeScale;
            gr.setColor(input[i] ? new Color(44, 160, 44) : output[i] ? new Color(214, 39, 40)
                    : i == net.ground() ? Color.BLACK : Color.GRAY);
            gr.fill(new Ellipse2D.Double(margin + span * g.x(i) - r, top + margin + span * g.y(i) - r, 2 * r, 2 * r));
        }
        gr.dispose();
        return img;
    }

    /** Writes the picture as a PNG (parent folders created). */
    public static void savePng(ResistorNetwork net, String title, int size, Path file) {
        Objects.requireNonNull(net, "net must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(file, "file must not be null");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ImageIO.write(image(net, title, size), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.flexphase.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * XChart line charts of experiment results: one series per method, optionally with a shaded band
 * (for example the spread over seeds), saved as PNG. Notebooks display {@link #image} inline.
 */
public final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    /** A named curve {@code y(x)} with an optional band {@code [low, high]} (both null for none). */
    public record Curve(String name, double[] x, double[] y, double[] low, double[] high) {
        public static Curve of(String name, double[] x, double[] y) {
            return new Curve(name, x, y, null, null);
        }
    }

    /** A line chart of the curves, with log-scaled axes where asked. */
    public static XYChart lineChart(String title, String xLabel, String yLabel, List<Curve> curves,
                                    boolean logX, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBackgroundColor(Color.WHITE);
        int index = 0;
        for (Curve c : curves) {
            if (c.x().length == 0) {
                continue;
            }
            // Colours are set here, not left to XChart's render-time theme, so a band matches its line.
            Color colour = PALETTE[index++ % PALETTE.length];
            XYSeries line = chart.addSeries(c.name(), c.x(), c.y());
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colour);
            if (c.low() != null && c.high() != null) {
                for (double[] edge : new double[][]{c.low(), c.high()}) {
                    XYSeries s = chart.addSeries(c.name() + (edge == c.low() ? " (low)" : " (high)"), c.x(), edge);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(withAlpha(colour, 90));
                    s.setLineWidth(1f);
                    s.setShowInLegend(false);
                }
            }
        }
        return chart;
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Writes {@code chart} as PNG into a temporary {@code .<name>.<random>.tmp} beside {@code file}, then renames it. */
    public static void savePng(XYChart chart, Path file) {
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE))) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write's own failure is the one to report
            }
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }

    /** The chart rendered as an image, for inline display in notebooks. */
    public static BufferedImage image(XYChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}

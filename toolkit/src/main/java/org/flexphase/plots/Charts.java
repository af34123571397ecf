package org.flexphase.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * XChart line charts of experiment results: one series per curve, with an optional shaded band (the spread over
 * seeds, drawn as a filled polygon between its low and high edges) and horizontal reference lines, saved as PNG.
 * Charts from Tablesaw tables go through {@link TableCharts}; notebooks display {@link #image} inline.
 *
 * <pre>{@code
 * XYChart chart = Charts.lineChart(List.of(Charts.Curve.of("loss", steps, loss)),
 *         ChartOptions.titled("Training").axes("step", "loss").logY());
 * BufferedImage shown = Charts.image(chart);
 * }</pre>
 */
public final class Charts {
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    /** A named curve {@code y(x)} with an optional band {@code [low, high]} (both null for none). */
    public record Curve(String name, double[] x, double[] y, double[] low, double[] high) {
        /** Rejects a null name, x or y, values of unequal lengths, and a band with only one edge. */
        public Curve {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(x, "x must not be null");
            Objects.requireNonNull(y, "y must not be null");
            if ((low == null) != (high == null)) {
                throw new IllegalArgumentException("curve '" + name + "': low and high must be both null (no band)"
                        + " or both given; " + (low == null ? "low" : "high") + " is null");
            }
            requireLength(name, "y", y, x.length);
            if (low != null) {
                requireLength(name, "low", low, x.length);
                requireLength(name, "high", high, x.length);
            }
        }

        private static void requireLength(String curve, String what, double[] values, int n) {
            if (values.length != n) {
                throw new IllegalArgumentException("curve '" + curve + "': " + what + " has " + values.length
                        + " values, x has " + n);
            }
        }

        /** A curve without a band. */
        public static Curve of(String name, double[] x, double[] y) {
            return new Curve(name, x, y, null, null);
        }
    }

    /** A line chart of the curves, styled by {@code options} (title, axes, log scales, reference lines, size). */
    public static XYChart lineChart(List<Curve> curves, ChartOptions options) {
        Objects.requireNonNull(curves, "curves must not be null");
        Objects.requireNonNull(options, "options must not be null");
        for (int i = 0; i < curves.size(); i++) {
            Objects.requireNonNull(curves.get(i), "curves[" + i + "] must not be null");
        }
        XYChart chart = new XYChartBuilder().width(options.width).height(options.height)
                .title(options.title).xAxisTitle(options.xLabel).yAxisTitle(options.yLabel).build();
        chart.getStyler().setXAxisLogarithmic(options.logX);
        chart.getStyler().setYAxisLogarithmic(options.logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBackgroundColor(Color.WHITE);
        int index = 0;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            if (c.x().length == 0) {
                continue;
            }
            // Colours are set here, not left to XChart's render-time theme, so a band matches its line.
            Color colour = PALETTE[index++ % PALETTE.length];
            if (c.low() != null && c.high() != null && !java.util.Arrays.equals(c.low(), c.high())) {
                addBand(chart, c, colour);
            }
            XYSeries line = chart.addSeries(c.name(), c.x(), c.y());
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colour);
            for (double x : c.x()) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        if (xMin <= xMax) {
            for (ChartOptions.Reference r : options.references) {
                XYSeries line = chart.addSeries(r.name(), new double[]{xMin, xMax}, new double[]{r.y(), r.y()});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(Color.DARK_GRAY);
                line.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return chart;
    }

    /** The band as one closed polygon: along the high edge, then back along the low edge. */
    private static void addBand(XYChart chart, Curve c, Color colour) {
        int n = c.x().length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = c.x()[i];
            py[i] = c.high()[i];
            px[2 * n - 1 - i] = c.x()[i];
            py[2 * n - 1 - i] = c.low()[i];
        }
        XYSeries band = chart.addSeries(c.name() + " (band)", px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(withAlpha(colour, 60));
        band.setLineColor(withAlpha(colour, 0));
        band.setShowInLegend(false);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Writes {@code chart} as PNG into a temporary {@code .<name>.<random>.tmp} beside {@code file}, then renames it. */
    public static void savePng(XYChart chart, Path file) {
        Objects.requireNonNull(chart, "chart must not be null");
        Objects.requireNonNull(file, "file must not be null");
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
        } catch (RuntimeException e) {
            // A chart XChart cannot render (a size of 0 pixels) fails inside the encoder: leave no temporary behind.
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the rendering failure is the one to report
            }
            throw e;
        }
    }

    /** The chart rendered as an image, for inline display in notebooks. */
    public static BufferedImage image(XYChart chart) {
        Objects.requireNonNull(chart, "chart must not be null");
        return BitmapEncoder.getBufferedImage(chart);
    }
}

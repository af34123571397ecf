package org.flexphase.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a line chart looks, by name instead of positional flags: title, axis labels, log axes, the band drawn around
 * each curve when several rows share an x value (the seeds of a run), the column that splits a table into curves,
 * legend names for columns, horizontal reference lines and the size. Immutable: every method returns a copy.
 *
 * <pre>{@code
 * ChartOptions o = ChartOptions.titled("BAS 4x4: NLL vs Gibbs steps")
 *         .axes("Gibbs steps", "NLL per row (nats)")
 *         .groupBy("mode").band(Band.MIN_MAX).logX()
 *         .reference("optimum", 3.38);
 * }</pre>
 */
public final class ChartOptions {
    /** The spread drawn around a curve whose x values repeat (one row per seed): none, min-max, or percentiles. */
    public record Band(String name, double lowPercentile, double highPercentile) {
        /** Rejects a null name. */
        public Band {
            Objects.requireNonNull(name, "name must not be null");
        }

        /** No band, only the mean. */
        public static final Band NONE = new Band("none", Double.NaN, Double.NaN);
        /** From the minimum to the maximum over the rows at each x. */
        public static final Band MIN_MAX = new Band("min-max", 0, 100);

        /** From the {@code low}-th to the {@code high}-th percentile (0 to 100) of the rows at each x. */
        public static Band percentiles(double low, double high) {
            if (!(0 <= low && low < high && high <= 100)) {
                throw new IllegalArgumentException("band percentiles must satisfy 0 <= low < high <= 100: " + low + ", " + high);
            }
            return new Band(low + "-" + high + " percentile", low, high);
        }

        /** Whether a band is drawn at all. */
        public boolean drawn() {
            return !Double.isNaN(lowPercentile);
        }
    }

    /** A horizontal line at {@code y} across the chart, named in the legend (an optimum, a chance level). */
    public record Reference(String name, double y) {
        /**
         * Rejects a null name. A y that is not finite is kept (and draws no line): a figure's reference can be the
         * mean of runs that diverged, and the figure must still be written.
         */
        public Reference {
            Objects.requireNonNull(name, "name must not be null");
        }
    }

    String title = "";
    String xLabel = "";
    String yLabel = "";
    boolean logX;
    boolean logY;
    Band band = Band.MIN_MAX;
    String groupBy;
    Map<String, String> labels = new LinkedHashMap<>();
    List<Reference> references = new ArrayList<>();
    int width = 800;
    int height = 500;

    private ChartOptions() {
    }

    /** Default options (min-max band, linear axes, 800 x 500) with a title. */
    public static ChartOptions titled(String title) {
        ChartOptions o = new ChartOptions();
        o.title = Objects.requireNonNull(title, "title must not be null");
        return o;
    }

    private ChartOptions copy() {
        ChartOptions o = new ChartOptions();
        o.title = title;
        o.xLabel = xLabel;
        o.yLabel = yLabel;
        o.logX = logX;
        o.logY = logY;
        o.band = band;
        o.groupBy = groupBy;
        o.labels = new LinkedHashMap<>(labels);
        o.references = new ArrayList<>(references);
        o.width = width;
        o.height = height;
        return o;
    }

    /** The same options with another title. */
    public ChartOptions title(String value) {
        Objects.requireNonNull(value, "title must not be null");
        ChartOptions o = copy();
        o.title = value;
        return o;
    }

    /** Axis titles. */
    public ChartOptions axes(String xLabel, String yLabel) {
        Objects.requireNonNull(xLabel, "xLabel must not be null");
        Objects.requireNonNull(yLabel, "yLabel must not be null");
        ChartOptions o = copy();
        o.xLabel = xLabel;
        o.yLabel = yLabel;
        return o;
    }

    /** A logarithmic x axis. */
    public ChartOptions logX() {
        ChartOptions o = copy();
        o.logX = true;
        return o;
    }

    /** A logarithmic y axis. */
    public ChartOptions logY() {
        ChartOptions o = copy();
        o.logY = true;
        return o;
    }

    /** The band drawn around each curve where x values repeat. */
    public ChartOptions band(Band value) {
        Objects.requireNonNull(value, "band must not be null");
        ChartOptions o = copy();
        o.band = value;
        return o;
    }

    /**
     * One curve per distinct value of this column (for charts drawn from a table): text values in order of first
     * appearance, numbers in increasing order and named {@code column = value}.
     */
    public ChartOptions groupBy(String column) {
        Objects.requireNonNull(column, "column must not be null");
        ChartOptions o = copy();
        o.groupBy = column;
        return o;
    }

    /** The legend name of a column or group value (by default its own name). */
    public ChartOptions label(String columnOrGroup, String legend) {
        Objects.requireNonNull(columnOrGroup, "columnOrGroup must not be null");
        Objects.requireNonNull(legend, "legend must not be null");
        ChartOptions o = copy();
        o.labels.put(columnOrGroup, legend);
        return o;
    }

    /** A horizontal reference line. */
    public ChartOptions reference(String name, double y) {
        Reference line = new Reference(name, y);
        ChartOptions o = copy();
        o.references.add(line);
        return o;
    }

    /** The size of the rendered chart in pixels. */
    public ChartOptions size(int widthPixels, int heightPixels) {
        if (widthPixels < 100 || heightPixels < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100 pixels: " + widthPixels + " x " + heightPixels);
        }
        ChartOptions o = copy();
        o.width = widthPixels;
        o.height = heightPixels;
        return o;
    }

    String legend(String name) {
        return labels.getOrDefault(name, name);
    }
}

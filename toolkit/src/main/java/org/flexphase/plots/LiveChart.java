package org.flexphase.plots;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * A chart of a growing history table, redrawn in place at every checkpoint of a training run, with the steps per
 * second and the time left under its x axis. It knows nothing of the notebook kernel: the caller passes in how to
 * show an image and how to replace it. In a JJava notebook:
 *
 * <pre>{@code
 * LiveChart live = LiveChart.of(LiveChart.Display.of(o -> display(o), (id, o) -> updateDisplay(id, o)),
 *         config.steps, "step", List.of("nll_per_row", "nll_per_row_avg"),
 *         ChartOptions.titled("BAS 4x4").axes("Gibbs steps", "NLL per row"));
 * new BoltzmannTrainer(config).train(rbm, rows, Histories.boltzmann(data).then(live));
 * }</pre>
 */
public final class LiveChart implements Consumer<Table> {

    /** Where images go: {@code show} displays a new one and returns its id, {@code update} replaces it. */
    public interface Display {
        /** Shows {@code image} and returns an id to update it by. */
        String show(Object image);

        /** Replaces the image shown under {@code id}. */
        void update(String id, Object image);

        /** A display from two functions, such as JJava's {@code display} and {@code updateDisplay}. */
        static Display of(Function<Object, String> show, BiConsumer<String, Object> update) {
            Objects.requireNonNull(show, "show must not be null");
            Objects.requireNonNull(update, "update must not be null");
            return new Display() {
                @Override
                public String show(Object image) {
                    return show.apply(image);
                }

                @Override
                public void update(String id, Object image) {
                    update.accept(id, image);
                }
            };
        }
    }

    private final Display display;
    private final long totalSteps;
    private final String x;
    private final List<String> ys;
    private final ChartOptions options;
    private final LongSupplier nanoClock;
    private String id;
    private long firstStep;
    private long firstNanos;
    private String status = "";
    private XYChart chart;

    LiveChart(Display display, long totalSteps, String x, List<String> ys, ChartOptions options, LongSupplier nanoClock) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("total steps must be at least 1: " + totalSteps);
        }
        this.display = display;
        this.totalSteps = totalSteps;
        this.x = x;
        this.ys = List.copyOf(ys);
        this.options = options;
        this.nanoClock = nanoClock;
    }

    /** A live chart of columns {@code ys} against {@code x} (the step column) for a run of {@code totalSteps}. */
    public static LiveChart of(Display display, long totalSteps, String x, List<String> ys, ChartOptions options) {
        Objects.requireNonNull(display, "display must not be null");
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(ys, "ys must not be null");
        Objects.requireNonNull(options, "options must not be null");
        for (int i = 0; i < ys.size(); i++) {
            Objects.requireNonNull(ys.get(i), "ys[" + i + "] must not be null");
        }
        return new LiveChart(display, totalSteps, x, ys, options, System::nanoTime);
    }

    /** Redraws the chart from the table's rows so far; the last row's x value is the current step. */
    @Override
    public void accept(Table history) {
        Objects.requireNonNull(history, "history must not be null");
        if (history.rowCount() == 0) {
            return;
        }
        long step = (long) TableCharts.numeric(history, x, "x").getDouble(history.rowCount() - 1);
        long now = nanoClock.getAsLong();
        if (id == null) {
            firstStep = step;
            firstNanos = now;
        }
        status = status(step, now);
        // The status goes under the x axis: a title long enough to hold it would be clipped.
        chart = TableCharts.line(history, x, ys, options.axes(options.xLabel + "   [" + status + "]", options.yLabel));
        BufferedImage image = Charts.image(chart);
        if (id == null) {
            id = display.show(image);
        } else {
            display.update(id, image);
        }
    }

    private String status(long step, long now) {
        double seconds = (now - firstNanos) / 1e9;
        String done = String.format("step %,d of %,d", step, totalSteps);
        if (step <= firstStep || seconds <= 0) {
            return done;
        }
        double rate = (step - firstStep) / seconds;
        long left = Math.round((totalSteps - step) / rate);
        return String.format("%s, %,.0f steps/s, %d:%02d left", done, rate, left / 60, left % 60);
    }

    /** The status shown in the title at the last redraw: step, steps per second and time left. */
    public String status() {
        return status;
    }

    /** The chart of the last redraw (null before the first), to save it with {@link Charts#savePng}. */
    public XYChart chart() {
        return chart;
    }
}

package org.flexphase.runs;

import java.util.List;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.TableCharts;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * The {@code history.png} of a single run, drawn from the history table written beside it, so a notebook that
 * reads {@code history.csv} back draws the same picture ({@code experiments.Figures} offers the same charts).
 *
 * <pre>{@code
 * Table history = Histories.read(Path.of("out/local/history.csv"));
 * BufferedImage shown = Charts.image(RunCharts.boltzmannHistory(history, "local"));
 * }</pre>
 */
public final class RunCharts {
    private RunCharts() {
    }

    /** A Boltzmann machine's history: NLL per row of the current and averaged parameters against Gibbs steps. */
    public static XYChart boltzmannHistory(Table history, String title) {
        return TableCharts.line(history, "step", List.of("nll_per_row", "nll_per_row_avg"),
                ChartOptions.titled(title).axes("Gibbs steps", "NLL per row (nats)")
                        .label("nll_per_row", "NLL per row (current)").label("nll_per_row_avg", "NLL per row (averaged)"));
    }

    /** A classifier's history: the error columns named against the step column. */
    public static XYChart errorHistory(Table history, String title, String xLabel, List<String> columns) {
        return errorHistory(history, title, "step", xLabel, columns);
    }

    /** A classifier's history: the error columns against the column {@code x}. */
    public static XYChart errorHistory(Table history, String title, String x, String xLabel, List<String> columns) {
        ChartOptions o = ChartOptions.titled(title).axes(xLabel, "classification error");
        for (String c : columns) {
            o = o.label(c, c.replace('_', ' '));
        }
        return TableCharts.line(history, x, columns, o);
    }

}

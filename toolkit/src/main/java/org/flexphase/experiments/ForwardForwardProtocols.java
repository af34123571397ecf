package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.plots.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The published Forward-Forward protocol beside the toolkit's (docs/design-notes.md, "Forward-Forward
 * protocols"): standard and isd (b = 0.5) under paired negatives with unbiased weights (the runs of
 * {@code mnist_ff_error_vs_steps}, group {@code a:}) and under the published script's fixed permuted negatives
 * with weights 1 (group {@code p:}), same seeds. Draws test error against steps (mean and min-max over seeds) and
 * tabulates the final errors on all 2,000 test digits.
 */
final class ForwardForwardProtocols {
    static final String PAIRED = "a:";
    static final String PUBLISHED = "p:";
    static final String[] MODES = {"standard", "isd"};

    private ForwardForwardProtocols() {
    }

    /** The cells compared, as {protocol, mode, sweep group} in drawing order. */
    static List<String[]> groups() {
        List<String[]> g = new ArrayList<>();
        for (String prefix : new String[]{PAIRED, PUBLISHED}) {
            for (String mode : MODES) {
                g.add(new String[]{prefix.equals(PAIRED) ? "paired" : "published", mode, prefix + mode});
            }
        }
        return g;
    }

    /** Writes {@code mnist_ff_protocols_vs_steps.{csv,png}} and {@code mnist_ff_protocols_final.csv}. */
    static Map<String, Table> write(List<Sweep.JobResult> done, Path out, MnistProfile profile) {
        Table steps = Table.create("mnist_ff_protocols_vs_steps", StringColumn.create("protocol"),
                StringColumn.create("mode"), DoubleColumn.create("step"), DoubleColumn.create("mean"),
                DoubleColumn.create("min"), DoubleColumn.create("max"));
        Table fin = Table.create("mnist_ff_protocols_final", StringColumn.create("protocol"),
                StringColumn.create("mode"), IntColumn.create("seeds"), DoubleColumn.create("mean_test_error"),
                DoubleColumn.create("sd_test_error"), DoubleColumn.create("min_test_error"),
                DoubleColumn.create("max_test_error"), DoubleColumn.create("mean_train_error"));
        List<Charts.Curve> curves = new ArrayList<>();
        for (String[] g : groups()) {
            List<Sweep.JobResult> runs = done.stream().filter(r -> r.job().group().equals(g[2])).toList();
            if (runs.isEmpty()) {
                continue;
            }
            List<Table> hs = runs.stream().map(Sweep.JobResult::history).toList();
            int n = hs.stream().mapToInt(Table::rowCount).min().orElse(0);
            double[][] band = SeedStats.band(hs, "test_error", n);
            double[] x = new double[n];
            for (int r = 0; r < n; r++) {
                x[r] = hs.get(0).numberColumn("step").getDouble(r);
                steps.stringColumn("protocol").append(g[0]);
                steps.stringColumn("mode").append(g[1]);
                steps.doubleColumn("step").append(x[r]);
                steps.doubleColumn("mean").append(band[0][r]);
                steps.doubleColumn("min").append(band[1][r]);
                steps.doubleColumn("max").append(band[2][r]);
            }
            curves.add(new Charts.Curve(g[1] + ", " + g[0], x, band[0], band[1], band[2]));
            appendFinal(fin, g, runs, out);
        }
        RunFiles.writeCsv(steps, out.resolve("mnist_ff_protocols_vs_steps.csv"));
        RunFiles.writeCsv(fin, out.resolve("mnist_ff_protocols_final.csv"));
        int seeds = fin.rowCount() == 0 ? 0 : (int) fin.intColumn("seeds").min();
        Charts.savePng(Charts.lineChart("MNIST Forward-Forward, paired vs published protocol: test error vs steps, "
                        + profile.ffEpochs() + " epoch(s), " + seeds + "+ seeds", "training steps (one image each)",
                "test error", curves, false, false), out.resolve("mnist_ff_protocols_vs_steps.png"));
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(steps.name(), steps);
        tables.put(fin.name(), fin);
        return tables;
    }

    /** One row of final errors (all test digits, from each run's summary) for one protocol and mode. */
    private static void appendFinal(Table fin, String[] g, List<Sweep.JobResult> runs, Path out) {
        double[] test = new double[runs.size()];
        double train = 0;
        for (int i = 0; i < runs.size(); i++) {
            var summary = RunFiles.readJson(out.resolve("runs").resolve(runs.get(i).job().key()).resolve("summary.json"));
            test[i] = summary.get("final").get("test_error").asDouble();
            train += summary.get("final").get("train_error").asDouble() / runs.size();
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : test) {
            mean += v / test.length;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double ss = 0;
        for (double v : test) {
            ss += (v - mean) * (v - mean);
        }
        fin.stringColumn("protocol").append(g[0]);
        fin.stringColumn("mode").append(g[1]);
        fin.intColumn("seeds").append(test.length);
        fin.doubleColumn("mean_test_error").append(mean);
        fin.doubleColumn("sd_test_error").append(test.length > 1 ? Math.sqrt(ss / (test.length - 1)) : Double.NaN);
        fin.doubleColumn("min_test_error").append(min);
        fin.doubleColumn("max_test_error").append(max);
        fin.doubleColumn("mean_train_error").append(train);
    }
}

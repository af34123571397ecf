package org.flexphase.experiments.mnist;

import org.flexphase.experiments.Figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.plots.Charts;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.SeedStats;
import org.flexphase.sweeps.Sweep;
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
        for (String[] g : groups()) {
            List<Sweep.JobResult> runs = done.stream().filter(r -> !r.diverged() && r.job().group().equals(g[2]))
                    .toList();
            if (runs.isEmpty()) {
                continue;
            }
            Table band = SeedStats.band(runs.stream().map(Sweep.JobResult::history).toList(), "test_error");
            for (int r = 0; r < band.rowCount(); r++) {
                steps.stringColumn("protocol").append(g[0]);
                steps.stringColumn("mode").append(g[1]);
                steps.doubleColumn("step").append(band.doubleColumn("step").get(r));
                for (String stat : new String[]{"mean", "min", "max"}) {
                    steps.doubleColumn(stat).append(band.doubleColumn(stat).get(r));
                }
            }
            appendFinal(fin, g, runs, out);
        }
        RunFiles.writeCsv(steps, out.resolve("mnist_ff_protocols_vs_steps.csv"));
        RunFiles.writeCsv(fin, out.resolve("mnist_ff_protocols_final.csv"));
        int seeds = fin.rowCount() == 0 ? 0 : (int) fin.intColumn("seeds").min();
        Charts.savePng(Figures.ffProtocolsVsSteps(steps, "MNIST Forward-Forward protocols: test error, "
                + profile.ffEpochs() + " epoch(s), " + seeds + "+ seeds"),
                out.resolve("mnist_ff_protocols_vs_steps.png"));
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(steps.name(), steps);
        tables.put(fin.name(), fin);
        return tables;
    }

    /** One row of final errors (all test digits, from each run's summary) for one protocol and mode. */
    private static void appendFinal(Table fin, String[] g, List<Sweep.JobResult> runs, Path out) {
        DoubleColumn test = DoubleColumn.create("test_error");
        DoubleColumn train = DoubleColumn.create("train_error");
        for (Sweep.JobResult r : runs) {
            var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
            test.append(summary.get("final").get("test_error").asDouble());
            train.append(summary.get("final").get("train_error").asDouble());
        }
        fin.stringColumn("protocol").append(g[0]);
        fin.stringColumn("mode").append(g[1]);
        fin.intColumn("seeds").append(test.size());
        fin.doubleColumn("mean_test_error").append(test.mean());
        fin.doubleColumn("sd_test_error").append(test.size() > 1 ? test.standardDeviation() : Double.NaN);
        fin.doubleColumn("min_test_error").append(test.min());
        fin.doubleColumn("max_test_error").append(test.max());
        fin.doubleColumn("mean_train_error").append(train.mean());
    }
}

package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flexphase.plots.Charts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Bars-and-Stripes experiment of the paper (RBM, 16 hidden units, BAS 4x4): (a) NLL per row against Gibbs
 * steps for standard CD-1, ISD, temporally local learning and exact ascent, mean and min–max over seeds;
 * (b) final NLL against the positive-phase probability b; (c) final NLL against the mean phase length 1/p.
 * Each figure is a PNG with its CSV beside it.
 *
 * <pre>{@code
 * Map<String, Table> tables = new BasExperiment(BasProfile.of("quick")).run(Path.of("results/bas"), 2, f -> { });
 * Charts.image(Figures.basNllVsSteps(tables.get("bas_nll_vs_steps")));
 * }</pre>
 */
public final class BasExperiment {
    static final double[] B_VALUES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    static final double[] SWITCH_PROBS = {0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005};

    private final BasProfile profile;

    /** The experiment at the sizes of {@code profile}. */
    public BasExperiment(BasProfile profile) {
        this.profile = profile;
    }

    /**
     * The experiment as a sweep spec, the same format {@code sweep} and the Spark runner read: curves (a) over
     * {@code seeds}, points (b) and (c) over {@code sweepSeeds}, each entry labelled with its group.
     * {@link #run} writes it as {@code reproduce-spec.json}, so the same runs can be sent to a cluster.
     */
    public ObjectNode spec() {
        ObjectNode root = RunFiles.json().createObjectNode();
        ObjectNode base = root.putObject("base");
        base.put("data", "bas4").put("hidden", profile.hidden()).put("visible_biases", true).put("init_sd", 0.01)
                .put("mode", "local").put("b", 0.5).put("cd_k", 1).put("switch_prob", 0.05).put("phase_length", 20)
                .put("steps", profile.steps()).put("eval_every", profile.evalEvery())
                .put("lr_schedule", "constant").put("lr", profile.localRate());
        ArrayNode runs = root.putArray("runs");
        double eta = profile.localRate();
        entry(runs, "a:standard", profile.seeds()).put("mode", "standard").put("lr", 2 * eta);
        entry(runs, "a:isd", profile.seeds()).put("mode", "isd").put("phase_length", 20);
        entry(runs, "a:local", profile.seeds()).put("switch_prob", 0.05);
        entry(runs, "a:exact", profile.seeds()).put("mode", "exact").put("exact_stride", profile.exactStride())
                .put("lr", BasProfile.EXACT_RATE);
        for (double b : B_VALUES) {
            entry(runs, "b:" + b, profile.sweepSeeds()).put("b", b);
        }
        for (double p : SWITCH_PROBS) {
            entry(runs, "c:" + p, profile.sweepSeeds()).put("switch_prob", p);
        }
        return root;
    }

    private static ObjectNode entry(ArrayNode runs, String group, int seeds) {
        ObjectNode e = runs.addObject();
        e.put("group", group);
        ArrayNode s = e.putArray("seeds");
        for (int k = 1; k <= seeds; k++) {
            s.add(k);
        }
        return e;
    }

    /** All runs of the three figures: the spec, parsed. */
    public List<RunSpec> specs() {
        return SweepSpec.parse(spec());
    }

    /** Runs (or resumes) every run into {@code out} and writes the figures and tables; returns the tables by name. */
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.Finished> onDone) {
        RunFiles.writeJson(spec(), out.resolve("reproduce-spec.json"));
        List<Sweep.Finished> done = new Sweep(out, threads).run(specs(), onDone);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("bas_nll_vs_steps", curves(done, out));
        tables.put("bas_nll_vs_b", finals(done, "b:", "b", out, "bas_nll_vs_b"));
        tables.put("bas_nll_vs_phase_length", finals(done, "c:", "mean_phase_length", out, "bas_nll_vs_phase_length"));
        Table runs = Table.create("runs", StringColumn.create("group"), StringColumn.create("key"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_nll"), DoubleColumn.create("final_nll_avg"));
        for (Sweep.Finished f : done) {
            runs.stringColumn("group").append(f.spec().group());
            runs.stringColumn("key").append(f.spec().key());
            runs.doubleColumn("seed").append(f.spec().config().seed);
            runs.doubleColumn("final_nll").append(last(f.history(), "nll_per_row"));
            runs.doubleColumn("final_nll_avg").append(last(f.history(), "nll_per_row_avg"));
        }
        RunFiles.writeCsv(runs, out.resolve("bas_runs.csv"));
        tables.put("bas_runs", runs);
        return tables;
    }

    private Table curves(List<Sweep.Finished> done, Path out) {
        Table t = Table.create("bas_nll_vs_steps", StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("mean_avg"), DoubleColumn.create("min_avg"), DoubleColumn.create("max_avg"));
        for (String mode : List.of("standard", "isd", "local", "exact")) {
            List<Table> hs = done.stream().filter(f -> f.spec().group().equals("a:" + mode)).map(Sweep.Finished::history).toList();
            if (hs.isEmpty()) {
                continue;
            }
            int n = hs.stream().mapToInt(Table::rowCount).min().orElse(0);
            double[] x = new double[n];
            double[][] cur = SeedStats.band(hs, "nll_per_row", n);
            double[][] avg = SeedStats.band(hs, "nll_per_row_avg", n);
            for (int r = 0; r < n; r++) {
                x[r] = hs.get(0).longColumn("step").get(r);
                t.stringColumn("mode").append(mode);
                t.doubleColumn("step").append(x[r]);
                t.doubleColumn("mean").append(cur[0][r]);
                t.doubleColumn("min").append(cur[1][r]);
                t.doubleColumn("max").append(cur[2][r]);
                t.doubleColumn("mean_avg").append(avg[0][r]);
                t.doubleColumn("min_avg").append(avg[1][r]);
                t.doubleColumn("max_avg").append(avg[2][r]);
            }
        }
        RunFiles.writeCsv(t, out.resolve("bas_nll_vs_steps.csv"));
        Charts.savePng(Figures.basNllVsSteps(t), out.resolve("bas_nll_vs_steps.png"));
        return t;
    }

    private Table finals(List<Sweep.Finished> done, String prefix, String xName, Path out, String name) {
        Table t = Table.create(name, DoubleColumn.create(xName), DoubleColumn.create("mean"), DoubleColumn.create("min"),
                DoubleColumn.create("max"), DoubleColumn.create("mean_avg"), DoubleColumn.create("min_avg"),
                DoubleColumn.create("max_avg"));
        Map<Double, List<Table>> byX = new LinkedHashMap<>();
        for (Sweep.Finished f : done) {
            if (f.spec().group().startsWith(prefix)) {
                double v = Double.parseDouble(f.spec().group().substring(prefix.length()));
                byX.computeIfAbsent(prefix.equals("c:") ? 1.0 / v : v, k -> new ArrayList<>()).add(f.history());
            }
        }
        List<Double> xs = new ArrayList<>(byX.keySet());
        xs.sort(Double::compare);
        for (double x : xs) {
            double[] cur = SeedStats.finalStats(byX.get(x), "nll_per_row");
            double[] avg = SeedStats.finalStats(byX.get(x), "nll_per_row_avg");
            t.doubleColumn(xName).append(x);
            t.doubleColumn("mean").append(cur[0]);
            t.doubleColumn("min").append(cur[1]);
            t.doubleColumn("max").append(cur[2]);
            t.doubleColumn("mean_avg").append(avg[0]);
            t.doubleColumn("min_avg").append(avg[1]);
            t.doubleColumn("max_avg").append(avg[2]);
        }
        RunFiles.writeCsv(t, out.resolve(name + ".csv"));
        Charts.savePng(Figures.basFinalNll(t, xName),
                out.resolve(name + ".png"));
        return t;
    }

    static double last(Table h, String col) {
        return h.doubleColumn(col).get(h.rowCount() - 1);
    }
}

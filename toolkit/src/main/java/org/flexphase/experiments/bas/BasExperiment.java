package org.flexphase.experiments.bas;

import org.flexphase.experiments.Figures;

import org.flexphase.experiments.Experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flexphase.plots.Charts;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.SeedStats;
import org.flexphase.sweeps.Sweep;
import org.flexphase.sweeps.SweepSpec;
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
public final class BasExperiment implements Experiment {
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

    @Override
    public String name() {
        return "bas";
    }

    @Override
    public List<Sweep.Job> jobs() {
        return specs().stream().map(Sweep::job).toList();
    }

    @Override
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        RunFiles.writeJson(spec(), out.resolve("reproduce-spec.json"));
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(jobs(), onDone);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("bas_nll_vs_steps", curves(done, out));
        tables.put("bas_nll_vs_b", finals(done, "b:", "b", out, "bas_nll_vs_b"));
        tables.put("bas_nll_vs_phase_length", finals(done, "c:", "mean_phase_length", out, "bas_nll_vs_phase_length"));
        Table runs = Table.create("runs", StringColumn.create("group"), StringColumn.create("key"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_nll"), DoubleColumn.create("final_nll_avg"));
        for (Sweep.JobResult f : done) {
            runs.stringColumn("group").append(f.job().group());
            runs.stringColumn("key").append(f.job().key());
            runs.doubleColumn("seed").append(((Number) f.job().description().get("seed")).doubleValue());
            runs.doubleColumn("final_nll").append(last(f.history(), "nll_per_row"));
            runs.doubleColumn("final_nll_avg").append(last(f.history(), "nll_per_row_avg"));
        }
        RunFiles.writeCsv(runs, out.resolve("bas_runs.csv"));
        tables.put("bas_runs", runs);
        return tables;
    }

    private Table curves(List<Sweep.JobResult> done, Path out) {
        Table t = Table.create("bas_nll_vs_steps", StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"),
                DoubleColumn.create("mean_avg"), DoubleColumn.create("min_avg"), DoubleColumn.create("max_avg"));
        for (String mode : List.of("standard", "isd", "local", "exact")) {
            List<Table> hs = done.stream().filter(f -> !f.diverged() && f.job().group().equals("a:" + mode))
                    .map(Sweep.JobResult::history).toList();
            if (hs.isEmpty()) {
                continue;
            }
            Table cur = SeedStats.band(hs, "nll_per_row");
            Table avg = SeedStats.band(hs, "nll_per_row_avg");
            double[] x = cur.doubleColumn("step").asDoubleArray();
            for (int r = 0; r < x.length; r++) {
                t.stringColumn("mode").append(mode);
                t.doubleColumn("step").append(x[r]);
                for (String stat : new String[]{"mean", "min", "max"}) {
                    t.doubleColumn(stat).append(cur.doubleColumn(stat).get(r));
                    t.doubleColumn(stat + "_avg").append(avg.doubleColumn(stat).get(r));
                }
            }
        }
        RunFiles.writeCsv(t, out.resolve("bas_nll_vs_steps.csv"));
        Charts.savePng(Figures.basNllVsSteps(t), out.resolve("bas_nll_vs_steps.png"));
        return t;
    }

    private Table finals(List<Sweep.JobResult> done, String prefix, String xName, Path out, String name) {
        Table finals = Table.create("finals", DoubleColumn.create(xName), DoubleColumn.create("nll_per_row"),
                DoubleColumn.create("nll_per_row_avg"));
        for (Sweep.JobResult f : done) {
            if (!f.diverged() && f.job().group().startsWith(prefix)) {
                double v = Double.parseDouble(f.job().group().substring(prefix.length()));
                finals.doubleColumn(xName).append(prefix.equals("c:") ? 1.0 / v : v);
                finals.doubleColumn("nll_per_row").append(last(f.history(), "nll_per_row"));
                finals.doubleColumn("nll_per_row_avg").append(last(f.history(), "nll_per_row_avg"));
            }
        }
        Table cur = SeedStats.summarize(finals, "nll_per_row", xName);
        Table avg = SeedStats.summarize(finals, "nll_per_row_avg", xName);
        Table t = Table.create(name, cur.doubleColumn(xName), cur.doubleColumn("mean"), cur.doubleColumn("min"),
                cur.doubleColumn("max"), avg.doubleColumn("mean").setName("mean_avg"),
                avg.doubleColumn("min").setName("min_avg"), avg.doubleColumn("max").setName("max_avg"));
        RunFiles.writeCsv(t, out.resolve(name + ".csv"));
        Charts.savePng(Figures.basFinalNll(t, xName),
                out.resolve(name + ".png"));
        return t;
    }

    static double last(Table h, String col) {
        return h.doubleColumn(col).get(h.rowCount() - 1);
    }
}

package org.flexphase.experiments.networks;

import org.flexphase.circuits.TaskKind;

import org.flexphase.circuits.Relaxation;

import org.flexphase.circuits.CouplingMode;

import org.flexphase.learning.TraceGate;

import static org.flexphase.util.InvalidSetting.requireLabel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Final cost of flexible-phase coupled learning against {@code p / r} (docs/experiments.md, "Physical networks"):
 * a 14-node network small enough for flexible phases to learn, the regression task, {@code p} varied at
 * {@code r = 0.5} and {@code r} varied at {@code p = 0.05}, 5 seeds (3 in the quick profile) (each seed its own network, task and run), and
 * standard coupled learning on the same seeds as the reference. The flexible rate is one fixed {@code α} per step
 * for every {@code p}, so the mean drift per step is the same across the grid and only the bias and the noise of
 * the increments change with {@code p} and {@code r}. Each flexible cell runs twice: with the plain rule and with the
 * phase-gated potential trace of {@code network --mode local}'s defaults (free-only gate, {@code tau = 4}, no hold;
 * docs/theory.md section 5.3) at the same {@code p}, {@code r}, rate and seed, so the two arms differ only in the
 * trace.
 */
final class NetworkPhaseRatio {
    static final int NODES = 14;
    static final long STEPS = 100_000;
    /** Seeds of the full profile (the quick profile runs 3; {@link NetworkExperiment.Profile}). */
    static final int SEEDS = 5;
    static final double FIXED_R = 0.5;
    static final double[] PS_AT_FIXED_R = {0.0025, 0.01, 0.05, 0.2, 0.5, 1.0};
    static final double FIXED_P = 0.05;
    /** r = 0.5 at p = 0.05 is already in the p arm. */
    static final double[] RS_AT_FIXED_P = {1.0, 0.125, 0.05, 0.025};
    static final double FLEXIBLE_LR = 0.002;
    static final double STANDARD_LR = 2.0;
    /** The gated arm's trace: {@code network --mode local}'s default ({@link NetworkSettings#LOCAL_DEFAULTS}). */
    static final double GATED_TAU = NetworkSettings.LOCAL_DEFAULTS.traceTau();
    static final TraceGate GATED_GATE = NetworkSettings.LOCAL_DEFAULTS.gate();
    /** Suffix of the gated arms' names: {@code p gated} and {@code r gated}. */
    static final String GATED = " gated";
    static final String GROUP = "ratio";

    private NetworkPhaseRatio() {
    }

    static NetworkSettings settings(String mode, double p, double r, long seed) {
        NetworkSettings d = NetworkSettings.DEFAULTS;
        boolean local = mode.equals("local");
        return d.withTask(TaskKind.REGRESSION).withNodes(NODES)
                .withMode(requireLabel("mode", mode, CouplingMode.class)).withRelax(Relaxation.Kind.UNIFORM)
                .withRelaxRate(r).withSwitchProb(local ? p : d.switchProb()).withPresentProb(local ? p / 5 : 0.05)
                .withB(0.5).withLr(local ? FLEXIBLE_LR : STANDARD_LR).withSteps(STEPS).withEvalEvery(STEPS / 20)
                .withSeed(seed);
    }

    /** The flexible cell {@code (p, r, seed)} with the phase-gated potential trace added. */
    static NetworkSettings gated(double p, double r, long seed) {
        return settings("local", p, r, seed).withTraceTau(GATED_TAU).withTraceGate(GATED_GATE);
    }

    /**
     * Groups {@code ratio:standard} and {@code ratio:<arm>:<p>:<r>} with arm {@code p} or {@code r} (plain rule) and
     * {@code p gated} or {@code r gated} (the same cells with the gated trace).
     */
    static List<RunSpec> specs(int seeds) {
        List<RunSpec> specs = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            specs.add(new RunSpec(GROUP + ":standard", settings("standard", 0, FIXED_R, seed)));
            for (double p : PS_AT_FIXED_R) {
                specs.add(new RunSpec(GROUP + ":p:" + p + ":" + FIXED_R, settings("local", p, FIXED_R, seed)));
                specs.add(new RunSpec(GROUP + ":p" + GATED + ":" + p + ":" + FIXED_R, gated(p, FIXED_R, seed)));
            }
            for (double r : RS_AT_FIXED_P) {
                specs.add(new RunSpec(GROUP + ":r:" + FIXED_P + ":" + r, settings("local", FIXED_P, r, seed)));
                specs.add(new RunSpec(GROUP + ":r" + GATED + ":" + FIXED_P + ":" + r, gated(FIXED_P, r, seed)));
            }
        }
        return specs;
    }

    /** One row per run ({@code network_final_vs_p_over_r.csv}) and the figure of its mean and min-max over seeds. */
    static Table tables(List<Sweep.JobResult> done, Path out) {
        Table runs = Table.create("network_final_vs_p_over_r", StringColumn.create("arm"), DoubleColumn.create("p"),
                DoubleColumn.create("relax_rate"), DoubleColumn.create("p_over_r"), IntColumn.create("seed"),
                DoubleColumn.create("initial_cost"), DoubleColumn.create("final_cost"),
                DoubleColumn.create("relative_cost"), DoubleColumn.create("late_relative_cost"));
        for (Sweep.JobResult r : done) {
            String[] g = r.job().group().split(":");
            if (!g[0].equals(GROUP)) {
                continue;
            }
            var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
            double c0 = summary.get("initial_cost").asDouble();
            double cost = summary.get("final").get("cost").asDouble();
            double[] history = r.history().doubleColumn("cost").asDoubleArray();
            double late = 0;
            int lateCount = Math.min(5, history.length);
            for (int i = history.length - lateCount; i < history.length; i++) {
                late += history[i] / lateCount;
            }
            boolean standard = g[1].equals("standard");
            double p = standard ? Double.NaN : Double.parseDouble(g[2]);
            double relax = standard ? FIXED_R : Double.parseDouble(g[3]);
            runs.stringColumn("arm").append(standard ? "standard" : g[1]);
            runs.doubleColumn("p").append(p);
            runs.doubleColumn("relax_rate").append(relax);
            runs.doubleColumn("p_over_r").append(p / relax);
            runs.intColumn("seed").append(((Number) r.job().description().get("seed")).intValue());
            runs.doubleColumn("initial_cost").append(c0);
            runs.doubleColumn("final_cost").append(cost);
            runs.doubleColumn("relative_cost").append(cost / c0);
            runs.doubleColumn("late_relative_cost").append(late / c0);
        }
        RunFiles.writeCsv(runs, out.resolve("network_final_vs_p_over_r.csv"));
        Table standard = runs.where(runs.stringColumn("arm").isEqualTo("standard"));
        double standardMean = standard.doubleColumn("relative_cost").mean();
        int seeds = standard.rowCount();
        List<Charts.Curve> curves = new ArrayList<>();
        curves.add(curve(runs, "p", String.format(Locale.ROOT, "flexible, p varied at r = %s", FIXED_R)));
        curves.add(curve(runs, "r", String.format(Locale.ROOT, "flexible, r varied at p = %s", FIXED_P)));
        curves.add(curve(runs, "p" + GATED, String.format(Locale.ROOT,
                "gated trace (tau %s), p varied at r = %s", GATED_TAU, FIXED_R)));
        curves.add(curve(runs, "r" + GATED, String.format(Locale.ROOT,
                "gated trace (tau %s), r varied at p = %s", GATED_TAU, FIXED_P)));
        Charts.savePng(Charts.lineChart(curves, ChartOptions.titled(String.format(Locale.ROOT,
                        "Flexible phases vs p / r (%d nodes, %,d steps, %d seeds, mean and min-max)", NODES, STEPS,
                        seeds))
                        .axes("switching probability p / relaxation rate r", "final cost / initial cost").logX().logY()
                        .reference("standard (mean of " + seeds + " seeds)", standardMean)),
                out.resolve("network_final_vs_p_over_r.png"));
        return runs;
    }

    /** Mean and min-max over seeds of one arm's relative final cost, sorted by p / r. */
    private static Charts.Curve curve(Table runs, String arm, String name) {
        Map<Double, List<Double>> byRatio = new TreeMap<>();
        Table t = runs.where(runs.stringColumn("arm").isEqualTo(arm));
        for (int i = 0; i < t.rowCount(); i++) {
            byRatio.computeIfAbsent(t.doubleColumn("p_over_r").get(i), k -> new ArrayList<>())
                    .add(t.doubleColumn("relative_cost").get(i));
        }
        int n = byRatio.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int k = 0;
        for (var e : byRatio.entrySet()) {
            x[k] = e.getKey();
            mean[k] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            low[k] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            high[k] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            k++;
        }
        return new Charts.Curve(name, x, mean, low, high);
    }
}

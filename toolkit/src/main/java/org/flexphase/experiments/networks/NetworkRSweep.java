package org.flexphase.experiments.networks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.TaskKind;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.runs.NetworkRun;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Learning beyond the quasistatic limit (docs/experiments.md, "The R sweep"): the learning time {@code alpha t} to
 * bring the cost to {@link #THRESHOLD} of its start and keep it there, against {@code R = alpha / gamma}, for standard coupled
 * learning, twin networks and flexible phases, with continuous-time relaxation ({@code relax ode}, {@code gamma = 1})
 * on the anchor's task shape: 64 nodes, 5 inputs, 3 outputs, one example, nudge 1e-3, a teacher task (realisable, so
 * the threshold is reachable), and on the curves' regression task (3 inputs, 2 outputs, 5 examples) at the same nudge,
 * timed to {@link #REGRESSION_THRESHOLD} of the start. Each seed is its own network, task and run. The step is {@code dt =
 * min(DT_MAX, A / alpha)}: a learning step {@code alpha dt} of at most {@link #A} per step (the conductances move by a
 * bounded amount however large {@code alpha} is), and relaxation {@code gamma dt <= DT_MAX} per step when learning is
 * slow. A run has the budget {@code alpha t <= budget}; one that does not reach the threshold within it is reported
 * with its final relative cost and no learning time.
 */
final class NetworkRSweep {
    static final String GROUP = "rsweep";
    /** The teacher task's threshold: its floor is 0, so the cost must fall by 10. */
    static final double THRESHOLD = 0.1;
    /**
     * The regression task's threshold: half the start, because its floor, what the particular network can express of
     * a random linear map, is a sizeable fraction of the start on some seeds (docs/experiments.md).
     */
    static final double REGRESSION_THRESHOLD = 0.5;
    static final String[] TASKS = {"teacher", "regression"};
    static final double A = 0.05;
    static final double DT_MAX = 10;
    static final int NODES = 64;
    static final String[] SCHEMES = {"standard", "twin", "local"};

    /** The R grid, the seeds and the budget in {@code alpha t} of a profile. */
    record Profile(double[] rs, int seeds, double budget) {
        static Profile of(String name) {
            return name.equals("full")
                    ? new Profile(new double[]{1e-3, 1e-2, 1e-1, 1, 10, 1e2, 1e3, 1e4, 1e6}, 5, 1000)
                    : new Profile(new double[]{1e-2, 1, 1e2}, 3, 200);
        }
    }

    private final Profile profile;

    NetworkRSweep(String profile) {
        this.profile = Profile.of(profile);
    }

    /** The same for every scheme: flexible phases fail at eta_c = 1e-3 at A and at A / 10 alike (docs). */
    static double dt(String scheme, double r) {
        return Math.min(DT_MAX, A / r);
    }

    static double threshold(String task) {
        return task.equals("teacher") ? THRESHOLD : REGRESSION_THRESHOLD;
    }

    /** The anchor's task shape (teacher: 5 inputs, 3 outputs, one example). */
    static NetworkSettings settings(String scheme, double r, double budget, long seed) {
        return settings("teacher", scheme, r, budget, seed);
    }

    /**
     * {@code task} teacher: the anchor's shape (5 inputs, 3 outputs, one example); regression: the curves' random
     * linear map (3 inputs, 2 outputs, 5 examples, a new example with probability 0.01 per step in twin and
     * flexible phases, one per update in standard). Both at 64 nodes and nudge 1e-3.
     */
    static NetworkSettings settings(String task, String scheme, double r, double budget, long seed) {
        double dt = dt(scheme, r);
        long steps = Math.max(100, Math.round(budget / (r * dt)));
        NetworkSettings d = NetworkSettings.DEFAULTS;
        NetworkSettings shape = task.equals("teacher")
                ? d.withTask(TaskKind.TEACHER).withInputs(5).withOutputs(3).withExamples(1)
                : d.withTask(TaskKind.REGRESSION);
        return shape.withNodes(NODES).withNudge(1e-3).withMode(CouplingMode.valueOf(scheme.toUpperCase(Locale.ROOT)))
                .withRelax(Relaxation.Kind.ODE).withGamma(1.0).withDt(dt).withLr(r).withSwitchProb(0.05).withB(0.5)
                .withSteps(steps).withEvalEvery(Math.max(1, steps / 100)).withSeed(seed);
    }

    /** Groups {@code rsweep:<task>:<scheme>:<R>}. */
    List<RunSpec> specs() {
        List<RunSpec> specs = new ArrayList<>();
        for (String task : TASKS) {
            for (long seed = 1; seed <= profile.seeds(); seed++) {
                for (String scheme : SCHEMES) {
                    for (double r : profile.rs()) {
                        specs.add(new RunSpec(GROUP + ":" + task + ":" + scheme + ":" + r,
                                settings(task, scheme, r, profile.budget(), seed)));
                    }
                }
            }
        }
        return specs;
    }

    /**
     * The learning time {@code alpha t} at the first checkpoint from which the cost stays at most {@code THRESHOLD} of
     * the start to the end of the run, or NaN when there is none (a transient dip through the threshold in a run that
     * climbs back is not learning).
     */
    static double learningTime(double[] cost, long[] step, double alphaDt) {
        return learningTime(cost, step, alphaDt, THRESHOLD);
    }

    /** The learning time on {@code task}, at its threshold ({@link #threshold}). */
    static double learningTime(String task, double[] cost, long[] step, double alphaDt) {
        return learningTime(cost, step, alphaDt, threshold(task));
    }

    /** As {@link #learningTime(double[], long[], double)} with the threshold {@code threshold} of the start. */
    static double learningTime(double[] cost, long[] step, double alphaDt, double threshold) {
        int first = -1;
        for (int i = cost.length - 1; i >= 0 && cost[i] <= threshold * cost[0]; i--) {
            first = i;
        }
        return first < 0 ? Double.NaN : step[first] * alphaDt;
    }

    static Table emptyTable() {
        return Table.create("network_r_sweep", StringColumn.create("task"), StringColumn.create("scheme"),
                DoubleColumn.create("R"), IntColumn.create("seed"), DoubleColumn.create("dt"),
                DoubleColumn.create("steps"), DoubleColumn.create("learning_time"),
                DoubleColumn.create("final_relative_cost"), DoubleColumn.create("min_relative_cost"),
                BooleanColumn.create("unstable"), BooleanColumn.create("diverged"));
    }

    /** Appends one run's row: its learning time on {@code task} and its final and lowest cost relative to the start. */
    static void append(Table runs, String task, String scheme, double rr, int seed, Table history, double stepsDone,
                       boolean unstable, boolean diverged) {
        double[] cost = history.doubleColumn("cost").asDoubleArray();
        long[] step = history.longColumn("step").asLongArray();
        double min = Double.POSITIVE_INFINITY;
        for (double c : cost) {
            min = Math.min(min, c);
        }
        double dt = dt(scheme, rr);
        runs.stringColumn("task").append(task);
        runs.stringColumn("scheme").append(scheme);
        runs.doubleColumn("R").append(rr);
        runs.intColumn("seed").append(seed);
        runs.doubleColumn("dt").append(dt);
        runs.doubleColumn("steps").append(stepsDone);
        runs.doubleColumn("learning_time").append(learningTime(task, cost, step, rr * dt));
        runs.doubleColumn("final_relative_cost").append(cost[cost.length - 1] / cost[0]);
        runs.doubleColumn("min_relative_cost").append(min / cost[0]);
        runs.booleanColumn("unstable").append(unstable);
        runs.booleanColumn("diverged").append(diverged);
    }

    /**
     * A small sweep in memory (notebook 08): every scheme at every {@code R} of {@code rs} on {@code task}, seeds 1 to
     * {@code seeds}, budget {@code alpha t <= budget}; the rows of {@code network_r_sweep.csv}, nothing written.
     */
    static Table runInMemory(String task, double[] rs, int seeds, double budget) {
        Table runs = emptyTable();
        for (int seed = 1; seed <= seeds; seed++) {
            for (String scheme : SCHEMES) {
                for (double r : rs) {
                    NetworkRun.Outcome o = NetworkRun.run(settings(task, scheme, r, budget, seed), null);
                    append(runs, task, scheme, r, seed, o.history(), o.summary().stepsDone(), o.summary().unstable(),
                            o.summary().diverged());
                }
            }
        }
        return runs;
    }

    /** One row per run ({@code network_r_sweep.csv}) and the figure of learning time against R, seed bands. */
    Table tables(List<Sweep.JobResult> done, Path out) {
        Table runs = emptyTable();
        for (Sweep.JobResult r : done) {
            String[] g = r.job().group().split(":");
            if (!g[0].equals(GROUP) || r.failure() != null || r.history() == null) {
                continue;
            }
            var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
            append(runs, g[1], g[2], Double.parseDouble(g[3]), ((Number) r.job().description().get("seed")).intValue(),
                    r.history(), summary.path("steps_done").asDouble(), summary.path("unstable").asBoolean(false),
                    summary.path("diverged").asBoolean(false));
        }
        RunFiles.writeCsv(runs, out.resolve("network_r_sweep.csv"));
        for (String task : TASKS) {
            Table t = runs.where(runs.stringColumn("task").isEqualTo(task));
            List<Charts.Curve> curves = new ArrayList<>();
            for (String scheme : SCHEMES) {
                Charts.Curve c = curve(t, scheme);
                if (c != null) {
                    curves.add(c);
                }
            }
            if (!curves.isEmpty()) {
                String shape = task.equals("teacher") ? "teacher task, 5 in, 3 out, 1 example"
                        : "regression task, 3 in, 2 out, 5 examples";
                Charts.savePng(Charts.lineChart(curves, ChartOptions.titled(String.format(Locale.ROOT,
                        "Learning time vs R = alpha/gamma (%d nodes, %s, cost to %s of start, %d seeds)", NODES, shape,
                        threshold(task), profile.seeds())).axes("R = alpha / gamma", "learning time alpha t")
                        .logX().logY()), out.resolve(task.equals("teacher") ? "network_r_sweep.png"
                        : "network_r_sweep_regression.png"));
            }
        }
        return runs;
    }

    /** Mean and min-max over the seeds that reached the threshold, per R; null when no R has one. */
    private static Charts.Curve curve(Table runs, String scheme) {
        Map<Double, List<Double>> byR = new TreeMap<>();
        Table t = runs.where(runs.stringColumn("scheme").isEqualTo(scheme));
        for (int i = 0; i < t.rowCount(); i++) {
            // Tablesaw reads a NaN (threshold not reached) as missing
            Double lt = t.doubleColumn("learning_time").get(i);
            if (lt != null && !lt.isNaN()) {
                byR.computeIfAbsent(t.doubleColumn("R").get(i), k -> new ArrayList<>()).add(lt);
            }
        }
        if (byR.isEmpty()) {
            return null;
        }
        int n = byR.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        int k = 0;
        for (var e : byR.entrySet()) {
            x[k] = e.getKey();
            mean[k] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            low[k] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            high[k] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            k++;
        }
        return new Charts.Curve(scheme + " (seeds that reached it)", x, mean, low, high);
    }
}

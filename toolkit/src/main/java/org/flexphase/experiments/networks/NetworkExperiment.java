package org.flexphase.experiments.networks;

import org.flexphase.circuits.TaskKind;

import org.flexphase.circuits.CouplingMode;

import static org.flexphase.util.InvalidSetting.requireLabel;

import org.flexphase.experiments.Experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.circuits.Relaxation;
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
 * Coupled learning in resistor networks after Stern et al. 2021 (docs/experiments.md, "Physical networks"): random
 * geometric networks of 64, 512 and 2,048 nodes learning a random linear map (3 inputs, 2 outputs, 5 examples) with
 * standard coupled learning, twin networks and flexible phases (p = 0.2, 0.05, 0.01, and at 64 and 512 nodes with the
 * phase-gated trace of {@code network --mode local}'s defaults) at relaxation rate 0.5 (uniform relaxation), each
 * seed its own network and task shared by every scheme of that seed; the same schemes on the teacher task (realisable,
 * floor 0) at relaxation rate 1, for the orders of magnitude the rules reach; Iris at 128 nodes; the exact relative
 * bias of the flexible-phase mean update against the two-phase rule as a function of p / r (T16's solver, 12-node
 * networks); the final cost of flexible-phase learning against p / r on 14 nodes ({@link NetworkPhaseRatio}); and the
 * learning time against R = alpha / gamma with continuous-time relaxation on the teacher and regression tasks
 * ({@link NetworkRSweep}). Every figure and table is over seeds ({@link Profile}: 5 in the full profile).
 */
public final class NetworkExperiment implements Experiment {
    static final int[] SIZES = {64, 512, 2048};
    static final double[] PS = {0.2, 0.05, 0.01};
    /** Sizes that also run flexible phases with the phase-gated trace at {@code network --mode local}'s defaults. */
    static final int[] GATED_SIZES = {64, 512};
    static final String GATED = "local gated p=0.2";
    static final double RELAX = 0.5;
    /** Iris: a 128-node network of mean degree 16 trained for 2,000,000 steps at standard rate 0.01 per update. */
    static final int IRIS_NODES = 128;
    static final double IRIS_DEGREE = 16.0;
    static final double IRIS_RATE = 0.01;
    static final long IRIS_STEPS = 2_000_000;

    /** Uniform relaxation rate of the teacher-task runs: 1 relaxes to the equilibrium in one step (see teacher()). */
    static final double TEACHER_RELAX = 1.0;
    static final String[] TEACHER_SCHEMES = {"standard", "twin", GATED};

    /**
     * Seeds per figure and table of a profile: {@code full} runs 5 seeds everywhere; {@code quick} keeps the part to
     * minutes on 2 cores with 2 seeds for the curves and the teacher task (64 and 512 nodes only), 1 for Iris
     * (2,000,000 steps per run), 3 for the 14-node p / r grid and 1 for the frozen-conductance noise table.
     */
    record Profile(int curveSeeds, int irisSeeds, int[] teacherSizes, int[] teacherSeeds, int ratioSeeds,
                   int noiseSeeds) {
        static Profile of(String name) {
            return name.equals("full")
                    ? new Profile(5, 5, new int[]{64, 512, 2048}, new int[]{5, 5, 5}, 5, 5)
                    : new Profile(2, 1, new int[]{64, 512}, new int[]{2, 2}, 3, 1);
        }
    }

    /** Seeds of the exact-bias table: cheap (12 nodes, exact), so 5 in every profile. */

    private final Profile profile;
    private final NetworkRSweep rSweep;

    /** The experiment with the full profile. */
    public NetworkExperiment() {
        this("full");
    }

    /** The experiment with the seeds ({@link Profile}) and R sweep ({@link NetworkRSweep}) of {@code profile}. */
    public NetworkExperiment(String profile) {
        this.profile = Profile.of(profile);
        rSweep = new NetworkRSweep(profile);
    }

    @Override
    public String name() {
        return "networks";
    }

    /** Steps per run for a network size (the largest are slowest per step). */
    static long steps(int nodes) {
        return nodes <= 64 ? 200_000 : nodes <= 512 ? 100_000 : 30_000;
    }

    static NetworkSettings settings(String task, int nodes, String mode, double p, long steps) {
        NetworkSettings d = NetworkSettings.DEFAULTS;
        boolean iris = task.equals("iris");
        // standard's rate 2 per update oscillates at 2,048 nodes; on Iris a passive network only just reaches the
        // classes (docs/experiments.md, network section), so it needs a dense network and a small rate; twin's per-step
        // rate is standard's divided by its 20 steps per update
        double standard = iris ? IRIS_RATE : nodes >= 2048 ? 0.5 : 2.0;
        double lr = switch (mode) {
            case "standard" -> standard;
            case "twin" -> standard / 20;
            default -> 0.2 * p;
        };
        double present = mode.equals("local") ? p / 5 : 0.05;
        return d.withTask(requireLabel("task", task, TaskKind.class)).withNodes(nodes)
                .withDegree(iris ? IRIS_DEGREE : d.degree()).withMode(requireLabel("mode", mode, CouplingMode.class))
                .withRelax(Relaxation.Kind.UNIFORM).withRelaxRate(RELAX)
                .withSwitchProb(mode.equals("local") ? p : d.switchProb()).withPresentProb(present).withB(0.5)
                .withLr(lr).withSteps(steps).withEvalEvery(Math.max(1, steps / 20)).withSeed(1);
    }

    /**
     * Flexible phases with the phase-gated potential trace at {@code network --mode local}'s defaults
     * ({@link NetworkSettings#LOCAL_DEFAULTS}: free-only gate, tau 4, p 0.2, q 0.04, rate 0.001) on the curves'
     * network and task, {@code steps} steps.
     */
    static NetworkSettings gated(int nodes, long steps) {
        return NetworkSettings.LOCAL_DEFAULTS.withNodes(nodes).withRelax(Relaxation.Kind.UNIFORM).withRelaxRate(RELAX)
                .withSteps(steps).withEvalEvery(Math.max(1, steps / 20)).withSeed(1);
    }

    /**
     * The curves' scheme on the teacher task (targets from a teacher network on the same graph: realisable, floor 0)
     * at uniform relaxation rate 1 (each step reaches the phase's equilibrium). At the curves' r = 0.5 a standard
     * phase of 10 steps leaves 2^-10 of the jump between examples, about the size of the nudge's signal on this task
     * (initial cost 100 times the regression task's smaller), and standard coupled learning does not learn (seed 1:
     * 1.2-1.7 of the start at rates 0.2-2); at r = 1 no scheme carries a relaxation error, so the table shows what
     * the rules themselves reach.
     */
    static NetworkSettings teacher(int nodes, String scheme, long seed) {
        NetworkSettings s = scheme.equals(GATED) ? gated(nodes, steps(nodes)).withTask(TaskKind.TEACHER)
                : settings("teacher", nodes, scheme, 0, steps(nodes));
        return s.withRelaxRate(TEACHER_RELAX).withSeed(seed);
    }

    /** Every run, as validated settings. */
    public List<RunSpec> specs() {
        List<RunSpec> specs = new ArrayList<>();
        for (int n : SIZES) {
            for (long seed = 1; seed <= profile.curveSeeds(); seed++) {
                specs.add(new RunSpec("curve:" + n + ":standard", settings("regression", n, "standard", 0, steps(n))
                        .withSeed(seed)));
                specs.add(new RunSpec("curve:" + n + ":twin", settings("regression", n, "twin", 0, steps(n))
                        .withSeed(seed)));
                for (double p : PS) {
                    specs.add(new RunSpec("curve:" + n + ":local p=" + p, settings("regression", n, "local", p,
                            steps(n)).withSeed(seed)));
                }
                if (java.util.Arrays.stream(GATED_SIZES).anyMatch(g -> g == n)) {
                    specs.add(new RunSpec("curve:" + n + ":" + GATED, gated(n, steps(n)).withSeed(seed)));
                }
            }
        }
        for (int i = 0; i < profile.teacherSizes().length; i++) {
            int n = profile.teacherSizes()[i];
            for (long seed = 1; seed <= profile.teacherSeeds()[i]; seed++) {
                for (String scheme : TEACHER_SCHEMES) {
                    specs.add(new RunSpec("teacher:" + n + ":" + scheme, teacher(n, scheme, seed)));
                }
            }
        }
        for (long seed = 1; seed <= profile.irisSeeds(); seed++) {
            specs.add(new RunSpec("iris:standard", settings("iris", IRIS_NODES, "standard", 0, IRIS_STEPS)
                    .withSeed(seed)));
            specs.add(new RunSpec("iris:twin", settings("iris", IRIS_NODES, "twin", 0, IRIS_STEPS).withSeed(seed)));
            specs.add(new RunSpec("iris:local p=0.05", settings("iris", IRIS_NODES, "local", 0.05, IRIS_STEPS)
                    .withSeed(seed)));
        }
        specs.addAll(NetworkPhaseRatio.specs(profile.ratioSeeds()));
        specs.addAll(rSweep.specs());
        return specs;
    }

    @Override
    public List<Sweep.Job> jobs() {
        return specs().stream().map(Sweep::job).toList();
    }

    @Override
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(jobs(), onDone);
        Map<String, Table> tables = runTables(done, out);
        tables.putAll(exactTables(out));
        return tables;
    }

    /**
     * The tables and figures drawn from runs: curves and teacher curves with seed bands, final costs per run and
     * their bands, the 14-node p / r grid and the R sweep.
     */
    Map<String, Table> runTables(List<Sweep.JobResult> done, Path out) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Table curves = Table.create("network_error_vs_steps", StringColumn.create("task"), StringColumn.create("nodes"),
                StringColumn.create("scheme"), IntColumn.create("seed"), DoubleColumn.create("step"),
                DoubleColumn.create("cost"), DoubleColumn.create("relative_cost"));
        Table finals = Table.create("network_final", StringColumn.create("task"), StringColumn.create("nodes"),
                StringColumn.create("scheme"), IntColumn.create("seed"), DoubleColumn.create("initial_cost"),
                DoubleColumn.create("final_cost"), DoubleColumn.create("relative_cost"),
                DoubleColumn.create("orders_of_magnitude"), DoubleColumn.create("final_test_error"),
                DoubleColumn.create("steps_per_second"));
        // task:nodes -> scheme -> (x, y) per seed, in seed order
        Map<String, Map<String, List<double[][]>>> bySize = new LinkedHashMap<>();
        for (Sweep.JobResult r : done) {
            String[] g = r.job().group().split(":");
            if (g[0].equals(NetworkPhaseRatio.GROUP) || g[0].equals(NetworkRSweep.GROUP)) {
                continue;
            }
            Path dir = out.resolve("runs").resolve(r.job().key());
            var summary = RunFiles.readJson(dir.resolve("summary.json"));
            int seed = ((Number) r.job().description().get("seed")).intValue();
            double c0 = summary.get("initial_cost").asDouble();
            var fin = summary.get("final");
            boolean iris = g[0].equals("iris");
            String task = iris ? "iris" : g[0].equals("curve") ? "regression" : "teacher";
            String nodes = iris ? String.valueOf(IRIS_NODES) : g[1];
            String scheme = iris ? g[1] : g[2];
            double cost = fin.get("cost").asDouble();
            finals.stringColumn("task").append(task);
            finals.stringColumn("nodes").append(nodes);
            finals.stringColumn("scheme").append(scheme);
            finals.intColumn("seed").append(seed);
            finals.doubleColumn("initial_cost").append(c0);
            finals.doubleColumn("final_cost").append(cost);
            finals.doubleColumn("relative_cost").append(cost / c0);
            finals.doubleColumn("orders_of_magnitude").append(Math.log10(c0 / cost));
            finals.doubleColumn("final_test_error").append(fin.has("test_error") ? fin.get("test_error").asDouble()
                    : Double.NaN);
            finals.doubleColumn("steps_per_second").append(summary.get("steps_per_second").asDouble());
            if (iris) {
                continue;
            }
            double[] x = r.history().longColumn("step").asDoubleArray();
            double[] y = r.history().doubleColumn("cost").asDoubleArray();
            double[] rel = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                rel[i] = y[i] / c0;
                curves.stringColumn("task").append(task);
                curves.stringColumn("nodes").append(nodes);
                curves.stringColumn("scheme").append(scheme);
                curves.intColumn("seed").append(seed);
                curves.doubleColumn("step").append(x[i]);
                curves.doubleColumn("cost").append(y[i]);
                curves.doubleColumn("relative_cost").append(rel[i]);
            }
            bySize.computeIfAbsent(task + ":" + nodes, k -> new LinkedHashMap<>())
                    .computeIfAbsent(scheme, k -> new ArrayList<>()).add(new double[][]{x, rel});
            if (task.equals("regression") && nodes.equals("512") && scheme.equals("standard") && seed == 1) {
                copy(dir.resolve("network.png"), out.resolve("network_trained_512_standard.png"));
            }
        }
        for (var e : bySize.entrySet()) {
            String[] key = e.getKey().split(":");
            boolean regression = key[0].equals("regression");
            List<Charts.Curve> bands = new ArrayList<>();
            for (var s : e.getValue().entrySet()) {
                bands.add(SeedBands.band(s.getKey(), s.getValue().stream().map(v -> v[0]).toList(),
                        s.getValue().stream().map(v -> v[1]).toList()));
            }
            String title = regression
                    ? "Coupled learning, " + key[1] + " nodes (uniform relaxation r = " + RELAX + "), mean and min-max"
                    : "Teacher task, " + key[1] + " nodes (uniform relaxation r = " + TEACHER_RELAX
                            + "), mean and min-max";
            Charts.savePng(Charts.lineChart(bands, ChartOptions.titled(title)
                            .axes("relaxation steps", "cost / initial cost").logY()),
                    out.resolve((regression ? "network_error_vs_steps_" : "network_teacher_vs_steps_") + key[1]
                            + ".png"));
        }
        RunFiles.writeCsv(curves, out.resolve("network_error_vs_steps.csv"));
        RunFiles.writeCsv(finals, out.resolve("network_final.csv"));
        Table finalBands = SeedBands.bands("network_final_bands", finals, "relative_cost", "task", "nodes", "scheme");
        RunFiles.writeCsv(finalBands, out.resolve("network_final_bands.csv"));
        Table teacherBands = SeedBands.bands("network_teacher_orders",
                finals.where(finals.stringColumn("task").isEqualTo("teacher")), "orders_of_magnitude", "nodes",
                "scheme");
        RunFiles.writeCsv(teacherBands, out.resolve("network_teacher_orders.csv"));
        Table irisBands = SeedBands.bands("network_iris_test_error",
                finals.where(finals.stringColumn("task").isEqualTo("iris")), "final_test_error", "scheme");
        RunFiles.writeCsv(irisBands, out.resolve("network_iris_test_error.csv"));
        tables.put(curves.name(), curves);
        tables.put(finals.name(), finals);
        tables.put(finalBands.name(), finalBands);
        tables.put(teacherBands.name(), teacherBands);
        tables.put(irisBands.name(), irisBands);
        if (done.stream().anyMatch(r -> r.job().group().startsWith(NetworkPhaseRatio.GROUP + ":"))) {
            Table ratio = NetworkPhaseRatio.tables(done, out);
            tables.put(ratio.name(), ratio);
            Table ratioBands = SeedBands.bands("network_final_vs_p_over_r_bands", ratio, "relative_cost", "arm", "p",
                    "relax_rate");
            RunFiles.writeCsv(ratioBands, out.resolve("network_final_vs_p_over_r_bands.csv"));
            tables.put(ratioBands.name(), ratioBands);
        }
        if (done.stream().anyMatch(r -> r.job().group().startsWith(NetworkRSweep.GROUP + ":"))) {
            Table rs = rSweep.tables(done, out);
            tables.put(rs.name(), rs);
        }
        return tables;
    }

    /** The tables computed without learning runs: the exact bias and the frozen-conductance noise, over seeds. */
    Map<String, Table> exactTables(Path out) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Table bias = ExactBias.table(ExactBias.SEEDS);
        RunFiles.writeCsv(bias, out.resolve("network_exact_bias.csv"));
        List<Charts.Curve> bc = new ArrayList<>();
        for (double r : ExactBias.RATES) {
            Table t = bias.where(bias.doubleColumn("relax_rate").isEqualTo(r));
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int seed = 1; seed <= ExactBias.SEEDS; seed++) {
                Table one = t.where(t.intColumn("seed").isEqualTo(seed));
                xs.add(one.doubleColumn("p_over_r").asDoubleArray());
                ys.add(one.doubleColumn("relative_bias").asDoubleArray());
            }
            bc.add(SeedBands.band("r = " + r, xs, ys));
        }
        Charts.savePng(Charts.lineChart(bc, ChartOptions.titled("Exact bias of flexible-phase coupled learning (12 nodes,"
                + " q = p), mean and min-max over networks").axes("switching probability p / relaxation rate r",
                "|h - u| / |u|").logX().logY()), out.resolve("network_exact_bias.png"));
        tables.put(bias.name(), bias);
        Table noise = FlexibleNoise.table(0.05, profile.noiseSeeds());
        RunFiles.writeCsv(noise, out.resolve("network_flexible_noise.csv"));
        List<Charts.Curve> nc = new ArrayList<>();
        for (double eta : FlexibleNoise.NUDGES) {
            Table t = noise.where(noise.doubleColumn("nudge").isEqualTo(eta));
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int seed = 1; seed <= profile.noiseSeeds(); seed++) {
                Table one = t.where(t.intColumn("seed").isEqualTo(seed));
                xs.add(one.doubleColumn("steps").asDoubleArray());
                ys.add(one.doubleColumn("relative_error").asDoubleArray());
            }
            nc.add(SeedBands.band("nudge " + eta, xs, ys));
        }
        Charts.savePng(Charts.lineChart(nc, ChartOptions.titled("Flexible phases at frozen conductances (64 nodes, p = 0.05),"
                        + " mean and min-max over networks").axes("averaging steps T", "|mean increment - u| / |u|")
                        .logX().logY()), out.resolve("network_flexible_noise.png"));
        tables.put(noise.name(), noise);
        return tables;
    }

    /**
     * A small R sweep in memory (notebook 08), the runs of the part's R sweep ({@code task} teacher or regression,
     * standard, twin and flexible phases, continuous-time relaxation) at {@code rs}, seeds 1 to {@code seeds}, budget
     * {@code alpha t <= budget}: one row per run as in {@code network_r_sweep.csv}.
     */
    public static Table rSweep(String task, double[] rs, int seeds, double budget) {
        requireLabel("task", task, TaskKind.class);
        return NetworkRSweep.runInMemory(task, rs, seeds, budget);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "networks(%d runs)", specs().size());
    }
}

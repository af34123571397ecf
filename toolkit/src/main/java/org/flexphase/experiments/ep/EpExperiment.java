package org.flexphase.experiments.ep;

import org.flexphase.hopfield.EquilibriumPropagationTrainer;

import static org.flexphase.util.InvalidSetting.requireLabel;

import org.flexphase.experiments.Experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.PersistentBias;
import org.flexphase.plots.Charts;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.TableCharts;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.runs.RunFiles;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.SeedStats;
import org.flexphase.sweeps.Sweep;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Equilibrium Propagation extension (docs/experiments.md): (a) standard EP, symmetric EP, CHL and flexible-phase
 * EP (with the ungated activity trace, and with the phase-gated sample-and-hold trace of {@code ep --mode local}'s
 * defaults) on the MNIST subset at equal relaxation sweeps, test error against sweeps and epochs, mean and min-max over
 * seeds, and a table of final errors; (b) a map of flexible-phase EP's final test error over switching probability
 * and rate (one seed, {@code mapEpochs}); (c) T13's bias against switching probability on a small network, log-log.
 */
public final class EpExperiment implements Experiment {
    static final String[] MODES = {"standard", "symmetric", "chl", "local"};
    /**
     * (a)'s groups: the modes, and flexible phases with the phase-gated sample-and-hold trace at
     * {@link EpSettings#LOCAL_DEFAULTS} (docs/experiments.md, "Phase-gated trace").
     */
    static final String GATED = "local-gated";
    static final String[] GROUPS = {"standard", "symmetric", "chl", "local", GATED};
    /** Flexible-phase settings of (a): fast switching, a decaying rate and the activity trace (docs/experiments.md). */
    static final double LOCAL_SWITCH_PROB = 0.5;
    static final double LOCAL_RATE = 0.002;
    /** The flexible-phase rate decays as {@code LOCAL_RATE / (1 + t / tau)}, tau this many epochs. */
    static final double LOCAL_RATE_TAU_EPOCHS = 1;
    /**
     * The activity-trace control variate of (a)'s flexible-phase runs, in sweeps: shorter than a presentation, so it
     * removes the example's common part of phi; it lets the rate double (docs/experiments.md).
     */
    static final double LOCAL_TRACE_TAU = 8;
    /** A large nudge: the unpaired per-sweep estimate scales with 1/beta, so flexible phases prefer beta near 1. */
    static final double LOCAL_BETA = 0.9;
    /** Symmetric EP at beta = 0.5 (at the default 0.3 its -beta phase learned badly: 12.2 % test error, seed 1). */
    static final double SYMMETRIC_BETA = 0.5;
    static final double[] MAP_SWITCH_PROBS = {0.05, 0.2, 0.5, 0.9};
    static final double[] MAP_RATES = {0.0003, 0.001};
    static final double[] BIAS_SWITCH_PROBS = {0.08, 0.04, 0.02, 0.01, 0.005};

    private final int epochs;
    private final int seeds;
    private final int mapEpochs;

    /** {@code epochs} and {@code seeds} for (a); {@code mapEpochs} for (b), 0 to leave the map out. */
    public EpExperiment(int epochs, int seeds, int mapEpochs) {
        this.epochs = epochs;
        this.seeds = seeds;
        this.mapEpochs = mapEpochs;
    }

    /** quick: 1 epoch, 1 seed, no map; full: 8 epochs, 3 seeds, the map at 2 epochs. */
    public static EpExperiment of(String profile) {
        return profile.equals("full") ? new EpExperiment(8, 3, 2) : new EpExperiment(1, 1, 0);
    }

    @Override
    public String name() {
        return "ep";
    }

    @Override
    public List<Sweep.Job> jobs() {
        return specs().stream().map(Sweep::job).toList();
    }

    /** Every run, seed by seed. */
    public List<RunSpec> specs() {
        List<RunSpec> specs = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            for (String mode : MODES) {
                boolean local = mode.equals("local");
                specs.add(new RunSpec("a:" + mode, settings(mode, epochs, local ? LOCAL_SWITCH_PROB
                        : EpSettings.DEFAULTS.switchProb(), local ? LOCAL_RATE : EpSettings.DEFAULTS.lr(),
                        local ? LOCAL_RATE_TAU_EPOCHS : EpSettings.DEFAULTS.lrTauEpochs(), local ? LOCAL_BETA
                        : mode.equals("symmetric") ? SYMMETRIC_BETA : EpSettings.DEFAULTS.beta(),
                        s, local ? LOCAL_TRACE_TAU : 0)));
            }
            specs.add(new RunSpec("a:" + GATED, gated(epochs, s)));
        }
        if (mapEpochs > 0) {
            for (double p : MAP_SWITCH_PROBS) {
                for (double lr : MAP_RATES) {
                    specs.add(new RunSpec("b:p=" + p + ",lr=" + lr,
                            settings("local", mapEpochs, p, lr, 0, LOCAL_BETA, 1)));
                }
            }
        }
        specs.forEach(r -> r.settings().validate());
        return specs;
    }

    /** The gated flexible-phase run of (a): {@code ep --mode local}'s defaults, {@code epochs} epochs. */
    static EpSettings gated(int epochs, long seed) {
        return EpSettings.LOCAL_DEFAULTS.withData("mnist").withEpochs(epochs).withSeed(seed);
    }

    static EpSettings settings(String mode, int epochs, double switchProb, double lr, double lrTauEpochs, double beta,
                               long seed) {
        return settings(mode, epochs, switchProb, lr, lrTauEpochs, beta, seed, 0);
    }

    static EpSettings settings(String mode, int epochs, double switchProb, double lr, double lrTauEpochs, double beta,
                               long seed, double traceTau) {
        return EpSettings.DEFAULTS.withMode(requireLabel("mode", mode, EquilibriumPropagationTrainer.Mode.class))
                .withData("mnist").withBeta(beta).withSwitchProb(switchProb).withTraceTau(traceTau).withEpochs(epochs)
                .withLr(lr).withLrTauEpochs(lrTauEpochs).withSeed(seed);
    }

    @Override
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(jobs(), onDone);
        Map<String, Table> tables = new LinkedHashMap<>();
        long perEpoch = EpSettings.DEFAULTS.sweepsPerEpoch(8000);
        Table curves = Table.create("ep_error_vs_sweeps", StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("epoch"), DoubleColumn.create("mean"), DoubleColumn.create("min"),
                DoubleColumn.create("max"));
        for (String mode : GROUPS) {
            List<Table> hs = new ArrayList<>();
            for (Sweep.JobResult r : done) {
                if (r.job().group().equals("a:" + mode) && !r.diverged()) {
                    Table h = r.history();
                    hs.add(Table.create("h", DoubleColumn.create("step", h.numberColumn("relaxation_steps").asDoubleArray()),
                            DoubleColumn.create("test_error", h.numberColumn("test_error").asDoubleArray())));
                }
            }
            if (hs.isEmpty()) {
                continue;
            }
            Table band = SeedStats.band(hs, "test_error");
            for (int r = 0; r < band.rowCount(); r++) {
                double step = band.doubleColumn("step").get(r);
                curves.stringColumn("mode").append(mode);
                curves.doubleColumn("step").append(step);
                curves.doubleColumn("epoch").append(step / perEpoch);
                curves.doubleColumn("mean").append(band.doubleColumn("mean").get(r));
                curves.doubleColumn("min").append(band.doubleColumn("min").get(r));
                curves.doubleColumn("max").append(band.doubleColumn("max").get(r));
            }
        }
        RunFiles.writeCsv(curves, out.resolve("ep_error_vs_sweeps.csv"));
        String title = "MNIST 784-500-10 EP/CHL: test error, " + seeds + " seed(s)";
        Charts.savePng(TableCharts.bands(curves, "step", "mean", "min", "max", ChartOptions.titled(title)
                .axes("relaxation sweeps", "test error (2,000 digits)").groupBy("mode")), out.resolve("ep_error_vs_sweeps.png"));
        Charts.savePng(TableCharts.bands(curves, "epoch", "mean", "min", "max", ChartOptions.titled(title)
                .axes("epochs (8,000 x 24 sweeps)", "test error (2,000 digits)").groupBy("mode")),
                out.resolve("ep_error_vs_epochs.png"));
        tables.put("ep_error_vs_sweeps", curves);
        Table runs = Table.create("ep_runs", StringColumn.create("group"), StringColumn.create("key"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_train_error"),
                DoubleColumn.create("final_test_error"), DoubleColumn.create("wall_seconds"));
        for (Sweep.JobResult r : done) {
            var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
            runs.stringColumn("group").append(r.job().group());
            runs.stringColumn("key").append(r.job().key());
            runs.doubleColumn("seed").append(summary.get("seed").asDouble());
            runs.doubleColumn("final_train_error").append(summary.get("final").get("train_error").asDouble());
            runs.doubleColumn("final_test_error").append(summary.get("final").get("test_error").asDouble());
            runs.doubleColumn("wall_seconds").append(summary.get("wall_seconds").asDouble());
        }
        RunFiles.writeCsv(runs, out.resolve("ep_runs.csv"));
        tables.put("ep_runs", runs);
        tables.put("ep_bias_vs_p", biasVersusSwitching(out));
        return tables;
    }

    /** (c): T13 on a 4-6-3 network (weights scaled to keep F convex), one example, b = 0.5, log-log. */
    static Table biasVersusSwitching(Path out) {
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(13), 4, 6, 3);
        double[] theta = net.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] = k < net.biasOffset(1) ? 0.5 * theta[k] : 0.4;
        }
        double[] x = {0.9, 0.1, 0.6, 0.3};
        double[] t = {1, 0, 0.5};
        Table table = Table.create("ep_bias_vs_p", DoubleColumn.create("p"), DoubleColumn.create("bias"),
                DoubleColumn.create("standard_error"), DoubleColumn.create("bias_over_p"));
        for (double p : BIAS_SWITCH_PROBS) {
            PersistentBias.Estimate e = PersistentBias.measure(net, x, t, 0.5, 0.5, p, 1, 20, 200, 1);
            table.doubleColumn("p").append(p);
            table.doubleColumn("bias").append(e.norm());
            table.doubleColumn("standard_error").append(e.standardError());
            table.doubleColumn("bias_over_p").append(e.norm() / p);
        }
        RunFiles.writeCsv(table, out.resolve("ep_bias_vs_p.csv"));
        Charts.savePng(TableCharts.line(table, "p", "bias", ChartOptions.titled(
                "Flexible-phase EP, persistent relaxation: |bias| vs switching probability (4-6-3)")
                .axes("switching probability p per sweep", "|mean update - EP estimator|").logX().logY()),
                out.resolve("ep_bias_vs_p.png"));
        return table;
    }
}

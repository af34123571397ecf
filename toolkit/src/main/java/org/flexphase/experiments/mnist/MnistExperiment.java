package org.flexphase.experiments.mnist;

import org.flexphase.forwardforward.ForwardForwardTrainer;

import org.flexphase.boltzmann.TrainingMode;

import static org.flexphase.util.InvalidSetting.requireLabel;

import org.flexphase.experiments.Figures;

import org.flexphase.experiments.Experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.plots.Charts;
import org.flexphase.runs.Datasets;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.runs.RunFiles;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.SeedStats;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The MNIST experiments (docs/experiments.md) on the shipped 8,000/2,000 split: (a) Forward-Forward test error against
 * training steps for standard, isd and local (geometric phases, p = 0.2), mean and min-max over seeds; (b) final
 * Forward-Forward test error against b (isd); (c) label-clamped RBM (794 visible, 16 hidden) classification error
 * against Gibbs steps for standard CD-200 (rate 0.005 per update) and temporally local learning (b = 0.5,
 * p = 1/200, rate 0.005/200 per step: the same movement per phase as one CD update); (d) when the profile asks,
 * standard and isd under the published Forward-Forward protocol beside (a)'s ({@link ForwardForwardProtocols}).
 * Resumable runs via {@link Sweep}.
 */
public final class MnistExperiment implements Experiment {
    static final double[] B_VALUES = {0.3, 0.5, 0.7};
    static final String[] FF_MODES = {"standard", "isd", "local"};
    /** Local Forward-Forward phases last 5 steps on average: long enough to be phases, short enough for Adam. */
    static final double FF_SWITCH_PROB = 0.2;
    static final int CD_K = 200;
    static final double CD_RATE = 0.005;

    private final MnistProfile profile;
    private final boolean protocolsOnly;

    /** The experiment at the sizes of {@code profile}. */
    public MnistExperiment(MnistProfile profile) {
        this(profile, false);
    }

    /** With {@code protocolsOnly}, just (d) and the (a) runs it compares against, whatever the profile. */
    public MnistExperiment(MnistProfile profile, boolean protocolsOnly) {
        this.profile = profile;
        this.protocolsOnly = protocolsOnly;
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public List<Sweep.Job> jobs() {
        return specs().stream().map(Sweep::job).toList();
    }

    /** Every run, as validated settings: their records are the keys' only source. */
    public List<RunSpec> specs() {
        if (protocolsOnly) {
            return protocolSpecs(true);
        }
        List<RunSpec> specs = new ArrayList<>();
        for (String mode : FF_MODES) {
            for (int s = 1; s <= profile.ffSeeds(); s++) {
                specs.add(new RunSpec("a:" + mode, ff(mode, 0.5, s)));
            }
        }
        for (double b : B_VALUES) {
            for (int s = 1; s <= profile.bSeeds(); s++) {
                specs.add(new RunSpec("b:" + b, ff("isd", b, 100 + s)));
            }
        }
        long steps = (long) profile.rbmEpochs() * Datasets.labelled("mnist", null).train().count() * 2L * CD_K;
        for (int s = 1; s <= profile.rbmSeeds(); s++) {
            specs.add(new RunSpec("c:standard", rbm("standard", CD_RATE, steps, s)));
            specs.add(new RunSpec("c:local", rbm("local", CD_RATE / CD_K, steps, s)));
        }
        if (profile.ffProtocols()) {
            specs.addAll(protocolSpecs(false));
        }
        specs.forEach(r -> r.settings().validate());
        return specs;
    }

    /**
     * (d): standard and isd under the published protocol, and with {@code withPaired} (a)'s runs of both modes
     * (the same settings, so the same keys as (a)'s); seed by seed, so an interrupted single-thread run leaves
     * every cell with the same number of seeds.
     */
    List<RunSpec> protocolSpecs(boolean withPaired) {
        List<RunSpec> specs = new ArrayList<>();
        for (int s = 1; s <= profile.ffSeeds(); s++) {
            for (String mode : ForwardForwardProtocols.MODES) {
                if (withPaired) {
                    specs.add(new RunSpec(ForwardForwardProtocols.PAIRED + mode, ff(mode, 0.5, s)));
                }
                specs.add(new RunSpec(ForwardForwardProtocols.PUBLISHED + mode,
                        ff(mode, 0.5, s, "published", "published")));
            }
        }
        specs.forEach(r -> r.settings().validate());
        return specs;
    }

    ForwardForwardSettings ff(String mode, double b, long seed) {
        return ff(mode, b, seed, ForwardForwardSettings.DEFAULTS.negatives(), ForwardForwardSettings.DEFAULTS.isdWeights());
    }

    ForwardForwardSettings ff(String mode, double b, long seed, String negatives, String isdWeights) {
        return ff(mode, b, seed, requireLabel("negatives", negatives, ForwardForwardTrainer.Negatives.class),
                requireLabel("isd_weights", isdWeights, ForwardForwardTrainer.IsdWeights.class));
    }

    ForwardForwardSettings ff(String mode, double b, long seed, ForwardForwardTrainer.Negatives negatives,
                              ForwardForwardTrainer.IsdWeights isdWeights) {
        return ForwardForwardSettings.DEFAULTS.withMode(requireLabel("mode", mode, ForwardForwardTrainer.Mode.class))
                .withB(b).withSwitchProb(FF_SWITCH_PROB).withEpochs(profile.ffEpochs())
                .withEvalSize(profile.ffEvalSize()).withSeed(seed).withNegatives(negatives).withIsdWeights(isdWeights);
    }

    /** Standard CD-200 or local learning with phases of 200 steps on average (p = 1/200), on 794 x 16. */
    TrainSettings rbm(String mode, double rate, long steps, long seed) {
        TrainSettings d = TrainSettings.DEFAULTS;
        TrainingMode m = requireLabel("mode", mode, TrainingMode.class);
        return d.withModel("rbm").withData("mnist").withEvalSize(profile.rbmEvalSize()).withHidden(16)
                .withVisibleBiases(true).withMode(m).withB(0.5)
                .withSwitchProb(m == TrainingMode.LOCAL ? 1.0 / CD_K : d.switchProb())
                .withCdK(m == TrainingMode.STANDARD ? CD_K : d.cdK()).withLr(rate).withLrSchedule("constant")
                .withSteps(steps).withEvalEvery(steps / 8).withSeed(seed);
    }

    @Override
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(jobs(), onDone);
        Map<String, Table> tables = new LinkedHashMap<>();
        if (protocolsOnly || profile.ffProtocols()) {
            tables.putAll(ForwardForwardProtocols.write(done, out, profile));
        }
        if (protocolsOnly) {
            return tables;
        }
        tables.put("mnist_ff_error_vs_steps", curves(done, "a:", FF_MODES, out, "mnist_ff_error_vs_steps",
                "MNIST Forward-Forward: test error vs steps, " + profile.ffSeeds() + " seeds", "training steps (one image each)"));
        tables.put("mnist_ff_error_vs_b", versusB(done, out));
        tables.put("mnist_rbm_error_vs_steps", curves(done, "c:", new String[]{"standard", "local"}, out,
                "mnist_rbm_error_vs_steps", "MNIST label-clamped RBM 794x16: test error vs Gibbs steps, "
                        + profile.rbmSeeds() + " seeds", "Gibbs steps"));
        Table runs = Table.create("mnist_runs", StringColumn.create("group"), StringColumn.create("key"),
                DoubleColumn.create("seed"), DoubleColumn.create("final_train_error"), DoubleColumn.create("final_test_error"),
                DoubleColumn.create("wall_seconds"));
        for (Sweep.JobResult r : done) {
            var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
            runs.stringColumn("group").append(r.job().group());
            runs.stringColumn("key").append(r.job().key());
            runs.doubleColumn("seed").append(summary.get("seed").asDouble());
            runs.doubleColumn("final_train_error").append(summary.get("final").get("train_error").asDouble());
            runs.doubleColumn("final_test_error").append(summary.get("final").get("test_error").asDouble());
            runs.doubleColumn("wall_seconds").append(summary.get("wall_seconds").asDouble());
        }
        RunFiles.writeCsv(runs, out.resolve("mnist_runs.csv"));
        tables.put("mnist_runs", runs);
        return tables;
    }

    private Table curves(List<Sweep.JobResult> done, String prefix, String[] modes, Path out, String name, String title,
                         String xLabel) {
        Table t = Table.create(name, StringColumn.create("mode"), DoubleColumn.create("step"),
                DoubleColumn.create("mean"), DoubleColumn.create("min"), DoubleColumn.create("max"));
        for (String mode : modes) {
            List<Table> hs = done.stream().filter(r -> !r.diverged() && r.job().group().equals(prefix + mode))
                    .map(Sweep.JobResult::history).toList();
            if (hs.isEmpty()) {
                continue;
            }
            Table band = SeedStats.band(hs, "test_error");
            for (int r = 0; r < band.rowCount(); r++) {
                t.stringColumn("mode").append(mode);
                t.doubleColumn("step").append(band.doubleColumn("step").get(r));
                t.doubleColumn("mean").append(band.doubleColumn("mean").get(r));
                t.doubleColumn("min").append(band.doubleColumn("min").get(r));
                t.doubleColumn("max").append(band.doubleColumn("max").get(r));
            }
        }
        RunFiles.writeCsv(t, out.resolve(name + ".csv"));
        Charts.savePng(Figures.errorVsSteps(t, title, xLabel), out.resolve(name + ".png"));
        return t;
    }

    private Table versusB(List<Sweep.JobResult> done, Path out) {
        Table finals = Table.create("finals", DoubleColumn.create("b"), DoubleColumn.create("test_error"));
        for (Sweep.JobResult r : done) {
            if (!r.diverged() && r.job().group().startsWith("b:")) {
                var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
                finals.doubleColumn("b").append(Double.parseDouble(r.job().group().substring(2)));
                finals.doubleColumn("test_error").append(summary.get("final").get("test_error").asDouble());
            }
        }
        Table t = SeedStats.summarize(finals, "test_error", "b").removeColumns("seeds").setName("mnist_ff_error_vs_b");
        RunFiles.writeCsv(t, out.resolve("mnist_ff_error_vs_b.csv"));
        Charts.savePng(Figures.ffErrorVsB(t, profile.ffEpochs()), out.resolve("mnist_ff_error_vs_b.png"));
        return t;
    }
}

package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flexphase.data.Digits;
import org.flexphase.data.MnistSubset;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.TrainerConfig;
import org.flexphase.learning.TrainingMode;
import org.flexphase.models.Rbm;
import org.flexphase.plots.Charts;
import org.flexphase.util.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The MNIST experiments (docs/experiments.md) on the shipped 8,000/2,000 split: (a) Forward-Forward test error against
 * training steps for standard, isd and local (geometric phases, p = 0.2), mean and min-max over seeds; (b) final
 * Forward-Forward test error against b (isd); (c) label-clamped RBM (794 visible, 16 hidden) classification error
 * against Gibbs steps for standard CD-200 (rate 0.005 per update) and temporally local learning (b = 0.5,
 * p = 1/200, rate 0.005/200 per step: the same movement per phase as one CD update). Resumable runs via {@link Sweep}.
 */
public final class MnistExperiment {
    static final double[] B_VALUES = {0.3, 0.5, 0.7};
    static final String[] FF_MODES = {"standard", "isd", "local"};
    /** Local Forward-Forward phases last 5 steps on average: long enough to be phases, short enough for Adam. */
    static final double FF_SWITCH_PROB = 0.2;
    static final int CD_K = 200;
    static final double CD_RATE = 0.005;

    private final MnistProfile profile;
    private final Digits train;
    private final Digits test;

    /** The experiment at the sizes of {@code profile}. */
    public MnistExperiment(MnistProfile profile) {
        this.profile = profile;
        MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
        this.train = split.train();
        this.test = split.test();
    }

    /** Every run of the experiment, as jobs for a {@link Sweep}. */
    public List<Sweep.Job> jobs() {
        List<Sweep.Job> jobs = new ArrayList<>();
        for (String mode : FF_MODES) {
            for (int s = 1; s <= profile.ffSeeds(); s++) {
                jobs.add(ffJob("a:" + mode, ForwardForwardTrainer.Mode.parse(mode), 0.5, s));
            }
        }
        for (double b : B_VALUES) {
            for (int s = 1; s <= profile.bSeeds(); s++) {
                jobs.add(ffJob("b:" + b, ForwardForwardTrainer.Mode.ISD, b, 100 + s));
            }
        }
        long steps = (long) profile.rbmEpochs() * train.count() * 2L * CD_K;
        for (int s = 1; s <= profile.rbmSeeds(); s++) {
            jobs.add(rbmJob("c:standard", TrainerConfig.builder().mode(TrainingMode.STANDARD).cdK(CD_K)
                    .schedule(LearningRateSchedule.constant(CD_RATE)).steps(steps).evalEvery(steps / 8).seed(s).build()));
            jobs.add(rbmJob("c:local", TrainerConfig.builder().mode(TrainingMode.LOCAL).b(0.5)
                    .switchProbability(1.0 / CD_K).schedule(LearningRateSchedule.constant(CD_RATE / CD_K))
                    .steps(steps).evalEvery(steps / 8).seed(s).build()));
        }
        return jobs;
    }

    Sweep.Job ffJob(String group, ForwardForwardTrainer.Mode mode, double b, long seed) {
        ForwardForwardTrainer.Config config = ForwardForwardTrainer.Config.paper(mode, seed).withB(b)
                .withEpochs(profile.ffEpochs()).withSwitchProbability(FF_SWITCH_PROB);
        Map<String, Object> d = new TreeMap<>();
        d.put("experiment", "mnist-ff");
        d.put("mode", mode.label());
        d.put("b", b);
        d.put("switch_prob", config.switchProbability());
        d.put("epochs", config.epochs());
        d.put("lr", config.rate());
        d.put("threshold", config.threshold());
        d.put("hidden", List.of(500, 500));
        d.put("eval_every", config.evalEvery());
        d.put("eval_size", profile.ffEvalSize());
        d.put("seed", seed);
        return new Sweep.Job(group, d, dir -> new ForwardForwardRun(train, test).run(config, profile.ffEvalSize(), dir).history());
    }

    Sweep.Job rbmJob(String group, TrainerConfig config) {
        Map<String, Object> d = new TreeMap<>(config.describe());
        d.put("experiment", "mnist-rbm");
        d.put("hidden", 16);
        d.put("binarise", 0.8);
        d.put("init_sd", 0.01);
        d.put("eval_size", profile.rbmEvalSize());
        return new Sweep.Job(group, d, dir -> {
            LabelledRbmRun run = new LabelledRbmRun("mnist", train.binarised(0.8), train.labelArray(),
                    test.binarised(0.8), test.labelArray(), 10);
            Rbm rbm = Rbm.of(train.pixelsPerImage() + 10, 16, 1.0, true)
                    .initializeWeights(0.01, Rngs.stream(config.seed, -1));
            return run.run(rbm, config, profile.rbmEvalSize(), dir).history();
        });
    }

    /** Runs (or resumes) every job into {@code out} and writes the figures and tables; returns the tables by name. */
    public Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone) {
        List<Sweep.JobResult> done = new Sweep(out, threads).runJobs(jobs(), onDone);
        Map<String, Table> tables = new LinkedHashMap<>();
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
            List<Table> hs = done.stream().filter(r -> r.job().group().equals(prefix + mode))
                    .map(Sweep.JobResult::history).toList();
            if (hs.isEmpty()) {
                continue;
            }
            int n = hs.stream().mapToInt(Table::rowCount).min().orElse(0);
            double[][] band = SeedStats.band(hs, "test_error", n);
            double[] x = new double[n];
            for (int r = 0; r < n; r++) {
                x[r] = hs.get(0).numberColumn("step").getDouble(r);
                t.stringColumn("mode").append(mode);
                t.doubleColumn("step").append(x[r]);
                t.doubleColumn("mean").append(band[0][r]);
                t.doubleColumn("min").append(band[1][r]);
                t.doubleColumn("max").append(band[2][r]);
            }
        }
        RunFiles.writeCsv(t, out.resolve(name + ".csv"));
        Charts.savePng(Figures.errorVsSteps(t, title, xLabel), out.resolve(name + ".png"));
        return t;
    }

    private Table versusB(List<Sweep.JobResult> done, Path out) {
        Table t = Table.create("mnist_ff_error_vs_b", DoubleColumn.create("b"), DoubleColumn.create("mean"),
                DoubleColumn.create("min"), DoubleColumn.create("max"));
        for (double b : B_VALUES) {
            List<Double> errors = new ArrayList<>();
            for (Sweep.JobResult r : done) {
                if (r.job().group().equals("b:" + b)) {
                    var summary = RunFiles.readJson(out.resolve("runs").resolve(r.job().key()).resolve("summary.json"));
                    errors.add(summary.get("final").get("test_error").asDouble());
                }
            }
            if (errors.isEmpty()) {
                continue;
            }
            t.doubleColumn("b").append(b);
            t.doubleColumn("mean").append(errors.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            t.doubleColumn("min").append(errors.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            t.doubleColumn("max").append(errors.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
        RunFiles.writeCsv(t, out.resolve("mnist_ff_error_vs_b.csv"));
        Charts.savePng(Figures.ffErrorVsB(t, profile.ffEpochs()), out.resolve("mnist_ff_error_vs_b.png"));
        return t;
    }
}

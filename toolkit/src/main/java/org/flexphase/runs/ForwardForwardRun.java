package org.flexphase.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.data.Digits;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.plots.Charts;
import org.flexphase.tables.ForwardForwardHistory;
import org.flexphase.tables.Histories;
import tech.tablesaw.api.Table;

/**
 * One Forward-Forward run on labelled images: train, evaluate at every checkpoint on the first {@code evalSize}
 * images of each split (the splits are shuffled, so that is a fair sample) and at the end on all of them.
 * Writes {@code history.csv} after every checkpoint (step, train_error, test_error), then {@code summary.json}
 * (configuration, final errors, wall seconds, examples per second) and {@code history.png}.
 *
 * <pre>{@code
 * MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
 * var config = ForwardForwardTrainer.Config.paper(ForwardForwardTrainer.Mode.LOCAL, 1).withEpochs(1);
 * ForwardForwardRun.Outcome o = new ForwardForwardRun(split.train(), split.test()).run(config, 300, null);
 * }</pre>
 */
public final class ForwardForwardRun {
    private final Digits train;
    private final Digits test;
    private final double[][] trainImages;
    private final double[][] testImages;

    /** Runs trained on {@code train}, evaluated on {@code test}. */
    public ForwardForwardRun(Digits train, Digits test) {
        this.train = train;
        this.test = test;
        this.trainImages = train.scaled();
        this.testImages = test.scaled();
    }

    /** The result of a run: the history table, the trainer's result and the summary written. */
    public record Outcome(Table history, ForwardForwardTrainer.Result result, Map<String, Object> summary) {
        /** Test error on all test images at the end. */
        public double finalTestError() {
            return ((Number) ((Map<?, ?>) summary.get("final")).get("test_error")).doubleValue();
        }

        /** This run as one entry of a long table ({@link Histories#stack}), under {@code key}. */
        @SuppressWarnings("unchecked")
        public Histories.Run asRun(String key) {
            return new Histories.Run(key, (Map<String, ?>) summary.get("config"), ((Number) summary.get("seed")).longValue(), history);
        }

        /** Training error on all training images at the end. */
        public double finalTrainError() {
            return ((Number) ((Map<?, ?>) summary.get("final")).get("train_error")).doubleValue();
        }
    }

    /** Trains a new net; writes files under {@code out} unless it is null. */
    public Outcome run(ForwardForwardTrainer.Config config, int evalSize, Path out) {
        return run(config, evalSize, out, history -> { });
    }

    /** As {@link #run(ForwardForwardTrainer.Config, int, Path)}, calling {@code afterCheckpoint} with the history so far. */
    public Outcome run(ForwardForwardTrainer.Config config, int evalSize, Path out, Consumer<Table> afterCheckpoint) {
        int[] trainLabels = train.labelArray();
        int[] testLabels = test.labelArray();
        ForwardForwardHistory recorder = Histories.forwardForward(trainImages, trainLabels, testImages, testLabels, evalSize);
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        recorder.then(afterCheckpoint);
        ForwardForwardTrainer trainer = new ForwardForwardTrainer(config);
        ForwardForwardNet net = trainer.newNet(train.pixelsPerImage(), 10);
        ForwardForwardTrainer.Result result = trainer.train(net, trainImages, trainLabels, recorder);
        Table history = recorder.table();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", net.describe());
        s.put("data", train.name() + " / " + test.name());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mode", config.mode().label());
        c.put("b", config.b());
        c.put("switch_prob", config.switchProbability());
        c.put("process", config.process() == null ? null : config.process().describe());
        c.put("negatives", config.negatives().label());
        c.put("isd_weights", config.isdWeights().label());
        c.put("epochs", config.epochs());
        c.put("lr", config.rate());
        c.put("threshold", config.threshold());
        c.put("hidden", config.hidden());
        c.put("eval_every", config.evalEvery());
        c.put("eval_size", evalSize);
        s.put("config", c);
        s.put("seed", config.seed());
        s.put("steps_done", result.steps());
        s.put("positive_examples", result.positiveExamples());
        s.put("negative_examples", result.negativeExamples());
        s.put("wall_seconds", result.wallSeconds());
        s.put("examples_per_second", result.examplesPerSecond());
        s.put("steps_per_second", result.stepsPerSecond());
        s.put("diverged", result.divergence() != null);
        s.put("divergence", result.divergence());
        Map<String, Object> fin = new LinkedHashMap<>(); // of the last checkpoint's net when the run diverged
        fin.put("step", history.longColumn("step").get(history.rowCount() - 1));
        fin.put("train_error", net.error(trainImages, trainLabels, Integer.MAX_VALUE));
        fin.put("test_error", net.error(testImages, testLabels, Integer.MAX_VALUE));
        s.put("final", fin);
        if (out != null) {
            RunFiles.writeJson(s, out.resolve("summary.json"));
            Charts.savePng(RunCharts.errorHistory(history, net.describe() + " on " + train.name() + ", " + config.mode().label(),
                    "training steps (one image each)", List.of("train_error", "test_error")),
                    out.resolve("history.png"));
        }
        return new Outcome(history, result, s);
    }
}

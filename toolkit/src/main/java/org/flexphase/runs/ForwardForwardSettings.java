package org.flexphase.runs;

import org.flexphase.util.Settings;
import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.nio.file.Path;
import java.util.List;
import org.flexphase.forwardforward.ForwardForwardTrainer;

/**
 * An {@code ff} run: a Forward-Forward network on labelled images. Components are the {@code ff} command's
 * options, including the protocol choices {@code negatives} (paired | published) and {@code isd_weights}
 * (unbiased | published); {@link #DEFAULTS} are the paper's settings ({@link ForwardForwardTrainer.Config#paper}).
 */
public record ForwardForwardSettings(ForwardForwardTrainer.Mode mode, String data, String dataDir, double b, double switchProb,
                                     int epochs, double lr, double threshold, List<Integer> hidden, long evalEvery,
                                     int evalSize, long seed, ForwardForwardTrainer.Negatives negatives,
                                     ForwardForwardTrainer.IsdWeights isdWeights)
        implements Settings {

    public static final ForwardForwardSettings DEFAULTS = defaults();

    private static ForwardForwardSettings defaults() {
        ForwardForwardTrainer.Config p = ForwardForwardTrainer.Config.paper(ForwardForwardTrainer.Mode.STANDARD, 1);
        return new ForwardForwardSettings(p.mode(), "mnist", null, p.b(), p.switchProbability(), p.epochs(),
                p.rate(), p.threshold(), java.util.Arrays.stream(p.hidden()).boxed().toList(), p.evalEvery(), 1000,
                p.seed(), p.negatives(), p.isdWeights());
    }

    public ForwardForwardSettings {
        hidden = hidden == null ? null : List.copyOf(hidden);
    }

    @Override
    public void validate() {
        requireChoice("mode", mode, ForwardForwardTrainer.Mode.class);
        requireChoice("data", data, Datasets.LABELLED.toArray(String[]::new));
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireAtLeast("epochs", epochs, 1);
        requirePositive("lr", lr);
        require(Double.isFinite(threshold), "threshold", threshold, "finite value");
        require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", hidden,
                "one or more layer sizes, each an integer >= 1");
        requireAtLeast("eval_every", evalEvery, 1);
        requireAtLeast("eval_size", evalSize, 1);
        requireChoice("negatives", negatives, ForwardForwardTrainer.Negatives.class);
        requireChoice("isd_weights", isdWeights, ForwardForwardTrainer.IsdWeights.class);
    }

    /** The trainer's configuration; call {@link #validate()} first. */
    public ForwardForwardTrainer.Config trainerConfig() {
        return new ForwardForwardTrainer.Config(mode, b, switchProb, null, epochs, lr,
                threshold, hidden.stream().mapToInt(Integer::intValue).toArray(), evalEvery, seed,
                negatives, isdWeights);
    }

    /** This run's row of a sweep's summary table. */
    public SweepColumns sweepColumns() {
        return new SweepColumns("ff " + mode.label(), b, switchProb, "", "adam(" + lr + ")", Double.NaN);
    }

    /** Runs into {@code out} (history, summary, chart; nothing written when null). */
    public RunOutcome<ForwardForwardSummary> run(Path out) {
        validate();
        var split = Datasets.labelled(data, dataDir);
        var o = new ForwardForwardRun(split.train(), split.test()).run(trainerConfig(), evalSize, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public ForwardForwardSettings withMode(ForwardForwardTrainer.Mode mode) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withData(String data) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withDataDir(String dataDir) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withB(double b) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withSwitchProb(double switchProb) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withEpochs(int epochs) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withLr(double lr) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withThreshold(double threshold) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withHidden(List<Integer> hidden) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withEvalEvery(long evalEvery) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withEvalSize(int evalSize) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withSeed(long seed) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withNegatives(ForwardForwardTrainer.Negatives negatives) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withIsdWeights(ForwardForwardTrainer.IsdWeights isdWeights) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
}

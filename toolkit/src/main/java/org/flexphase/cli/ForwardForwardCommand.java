package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.runs.ForwardForwardRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ff}: one Forward-Forward run on MNIST (or Fashion-MNIST). */
@Command(name = "ff", mixinStandardHelpOptions = true,
        description = "Train a Forward-Forward network (784-500-500) one image per step; writes history.csv, summary.json, history.png.")
public final class ForwardForwardCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", description = "standard | isd | local (default: ${DEFAULT-VALUE})")
    String mode = label(ForwardForwardSettings.DEFAULTS.mode());
    @Option(names = "--data", description = "mnist (the shipped 10,000-digit subset) | fashion (Debian's dataset-fashion-mnist)")
    String data = ForwardForwardSettings.DEFAULTS.data();
    @Option(names = "--data-dir", description = "read the data files from this folder instead of the jar (mnist) or the Debian path (fashion)")
    Path dataDir;
    @Option(names = "--b", description = "isd, local: probability of a positive step/phase, in (0,1)")
    double b = ForwardForwardSettings.DEFAULTS.b();
    @Option(names = "--switch-prob", description = "local: per-step switch probability, in (0,1]")
    double switchProb = ForwardForwardSettings.DEFAULTS.switchProb();
    @Option(names = "--negatives", description = "paired (the image with a fresh wrong label) | published (a fixed set: labels permuted once, so about 1 in 10 is the true one; shuffled apart from the positives) (default: ${DEFAULT-VALUE})")
    String negatives = label(ForwardForwardSettings.DEFAULTS.negatives());
    @Option(names = "--isd-weights", description = "isd, local: unbiased (1/b and 1/(1-b)) | published (1 for both) (default: ${DEFAULT-VALUE})")
    String isdWeights = label(ForwardForwardSettings.DEFAULTS.isdWeights());
    @Option(names = "--epochs", description = "passes through the training set")
    int epochs = ForwardForwardSettings.DEFAULTS.epochs();
    @Option(names = "--lr", description = "Adam learning rate")
    double lr = ForwardForwardSettings.DEFAULTS.lr();
    @Option(names = "--threshold", description = "goodness threshold")
    double threshold = ForwardForwardSettings.DEFAULTS.threshold();
    @Option(names = "--hidden", split = ",", description = "layer sizes (default: ${DEFAULT-VALUE})")
    List<Integer> hidden = new java.util.ArrayList<>(ForwardForwardSettings.DEFAULTS.hidden());
    @Option(names = "--seed", description = "random seed")
    long seed = ForwardForwardSettings.DEFAULTS.seed();
    @Option(names = "--eval-every", description = "steps between evaluations")
    long evalEvery = ForwardForwardSettings.DEFAULTS.evalEvery();
    @Option(names = "--eval-size", description = "images of each split used by intermediate evaluations (the final one uses all)")
    int evalSize = ForwardForwardSettings.DEFAULTS.evalSize();
    @Mixin
    RunOutput output;

    @Override
    public void checkOptions() {
        OutputFolder.checkOptions(spec, this::settings, output);
    }

    @Override
    public Integer call() {
        return OutputFolder.runCommand(spec, this::settings, output, ForwardForwardRun::outcome,
                summary -> String.format("%s %s (%s negatives, %s weights): %d steps, train error %.4f, test error "
                        + "%.4f, %.0f examples/s -> %s", summary.model(), mode, negatives, isdWeights,
                        summary.stepsDone(), summary.finalMetrics().trainError(), summary.finalMetrics().testError(),
                        summary.examplesPerSecond(), output.out));
    }

    /** The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting. */
    ForwardForwardSettings settings() {
        return ForwardForwardSettings.DEFAULTS.withMode(requireLabel("mode", mode, ForwardForwardTrainer.Mode.class))
                .withData(data).withDataDir(dataDir == null ? null : dataDir.toString()).withB(b)
                .withSwitchProb(switchProb).withEpochs(epochs).withLr(lr).withThreshold(threshold).withHidden(hidden)
                .withEvalEvery(evalEvery).withEvalSize(evalSize).withSeed(seed)
                .withNegatives(requireLabel("negatives", negatives, ForwardForwardTrainer.Negatives.class))
                .withIsdWeights(requireLabel("isd_weights", isdWeights, ForwardForwardTrainer.IsdWeights.class));
    }
}

package org.flexphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.runs.ForwardForwardRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ff}: one Forward-Forward run on MNIST (or Fashion-MNIST). */
@Command(name = "ff", mixinStandardHelpOptions = true,
        description = "Train a Forward-Forward network (784-500-500) one image per step; writes history.csv, summary.json, history.png.")
public final class ForwardForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", defaultValue = "standard", description = "standard | isd | local (default: ${DEFAULT-VALUE})")
    String mode;
    @Option(names = "--data", defaultValue = "mnist", description = "mnist (the shipped 10,000-digit subset) | fashion (Debian's dataset-fashion-mnist)")
    String data;
    @Option(names = "--data-dir", description = "read the data files from this folder instead of the jar (mnist) or the Debian path (fashion)")
    Path dataDir;
    @Option(names = "--b", defaultValue = "0.5", description = "isd, local: probability of a positive step/phase, in (0,1)")
    double b;
    @Option(names = "--switch-prob", defaultValue = "0.05", description = "local: per-step switch probability, in (0,1]")
    double switchProb;
    @Option(names = "--epochs", defaultValue = "2", description = "passes through the training set")
    int epochs;
    @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate")
    double lr;
    @Option(names = "--threshold", defaultValue = "2.0", description = "goodness threshold")
    double threshold;
    @Option(names = "--hidden", defaultValue = "500,500", split = ",", description = "layer sizes (default: ${DEFAULT-VALUE})")
    int[] hidden;
    @Option(names = "--seed", defaultValue = "1", description = "random seed")
    long seed;
    @Option(names = "--eval-every", defaultValue = "1000", description = "steps between evaluations")
    long evalEvery;
    @Option(names = "--eval-size", defaultValue = "1000", description = "images of each split used by intermediate evaluations (the final one uses all)")
    int evalSize;
    @Option(names = "--out", required = true, description = "output folder (refused if it holds another run's files)")
    Path out;
    @Option(names = "--overwrite", description = "replace another run's files in --out")
    boolean overwrite;

    @Override
    public Integer call() {
        Options.openUnit(spec, "--b", b);
        Options.halfOpenUnit(spec, "--switch-prob", switchProb);
        Options.atLeast(spec, "--epochs", epochs, 1);
        Options.positive(spec, "--lr", lr);
        Options.atLeast(spec, "--eval-every", evalEvery, 1);
        Options.atLeast(spec, "--eval-size", evalSize, 1);
        for (int h : hidden) {
            Options.atLeast(spec, "--hidden", h, 1);
        }
        ForwardForwardTrainer.Mode m;
        try {
            m = ForwardForwardTrainer.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw Options.bad(spec, "--mode", mode, "standard | isd | local");
        }
        OutputFolder.check(spec, out);
        var split = DataChoice.split(spec, data, dataDir);
        OutputFolder.claim(spec, out, new org.flexphase.runs.ForwardForwardSettings(m.label(), data,
                dataDir == null ? null : dataDir.toString(), b, switchProb, epochs, lr, threshold,
                java.util.Arrays.stream(hidden).boxed().toList(), evalEvery, evalSize, seed).canonical(), overwrite);
        var config = new ForwardForwardTrainer.Config(m, b, switchProb, null, epochs, lr, threshold, hidden, evalEvery, seed);
        ForwardForwardRun.Outcome o = new ForwardForwardRun(split.train(), split.test()).run(config, evalSize, out);
        System.out.printf("%s %s: %d steps, train error %.4f, test error %.4f, %.0f examples/s -> %s%n",
                o.summary().get("model"), m.label(), o.result().steps(), o.finalTrainError(), o.finalTestError(),
                o.result().examplesPerSecond(), out);
        if (o.result().divergence() != null) {
            System.err.println("flexphase: run diverged: " + o.result().divergence());
            return 1;
        }
        return 0;
    }
}

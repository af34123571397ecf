package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.PresentationLaw;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.runs.EpRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ep}: one Equilibrium Propagation / Contrastive Hebbian learning run of a Hopfield network on MNIST. */
@Command(name = "ep", mixinStandardHelpOptions = true,
        description = "Train a layered Hopfield network (784-500-10) by Equilibrium Propagation or CHL, standard or with "
                + "flexible phases; writes history.csv, summary.json, history.png.")
public final class EpCommand implements Callable<Integer>, CheckedOptions {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", description = "standard | symmetric | chl | local (default: ${DEFAULT-VALUE})")
    String mode = label(EpSettings.DEFAULTS.mode());
    @Option(names = "--data", description = "mnist (the shipped 10,000-digit subset) | fashion")
    String data = EpSettings.DEFAULTS.data();
    @Option(names = "--data-dir", description = "read the data files from this folder")
    Path dataDir;
    @Option(names = "--beta", description = "nudge strength, in (0,1) (default: ${DEFAULT-VALUE})")
    double beta = EpSettings.DEFAULTS.beta();
    @Option(names = "--free-steps", description = "relaxation sweeps of the free phase per example (default: ${DEFAULT-VALUE})")
    int freeSteps = EpSettings.DEFAULTS.freeSteps();
    @Option(names = "--nudge-steps", description = "relaxation sweeps of the nudged (clamped) phase per example (default: ${DEFAULT-VALUE})")
    int nudgeSteps = EpSettings.DEFAULTS.nudgeSteps();
    @Option(names = "--b", description = "local: probability that a new phase is nudged, in (0,1)")
    double b = EpSettings.DEFAULTS.b();
    @Option(names = "--switch-prob", description = "local: per-sweep switch probability of the phase process, in (0,1] (default: ${DEFAULT-VALUE})")
    double switchProb = EpSettings.DEFAULTS.switchProb();
    @Option(names = "--presentation", description = "local: example lengths, fixed | geometric, mean free-steps + nudge-steps (default: ${DEFAULT-VALUE})")
    String presentation = label(EpSettings.DEFAULTS.presentation());
    @Option(names = "--sweeps-per-step", description = "local: relaxation sweeps per time step (default: ${DEFAULT-VALUE})")
    int sweepsPerStep = EpSettings.DEFAULTS.sweepsPerStep();
    @Option(names = "--trace-tau", description = "local: centre the statistic on a slow activity trace of this time constant in sweeps, a control variate (0: off) (default: ${DEFAULT-VALUE})")
    double traceTau = EpSettings.DEFAULTS.traceTau();
    @Option(names = "--hidden", split = ",", description = "hidden layer sizes (default: ${DEFAULT-VALUE})")
    List<Integer> hidden = new java.util.ArrayList<>(EpSettings.DEFAULTS.hidden());
    @Option(names = "--epochs", description = "epochs of relaxation sweeps (one epoch = 8,000 x (free + nudge) sweeps) (default: ${DEFAULT-VALUE})")
    int epochs = EpSettings.DEFAULTS.epochs();
    @Option(names = "--lr", description = "learning rate per example (default: ${DEFAULT-VALUE})")
    double lr = EpSettings.DEFAULTS.lr();
    @Option(names = "--lr-tau-epochs", description = "0: constant rate; else lr / (1 + t / tau), tau in epochs (default: ${DEFAULT-VALUE})")
    double lrTauEpochs = EpSettings.DEFAULTS.lrTauEpochs();
    @Option(names = "--eval-per-epoch", description = "checkpoints per epoch (default: ${DEFAULT-VALUE})")
    int evalPerEpoch = EpSettings.DEFAULTS.evalPerEpoch();
    @Option(names = "--eval-size", description = "images of each split used by intermediate evaluations (the final one uses all)")
    int evalSize = EpSettings.DEFAULTS.evalSize();
    @Option(names = "--seed", description = "random seed")
    long seed = EpSettings.DEFAULTS.seed();
    @Mixin
    RunOutput output;

    @Override
    public void checkOptions() {
        OutputFolder.checkOptions(spec, this::settings, output);
    }

    @Override
    public Integer call() {
        return OutputFolder.runCommand(spec, this::settings, output, EpRun::outcome, summary -> String.format(
                "%s ep %s: %d relaxation steps, train error %.4f, test error %.4f, %.1f s -> %s", summary.model(), mode,
                summary.relaxationSteps(), summary.finalMetrics().trainError(), summary.finalMetrics().testError(),
                summary.wallSeconds(), output.out));
    }

    /** The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting. */
    EpSettings settings() {
        return EpSettings.DEFAULTS.withMode(requireLabel("mode", mode, EquilibriumPropagationTrainer.Mode.class))
                .withData(data).withDataDir(dataDir == null ? null : dataDir.toString()).withBeta(beta)
                .withFreeSteps(freeSteps).withNudgeSteps(nudgeSteps).withB(b).withSwitchProb(switchProb)
                .withPresentation(requireLabel("presentation", presentation, PresentationLaw.class))
                .withSweepsPerStep(sweepsPerStep).withTraceTau(traceTau).withHidden(hidden).withEpochs(epochs).withLr(lr)
                .withLrTauEpochs(lrTauEpochs).withEvalPerEpoch(evalPerEpoch).withEvalSize(evalSize).withSeed(seed);
    }
}

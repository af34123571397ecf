package org.flexphase.cli;

import static org.flexphase.util.InvalidSetting.label;
import static org.flexphase.util.InvalidSetting.requireLabel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.PresentationLaw;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.learning.TraceGate;
import org.flexphase.util.InvalidSetting;
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

    @Option(names = "--mode", description = "standard | symmetric | chl | local (default: ${DEFAULT-VALUE}); local "
            + "changes the defaults marked 'local:' to the best flexible-phase setting measured (docs/experiments.md, "
            + "Phase-gated trace); an option given on the command line always wins")
    String mode = label(EpSettings.DEFAULTS.mode());
    @Option(names = "--data", description = "mnist (the shipped 10,000-digit subset) | fashion")
    String data = EpSettings.DEFAULTS.data();
    @Option(names = "--data-dir", description = "read the data files from this folder")
    Path dataDir;
    @Option(names = "--beta", description = "nudge strength, in (0,1) (default: ${DEFAULT-VALUE}; local: 0.5)")
    double beta = EpSettings.DEFAULTS.beta();
    @Option(names = "--free-steps", description = "relaxation sweeps of the free phase per example (default: ${DEFAULT-VALUE})")
    int freeSteps = EpSettings.DEFAULTS.freeSteps();
    @Option(names = "--nudge-steps", description = "relaxation sweeps of the nudged (clamped) phase per example (default: ${DEFAULT-VALUE})")
    int nudgeSteps = EpSettings.DEFAULTS.nudgeSteps();
    @Option(names = "--b", description = "local: probability that a new phase is nudged, in (0,1) (default: ${DEFAULT-VALUE})")
    double b = EpSettings.DEFAULTS.b();
    @Option(names = "--switch-prob", description = "local: per-sweep switch probability of the phase process, in (0,1] (default: ${DEFAULT-VALUE})")
    double switchProb = EpSettings.DEFAULTS.switchProb();
    @Option(names = "--presentation", description = "local: example lengths, fixed | geometric, mean free-steps + nudge-steps (default: ${DEFAULT-VALUE})")
    String presentation = label(EpSettings.DEFAULTS.presentation());
    @Option(names = "--sweeps-per-step", description = "local: relaxation sweeps per time step (default: ${DEFAULT-VALUE})")
    int sweepsPerStep = EpSettings.DEFAULTS.sweepsPerStep();
    @Option(names = "--trace-tau", description = "local: centre the statistic on a slow activity trace of this time constant in sweeps, a control variate (0: off) (default: ${DEFAULT-VALUE}; local: 1, a sample-and-hold)")
    double traceTau = EpSettings.DEFAULTS.traceTau();
    @Option(names = "--trace-gate", description = "local, with a trace: always (the ungated trace) | free-only (taken in "
            + "during free phases, held through nudged ones; both phases learn) | free-only-nudged-term (held, and only "
            + "nudged steps learn) (default: always; local: free-only-nudged-term)")
    String traceGate;
    @Option(names = "--trace-hold", description = "local, with a trace: free steps of an example a nudged step waits for "
            + "before it learns, 0 <= value < free-steps + nudge-steps (default: 0; local: 4)")
    int traceHold;
    @Option(names = "--trace-commit", paramLabel = "true|false", description = "local, with the "
            + "free-only-nudged-term gate: sum the nudged steps' increments and apply them when the nudged phase ends "
            + "(default: false; local: true with that gate)")
    String traceCommit;
    @Option(names = "--hidden", split = ",", description = "hidden layer sizes (default: ${DEFAULT-VALUE})")
    List<Integer> hidden = new java.util.ArrayList<>(EpSettings.DEFAULTS.hidden());
    @Option(names = "--epochs", description = "epochs of relaxation sweeps (one epoch = 8,000 x (free + nudge) sweeps) (default: ${DEFAULT-VALUE})")
    int epochs = EpSettings.DEFAULTS.epochs();
    @Option(names = "--lr", description = "learning rate per example (default: ${DEFAULT-VALUE}; local: 0.045)")
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

    /**
     * The options as the run's settings (the same record a sweep spec binds); an unknown label is an InvalidSetting.
     * The mode's defaults ({@link EpSettings#defaults}) fill what the command line does not give; with the trace
     * turned off ({@code --trace-tau 0}) the mode's default gate, hold and commit, which act on the trace, are dropped,
     * and with another gate given the mode's commit, which needs the nudged-term gate.
     */
    EpSettings settings() {
        EquilibriumPropagationTrainer.Mode m = requireLabel("mode", mode, EquilibriumPropagationTrainer.Mode.class);
        EpSettings d = EpSettings.defaults(m);
        double tau = ModeDefaults.pick(spec, "--trace-tau", traceTau, d.traceTau());
        boolean traced = tau > 0;
        TraceGate gate = ModeDefaults.given(spec, "--trace-gate")
                ? requireLabel("trace_gate", traceGate, TraceGate.class) : traced ? d.traceGate() : null;
        Integer hold = ModeDefaults.given(spec, "--trace-hold") ? Integer.valueOf(traceHold)
                : traced ? d.traceHold() : null;
        // The mode's commit goes with the gate it needs: another gate given on the command line drops it.
        Boolean commit = ModeDefaults.given(spec, "--trace-commit") ? bool("trace_commit", traceCommit)
                : traced && gate == TraceGate.FREE_ONLY_NUDGED_TERM ? d.traceCommit() : null;
        return d.withData(data).withDataDir(dataDir == null ? null : dataDir.toString())
                .withBeta(ModeDefaults.pick(spec, "--beta", beta, d.beta()))
                .withFreeSteps(freeSteps).withNudgeSteps(nudgeSteps).withB(ModeDefaults.pick(spec, "--b", b, d.b()))
                .withSwitchProb(ModeDefaults.pick(spec, "--switch-prob", switchProb, d.switchProb()))
                .withPresentation(requireLabel("presentation", presentation, PresentationLaw.class))
                .withSweepsPerStep(sweepsPerStep).withTraceTau(tau).withTraceGate(gate).withTraceHold(hold)
                .withTraceCommit(commit).withHidden(hidden).withEpochs(epochs)
                .withLr(ModeDefaults.pick(spec, "--lr", lr, d.lr()))
                .withLrTauEpochs(ModeDefaults.pick(spec, "--lr-tau-epochs", lrTauEpochs, d.lrTauEpochs()))
                .withEvalPerEpoch(evalPerEpoch).withEvalSize(evalSize).withSeed(seed);
    }

    /**
     * {@code true} or {@code false}, any case, else an InvalidSetting naming {@code key} (picocli's own boolean reads
     * an empty value as false).
     */
    static Boolean bool(String key, String value) {
        InvalidSetting.require("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value), key, value,
                "true or false");
        return Boolean.parseBoolean(value);
    }
}

package org.flexphase.runs;

import org.flexphase.util.Settings;
import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.nio.file.Path;
import org.flexphase.util.InvalidSetting;
import java.util.List;
import org.flexphase.hopfield.EquilibriumPropagation;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.LengthLaw;
import org.flexphase.hopfield.PresentationLaw;

/**
 * An {@code ep} run: Equilibrium Propagation or Contrastive Hebbian learning of a layered Hopfield network on labelled
 * images (docs/theory.md section 5.1, docs/experiments.md). Components are the {@code ep} command's options. The
 * budget is counted in relaxation sweeps: one epoch is {@code N x (free_steps + nudge_steps)} sweeps, what standard EP
 * spends on one pass through the N training images, so every mode gets the same physical work per epoch. {@code lr}
 * is per example in every mode (LOCAL applies {@code lr / E[presentation length]} per sweep); with
 * {@code lr_tau_epochs > 0} it decays as {@code lr / (1 + t / tau)}, {@code tau} that many epochs of sweeps. {@link #DEFAULTS} reach
 * the goal of standard EP at or below 5 % test error on the MNIST subset.
 */
public record EpSettings(EquilibriumPropagationTrainer.Mode mode, String data, String dataDir, double beta, int freeSteps, int nudgeSteps,
                         double b, double switchProb, PresentationLaw presentation, int sweepsPerStep, double traceTau,
                         List<Integer> hidden, int epochs, double lr, double lrTauEpochs, int evalPerEpoch, int evalSize,
                         long seed)
        implements Settings {

    public static final EpSettings DEFAULTS = new EpSettings(EquilibriumPropagationTrainer.Mode.STANDARD, "mnist",
            null, 0.3, 20, 4, 0.5, 0.5, PresentationLaw.FIXED, 1, 0, List.of(500), 8, 0.02, 1, 2, 2000, 1);

    public EpSettings {
        hidden = hidden == null ? null : List.copyOf(hidden);
    }

    @Override
    public void validate() {
        requireChoice("mode", mode, EquilibriumPropagationTrainer.Mode.class);
        requireChoice("data", data, Datasets.LABELLED.toArray(String[]::new));
        requireOpenUnit("beta", beta);
        requireAtLeast("free_steps", freeSteps, 1);
        requireAtLeast("nudge_steps", nudgeSteps, 1);
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireChoice("presentation", presentation, PresentationLaw.class);
        requireAtLeast("sweeps_per_step", sweepsPerStep, 1);
        EquilibriumPropagation.requireTraceTau("trace_tau", traceTau);
        require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", hidden,
                "one or more layer sizes, each an integer >= 1");
        requireAtLeast("epochs", epochs, 1);
        requirePositive("lr", lr);
        require(lrTauEpochs >= 0 && Double.isFinite(lrTauEpochs), "lr_tau_epochs", lrTauEpochs, "finite value >= 0");
        requireAtLeast("eval_per_epoch", evalPerEpoch, 1);
        requireAtLeast("eval_size", evalSize, 1);
    }

    /** Layer sizes input-hidden...-10 for {@code inputs} inputs. */
    public int[] layerSizes(int inputs) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = inputs;
        for (int l = 0; l < hidden.size(); l++) {
            sizes[l + 1] = hidden.get(l);
        }
        sizes[sizes.length - 1] = 10;
        return sizes;
    }

    /** Relaxation sweeps in one epoch on {@code examples} training images. */
    public long sweepsPerEpoch(int examples) {
        return (long) examples * (freeSteps + nudgeSteps);
    }

    /** The trainer's configuration for {@code examples} training images; call {@link #validate()} first. */
    public EquilibriumPropagationTrainer.Config trainerConfig(int examples) {
        int length = freeSteps + nudgeSteps;
        LengthLaw law = presentation.withMean(length);
        long steps = epochs * sweepsPerEpoch(examples);
        long evalEvery = Math.max(1, sweepsPerEpoch(examples) / evalPerEpoch);
        return new EquilibriumPropagationTrainer.Config(
                mode, beta, freeSteps, nudgeSteps,
                b, switchProb, law, sweepsPerStep, traceTau, schedule(examples), steps, evalEvery, seed);
    }

    /** {@code lr}, or {@code lr / (1 + t / (lr_tau_epochs epochs))} when {@code lr_tau_epochs > 0}. */
    LearningRateSchedule schedule(int examples) {
        return lrTauEpochs == 0 ? LearningRateSchedule.constant(lr)
                : LearningRateSchedule.robbinsMonro(lr, lrTauEpochs * sweepsPerEpoch(examples), 1.0);
    }

    /** This run's row of a sweep's summary table. */
    public SweepColumns sweepColumns() {
        return new SweepColumns("ep " + InvalidSetting.label(mode), b, switchProb, "", "constant(" + lr + ")",
                epochs * sweepsPerEpoch(8000));
    }

    /** Runs into {@code out} (history, summary, chart; nothing written when null). */
    public RunOutcome<EpSummary> run(Path out) {
        validate();
        var split = Datasets.labelled(data, dataDir);
        var o = new EpRun(split.train(), split.test()).run(this, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public EpSettings withMode(EquilibriumPropagationTrainer.Mode mode) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withData(String data) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withDataDir(String dataDir) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withBeta(double beta) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withFreeSteps(int freeSteps) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withNudgeSteps(int nudgeSteps) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withB(double b) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withSwitchProb(double switchProb) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withPresentation(PresentationLaw presentation) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withSweepsPerStep(int sweepsPerStep) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withTraceTau(double traceTau) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withHidden(List<Integer> hidden) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withEpochs(int epochs) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withLr(double lr) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withLrTauEpochs(double lrTauEpochs) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withEvalPerEpoch(int evalPerEpoch) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withEvalSize(int evalSize) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
    public EpSettings withSeed(long seed) {
        return new EpSettings(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation,
                sweepsPerStep, traceTau, hidden, epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }
}

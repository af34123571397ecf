package org.flexphase.runs;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;

/**
 * An {@code ep} run: Equilibrium Propagation or Contrastive Hebbian learning of a layered Hopfield network on labelled
 * images (docs/theory.md section 5.1, docs/experiments.md). Components are the {@code ep} command's options. The
 * budget is counted in relaxation sweeps: one epoch is {@code N x (free_steps + nudge_steps)} sweeps, what standard EP
 * spends on one pass through the N training images, so every mode gets the same physical work per epoch. {@code lr}
 * is per example in every mode (LOCAL applies {@code lr / E[presentation length]} per sweep); with
 * {@code lr_tau_epochs > 0} it decays as {@code lr / (1 + t / tau)}, {@code tau} that many epochs of sweeps. {@link #DEFAULTS} reach
 * the goal of standard EP at or below 5 % test error on the MNIST subset.
 */
public record EpSettings(String mode, String data, String dataDir, double beta, int freeSteps, int nudgeSteps,
                         double b, double switchProb, String presentation, int sweepsPerStep, double traceTau,
                         List<Integer> hidden, int epochs, double lr, double lrTauEpochs, int evalPerEpoch, int evalSize,
                         long seed)
        implements RunSettings {

    /** Without the activity trace ({@code trace_tau = 0}). */
    public EpSettings(String mode, String data, String dataDir, double beta, int freeSteps, int nudgeSteps, double b,
                      double switchProb, String presentation, int sweepsPerStep, List<Integer> hidden, int epochs,
                      double lr, double lrTauEpochs, int evalPerEpoch, int evalSize, long seed) {
        this(mode, data, dataDir, beta, freeSteps, nudgeSteps, b, switchProb, presentation, sweepsPerStep, 0, hidden,
                epochs, lr, lrTauEpochs, evalPerEpoch, evalSize, seed);
    }

    public static final EpSettings DEFAULTS = new EpSettings("standard", "mnist", null, 0.3, 20, 4, 0.5, 0.5, "fixed",
            1, List.of(500), 8, 0.02, 1, 2, 2000, 1);

    public EpSettings {
        hidden = hidden == null ? null : List.copyOf(hidden);
    }

    @Override
    public String kind() {
        return "ep";
    }

    @Override
    public void validate() {
        requireChoice("mode", mode, "standard", "symmetric", "chl", "local");
        requireChoice("data", data, Datasets.LABELLED.toArray(String[]::new));
        requireOpenUnit("beta", beta);
        requireAtLeast("free_steps", freeSteps, 1);
        requireAtLeast("nudge_steps", nudgeSteps, 1);
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireChoice("presentation", presentation, "fixed", "geometric");
        requireAtLeast("sweeps_per_step", sweepsPerStep, 1);
        require(traceTau == 0 || (traceTau >= 1 && Double.isFinite(traceTau)), "trace_tau", traceTau,
                "0 (off) or a finite value >= 1");
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
        LengthLaw law = presentation.equals("fixed") ? LengthLaws.fixed(length) : LengthLaws.geometric(1.0 / length);
        long steps = epochs * sweepsPerEpoch(examples);
        long evalEvery = Math.max(1, sweepsPerEpoch(examples) / evalPerEpoch);
        return new EquilibriumPropagationTrainer.Config(
                EquilibriumPropagationTrainer.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), beta, freeSteps, nudgeSteps,
                b, switchProb, law, sweepsPerStep, traceTau, schedule(examples), steps, evalEvery, seed);
    }

    /** {@code lr}, or {@code lr / (1 + t / (lr_tau_epochs epochs))} when {@code lr_tau_epochs > 0}. */
    LearningRateSchedule schedule(int examples) {
        return lrTauEpochs == 0 ? LearningRateSchedule.constant(lr)
                : LearningRateSchedule.robbinsMonro(lr, lrTauEpochs * sweepsPerEpoch(examples), 1.0);
    }

    @Override
    public RunOutcome run(Path out) {
        validate();
        var split = Datasets.labelled(data, dataDir);
        var o = new EpRun(split.train(), split.test()).run(this, out);
        return new RunOutcome(o.history(), o.summary(), o.divergence());
    }
}

package org.flexphase.runs;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.nio.file.Path;
import org.flexphase.circuits.CouplingConfig;
import org.flexphase.circuits.CouplingMode;

/**
 * A {@code network} run: coupled learning in a resistor network (docs/theory.md section 5.2). The network is a random
 * geometric graph of {@code nodes} nodes and mean degree {@code degree}; the task is a random linear map
 * ({@code regression}: {@code inputs} input nodes, {@code outputs} output nodes, {@code examples} examples), Iris or the
 * MNIST subset ({@code train_size} and {@code test_size} digits, pixels as input potentials). Everything random about
 * the network and the task derives from {@code seed}, so runs of different modes with the same seed learn the same
 * network on the same task.
 */
public record NetworkSettings(String task, int nodes, double degree, int inputs, int outputs, int examples,
                              int trainSize, int testSize, String mode, String relax, double relaxRate,
                              double switchProb, double presentProb, double b, int phaseLength, double nudge,
                              double lr, double kMin, double kMax, long steps, long evalEvery, long seed)
        implements RunSettings {

    public static final NetworkSettings DEFAULTS = new NetworkSettings("regression", 64, 4.0, 3, 2, 5, 100, 100,
            "standard", "uniform", 0.5, 0.05, 0.01, 0.5, 10, 0.1, 0.5, 1e-3, 1e3, 100_000, 5_000, 1);

    @Override
    public String kind() {
        return "network";
    }

    @Override
    public void validate() {
        requireChoice("task", task, "regression", "iris", "mnist");
        requireAtLeast("nodes", nodes, 8);
        require(degree >= 2 && degree <= 20, "degree", degree, "2 <= value <= 20");
        requireAtLeast("inputs", inputs, 1);
        requireAtLeast("outputs", outputs, 1);
        requireAtLeast("examples", examples, 1);
        requireAtLeast("train_size", trainSize, 1);
        requireAtLeast("test_size", testSize, 1);
        requireChoice("mode", mode, "standard", "twin", "local");
        requireChoice("relax", relax, "uniform", "jacobi");
        requireHalfOpenUnit("relax_rate", relaxRate);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireHalfOpenUnit("present_prob", presentProb);
        requireOpenUnit("b", b);
        requireAtLeast("phase_length", phaseLength, 1);
        requireHalfOpenUnit("nudge", nudge);
        requirePositive("lr", lr);
        requirePositive("k_min", kMin);
        require(kMax >= kMin && kMax < Double.POSITIVE_INFINITY, "k_max", kMax, "finite value >= k_min");
        requireAtLeast("steps", steps, 1);
        requireAtLeast("eval_every", evalEvery, 1);
        int needed = switch (task) {
            case "iris" -> 8 + 1 + 3;
            case "mnist" -> 784 + 1 + 10;
            default -> inputs + outputs;
        };
        require(nodes >= needed + 2, "nodes", nodes, "integer >= " + (needed + 2) + " (inputs, outputs, ground and a "
                + "hidden node for task " + task + ")");
    }

    /** The trainer's configuration; call {@link #validate()} first. */
    public CouplingConfig trainerConfig() {
        return new CouplingConfig(CouplingMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)), b, switchProb,
                presentProb, phaseLength, lr, steps, evalEvery, org.flexphase.util.Rngs.mix(seed, 3));
    }

    @Override
    public RunOutcome run(Path out) {
        validate();
        NetworkRun.Outcome o = NetworkRun.run(this, out);
        return new RunOutcome(o.history(), o.summary(), o.divergence());
    }
}

package org.flexphase.forwardforward;

import static org.flexphase.util.InvalidSetting.require;
import static org.flexphase.util.InvalidSetting.requireAtLeast;
import static org.flexphase.util.InvalidSetting.requireChoice;
import static org.flexphase.util.InvalidSetting.requireHalfOpenUnit;
import static org.flexphase.util.InvalidSetting.requireOpenUnit;
import static org.flexphase.util.InvalidSetting.requirePositive;

import java.util.List;
import org.flexphase.data.DatasetNames;
import org.flexphase.forwardforward.ForwardForwardTrainer.IsdWeights;
import org.flexphase.forwardforward.ForwardForwardTrainer.Mode;
import org.flexphase.forwardforward.ForwardForwardTrainer.Negatives;
import org.flexphase.util.MemoryBudget;
import org.flexphase.util.Settings;

/**
 * Everything that determines an {@code ff} run, and what {@link ForwardForwardTrainer} takes: a Forward-Forward
 * network on labelled images. Components are the {@code ff} command's options: {@code mode}, the positive
 * probability {@code b} (isd, local), the geometric switching probability {@code switch_prob} (local), {@code epochs}
 * (the budget is {@code epochs} times the training images, one image per step), Adam's step size {@code lr}, the
 * goodness {@code threshold}, the {@code hidden} layer sizes, a checkpoint every {@code eval_every} steps on the first
 * {@code eval_size} images of each split, the {@code seed}, and the protocol choices {@code negatives}
 * (paired | published) and {@code isd_weights} (unbiased | published). {@link #DEFAULTS} are the paper's settings
 * (docs/experiments.md): 784-500-500, threshold 2, Adam 0.01, 2 epochs, b 0.5, the toolkit's protocol.
 */
public record ForwardForwardSettings(Mode mode, String data, String dataDir, double b, double switchProb,
                                     int epochs, double lr, double threshold, List<Integer> hidden, long evalEvery,
                                     int evalSize, long seed, Negatives negatives, IsdWeights isdWeights)
        implements Settings {

    public static final ForwardForwardSettings DEFAULTS = new ForwardForwardSettings(Mode.STANDARD, "mnist", null,
            0.5, 0.05, 2, 0.01, 2.0, List.of(500, 500), 1000, 1000, 1, Negatives.PAIRED, IsdWeights.UNBIASED);

    public ForwardForwardSettings {
        hidden = hidden == null ? null : List.copyOf(hidden);
    }

    @Override
    public void validate() {
        requireChoice("mode", mode, Mode.class);
        requireChoice("data", data, DatasetNames.LABELLED.toArray(String[]::new));
        org.flexphase.util.InvalidSetting.requireFolderOrNull("data_dir", dataDir);
        requireOpenUnit("b", b);
        requireHalfOpenUnit("switch_prob", switchProb);
        requireAtLeast("epochs", epochs, 1);
        requirePositive("lr", lr);
        require(Double.isFinite(threshold), "threshold", threshold, "finite value");
        require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", hidden,
                "one or more layer sizes, each an integer >= 1");
        requireAtLeast("eval_every", evalEvery, 1);
        requireAtLeast("eval_size", evalSize, 1);
        requireChoice("negatives", negatives, Negatives.class);
        requireChoice("isd_weights", isdWeights, IsdWeights.class);
        requireMemory(MemoryBudget.heap());
    }

    /**
     * Parameter-sized arrays a run holds at once: the live parameters, Adam's two moments, the gradient, the flat
     * copy a step assembles, the last finite copy, the Polyak average and its mark, and the copy a checkpoint
     * evaluates.
     */
    static final int PARAMETER_COPIES = 9;

    /**
     * Refuses layer sizes whose run cannot fit in {@code heapBytes}, before anything is allocated: {@link
     * #PARAMETER_COPIES} copies of the parameter vector (every layer's weights and biases in one {@code double[]},
     * which must also fit one Java array), the activations (4 copies of every layer), and the dataset as loaded (each
     * image as bytes and as scaled doubles; mnist is the shipped 10,000 images, fashion 70,000). {@code eval_size}
     * takes the first images of a split without a copy, so it allocates nothing.
     */
    void requireMemory(long heapBytes) {
        long in = DatasetNames.inputUnits(data);
        long params = 0;
        long units = 0;
        for (int h : hidden) {
            params = MemoryBudget.plus(params, MemoryBudget.times(in, h), h);
            units = MemoryBudget.plus(units, h);
            in = h;
        }
        long images = data.equals("fashion") ? 70_000 : 10_000;
        long inputs = DatasetNames.inputUnits(data);
        long needed = MemoryBudget.plus(MemoryBudget.times(PARAMETER_COPIES, MemoryBudget.doubles(params)),
                MemoryBudget.times(4, MemoryBudget.doubles(units)),
                MemoryBudget.times(images, MemoryBudget.plus(inputs + 1, MemoryBudget.doubles(inputs))));
        MemoryBudget.requireFits("hidden", hidden, needed, "layers " + hidden + " on " + data + " ("
                + PARAMETER_COPIES + " copies of " + params + " parameters, activations and " + images + " images)",
                "layer sizes, each an integer >= 1, whose run fits in the heap", heapBytes);
    }

    /** The hidden layer sizes as an array. */
    public int[] hiddenSizes() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    // Copies with one setting changed: DEFAULTS.withHidden(64).withMode(...) reads as the settings it names.
    public ForwardForwardSettings withMode(Mode mode) {
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
    public ForwardForwardSettings withNegatives(Negatives negatives) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }
    public ForwardForwardSettings withIsdWeights(IsdWeights isdWeights) {
        return new ForwardForwardSettings(mode, data, dataDir, b, switchProb, epochs, lr, threshold, hidden, evalEvery,
                evalSize, seed, negatives, isdWeights);
    }

    /** Both protocol choices as the published script makes them. */
    public ForwardForwardSettings withPublishedProtocol() {
        return withNegatives(Negatives.PUBLISHED).withIsdWeights(IsdWeights.PUBLISHED);
    }
}

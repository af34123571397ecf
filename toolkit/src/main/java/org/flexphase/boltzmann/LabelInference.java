package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * Classification with a generative RBM whose last {@code classes} visible units are a one-hot label: clamp the
 * other visible units to an input, run Gibbs sampling on the hidden and label units only, discard a burn-in,
 * average the label units' conditional probabilities {@code p(y_c = 1 | h)} over the remaining steps and take the
 * arg-max (docs/experiments.md: 80 steps, 40 burn-in). Averaging the probabilities rather than the 0/1 samples gives
 * the same expectation with less noise. Not thread-safe (scratch arrays); one instance per thread.
 */
public final class LabelInference {
    private final Rbm rbm;
    private final int classes;
    private final int steps;
    private final int burnIn;
    private final BoltzmannState state;
    private final double[] inputField;
    private final double[] hiddenField;
    private final double[] labelField;
    private final double[] mean;

    /** Inference of the last {@code classes} visible units of {@code rbm} with {@code steps} Gibbs steps, {@code burnIn} discarded. */
    public LabelInference(Rbm rbm, int classes, int steps, int burnIn) {
        this.rbm = rbm;
        this.classes = Checks.requireInRange(classes, 2, rbm.visibleCount() - 1, "classes");
        this.steps = Checks.requireAtLeast(steps, 1, "steps");
        this.burnIn = Checks.requireInRange(burnIn, 0, steps - 1, "burn-in");
        this.state = rbm.newState();
        this.inputField = new double[rbm.hiddenCount()];
        this.hiddenField = new double[rbm.hiddenCount()];
        this.labelField = new double[classes];
        this.mean = new double[classes];
    }

    /**
     * The predicted class of {@code input} (the first {@code visible - classes} units, 0/1). Consumes, per step,
     * one {@code nextDouble()} per hidden unit and one per label unit.
     */
    public int predict(double[] input, RandomGenerator rng) {
        int nv = rbm.visibleCount();
        int first = nv - classes;
        if (input.length < first) {
            throw new IllegalArgumentException("input must have at least " + first + " units: " + input.length);
        }
        System.arraycopy(input, 0, state.visible, 0, first);
        java.util.Arrays.fill(state.visible, first, nv, 0.0);
        java.util.Arrays.fill(mean, 0.0);
        double beta = rbm.inverseTemperature();
        // A hidden field sums the bias, then the active inputs, then the active labels, in index order; only the
        // labels change from step to step, so the partial sum over the input is computed once (the same additions
        // in the same order: bit-identical to a full pass), and only the label units' visible fields are formed.
        int hOffset = rbm.hiddenBiasOffset();
        System.arraycopy(rbm.parameters(), hOffset, inputField, 0, inputField.length);
        rbm.addVisibleRange(state.visible, 0, first, inputField);
        for (int t = 0; t < steps; t++) {
            System.arraycopy(inputField, 0, hiddenField, 0, hiddenField.length);
            rbm.addVisibleRange(state.visible, first, nv, hiddenField);
            rbm.sampleHiddenFromFields(hiddenField, state.hidden, rng);
            rbm.visibleFieldRange(state.hidden, first, labelField);
            for (int c = 0; c < classes; c++) {
                double p = Rbm.sigmoid(beta * labelField[c]);
                state.visible[first + c] = rng.nextDouble() < p ? 1.0 : 0.0;
                if (t >= burnIn) {
                    mean[c] += p;
                }
            }
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (mean[c] > mean[best]) {
                best = c;
            }
        }
        return best;
    }
}

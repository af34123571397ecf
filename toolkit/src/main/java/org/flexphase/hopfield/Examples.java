package org.flexphase.hopfield;

import org.flexphase.data.Digits;

/**
 * Labelled examples for a Hopfield network: inputs in [0, 1], targets (one-hot for classification) and labels.
 *
 * @param inputs  one row per example, the input layer's values
 * @param targets one row per example, the output layer's target
 * @param labels  the class of each example (the index of the 1 in a one-hot target)
 */
public record Examples(double[][] inputs, double[][] targets, int[] labels) {
    public Examples {
        if (inputs.length == 0 || inputs.length != targets.length || inputs.length != labels.length) {
            throw new IllegalArgumentException("examples need as many inputs, targets and labels, at least one: "
                    + inputs.length + ", " + targets.length + ", " + labels.length);
        }
    }

    /** Examples with one-hot targets over {@code classes} classes. */
    public static Examples oneHot(double[][] inputs, int[] labels, int classes) {
        double[][] targets = new double[labels.length][classes];
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] < 0 || labels[k] >= classes) {
                throw new IllegalArgumentException("label of example " + k + " must be in [0, " + (classes - 1)
                        + "]: " + labels[k]);
            }
            targets[k][labels[k]] = 1.0;
        }
        return new Examples(inputs, targets, labels);
    }

    /** Digit images scaled to [0, 1] with one-hot targets over 10 classes. */
    public static Examples of(Digits digits) {
        return oneHot(digits.scaled(), digits.labelArray(), 10);
    }

    public int count() {
        return inputs.length;
    }

    public int inputSize() {
        return inputs[0].length;
    }

    public int targetSize() {
        return targets[0].length;
    }
}

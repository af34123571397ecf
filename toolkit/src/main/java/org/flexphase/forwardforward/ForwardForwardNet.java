package org.flexphase.forwardforward;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * A Forward-Forward network (docs/experiments.md): a stack of {@link ForwardForwardLayer}s, each fed the activities
 * of the layer below and trained on its own loss only (the input is treated as a constant, "detached"). The label
 * is written into the first {@code classes} pixels: pixel {@code y} set to the image's maximum, the others to 0.
 * Prediction writes each label in turn and picks the one with the largest goodness summed over layers.
 *
 * <p>All parameters live in one flat vector ({@link #parameters()}), layer after layer, each in
 * {@link ForwardForwardLayer}'s layout from its {@link ForwardForwardLayer#offset()}: the form
 * {@code learning.LearningLoop} checks, checkpoints and restores.
 *
 * <pre>{@code
 * double[] goodness = new double[10];
 * net.goodnessForAllLabels(image, net.newPass(), goodness);
 * }</pre>
 */
public final class ForwardForwardNet {
    private final ForwardForwardLayer[] layers;
    private final int classes;
    private final double[] theta;

    private ForwardForwardNet(ForwardForwardLayer[] layers, int classes, double[] theta) {
        this.layers = layers;
        this.classes = classes;
        this.theta = theta;
    }

    /** Layers of the given sizes ({@code sizes[0]} is the input), PyTorch-style initialisation from {@code rng}. */
    public static ForwardForwardNet of(int[] sizes, int classes, double threshold, RandomGenerator rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes must list the input and at least one layer: " + sizes.length);
        }
        Checks.requireInRange(classes, 2, sizes[0], "classes");
        int total = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            Checks.requireAtLeast(sizes[l], 1, "in");
            Checks.requireAtLeast(sizes[l + 1], 1, "out");
            total += ForwardForwardLayer.parameterCount(sizes[l], sizes[l + 1]);
        }
        double[] theta = new double[total];
        ForwardForwardLayer[] layers = new ForwardForwardLayer[sizes.length - 1];
        int at = 0;
        for (int l = 0; l < layers.length; l++) {
            layers[l] = ForwardForwardLayer.over(sizes[l], sizes[l + 1], threshold, theta, at);
            layers[l].initialise(rng);
            at += layers[l].parameterCount();
        }
        return new ForwardForwardNet(layers, classes, theta);
    }

    /** The live parameter vector of every layer, in order ({@link ForwardForwardLayer#offset()} says where). */
    public double[] parameters() {
        return theta;
    }

    /** Parameters of all layers. */
    public int parameterCount() {
        return theta.length;
    }

    /** Number of layers. */
    public int layerCount() {
        return layers.length;
    }

    /** Layer {@code l}. */
    public ForwardForwardLayer layer(int l) {
        return layers[l];
    }

    /** Number of labels. */
    public int classes() {
        return classes;
    }

    /** Pixels per image. */
    public int inputSize() {
        return layers[0].inputSize();
    }

    /** Writes {@code image} with label {@code label} overlaid into {@code out}. */
    public void overlay(double[] image, int label, double[] out) {
        double max = 0;
        for (double v : image) {
            max = Math.max(max, v);
        }
        System.arraycopy(image, 0, out, 0, image.length);
        for (int c = 0; c < classes; c++) {
            out[c] = 0;
        }
        out[label] = max;
    }

    /** Per-layer scratch for one pass; reuse across steps. */
    public final class Pass {
        final double[] input = new double[inputSize()];
        final ForwardForwardLayer.Activations[] acts = new ForwardForwardLayer.Activations[layers.length];
        final double[] base = new double[layers[0].outputSize()];

        Pass() {
            for (int l = 0; l < layers.length; l++) {
                acts[l] = layers[l].newActivations();
            }
        }

        /** The buffers of layer {@code layer}. */
        public ForwardForwardLayer.Activations activations(int layer) {
            return acts[layer];
        }
    }

    /** Scratch buffers for one forward pass through the net (one per thread). */
    public Pass newPass() {
        return new Pass();
    }

    /** Runs all layers on {@code image} labelled {@code label}; returns the goodness summed over layers. */
    public double forward(double[] image, int label, Pass pass) {
        overlay(image, label, pass.input);
        double[] x = pass.input;
        double total = 0;
        for (int l = 0; l < layers.length; l++) {
            total += layers[l].forward(x, pass.acts[l]);
            x = pass.acts[l].activity;
        }
        return total;
    }

    /**
     * Runs the net on {@code image} labelled {@code label} and adds {@code weight * dL/dtheta} of every layer's own
     * loss (positive or negative) into {@code gradient}, in the layout of {@link #parameters()}.
     */
    public void addGradient(double[] image, int label, boolean positive, double weight, Pass pass,
                            double[] gradient) {
        forward(image, label, pass);
        for (int l = 0; l < layers.length; l++) {
            layers[l].addGradient(pass.acts[l], positive, weight, gradient, layers[l].offset());
        }
    }

    /**
     * Goodness summed over layers for every label, into {@code out}. The first layer's pre-activations differ
     * between labels only through one input column and share one norm, so they are computed once for the image
     * without label and corrected per label: the layer costs one matrix-vector product instead of ten.
     */
    public void goodnessForAllLabels(double[] image, Pass pass, double[] out) {
        ForwardForwardLayer first = layers[0];
        double[] theta = first.parameters();
        int start = first.offset();
        int in = first.inputSize();
        int units = first.outputSize();
        double max = 0;
        double sq = 0;
        for (int i = 0; i < in; i++) {
            max = Math.max(max, image[i]);
            if (i >= classes) {
                sq += image[i] * image[i];
            }
        }
        double scale = 1.0 / (Math.sqrt(sq + max * max) + ForwardForwardLayer.NORM_EPS);
        for (int j = 0; j < units; j++) {
            int row = start + j * in;
            double z = 0;
            for (int i = classes; i < in; i++) {
                z += theta[row + i] * image[i];
            }
            pass.base[j] = z;
        }
        int biasOffset = start + units * in;
        ForwardForwardLayer.Activations a0 = pass.acts[0];
        for (int label = 0; label < classes; label++) {
            double good = 0;
            for (int j = 0; j < units; j++) {
                double z = (pass.base[j] + theta[start + j * in + label] * max) * scale + theta[biasOffset + j];
                double h = z > 0 ? z : 0;
                a0.activity[j] = h;
                good += h * h;
            }
            double total = good / units;
            double[] x = a0.activity;
            for (int l = 1; l < layers.length; l++) {
                total += layers[l].forward(x, pass.acts[l]);
                x = pass.acts[l].activity;
            }
            out[label] = total;
        }
    }

    /** The label with the largest summed goodness. */
    public int predict(double[] image, Pass pass, double[] scratch) {
        goodnessForAllLabels(image, pass, scratch);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scratch[c] > scratch[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of the first {@code n} images misclassified. */
    public double error(double[][] images, int[] labels, int n) {
        Pass pass = newPass();
        double[] scratch = new double[classes];
        int m = Math.min(n, images.length);
        int wrong = 0;
        for (int k = 0; k < m; k++) {
            if (predict(images[k], pass, scratch) != labels[k]) {
                wrong++;
            }
        }
        return wrong / (double) m;
    }

    /** A short description, e.g. {@code ff 784-500-500}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("ff ").append(inputSize());
        for (ForwardForwardLayer layer : layers) {
            sb.append('-').append(layer.outputSize());
        }
        return sb.toString();
    }
}

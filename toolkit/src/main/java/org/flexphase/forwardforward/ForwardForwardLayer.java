package org.flexphase.forwardforward;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.util.LogSpace;
import org.flexphase.util.Checks;

/**
 * One Forward-Forward layer (Hinton 2022; docs/experiments.md): it normalises its input to unit L2 norm (plus
 * {@link #NORM_EPS}), applies {@code h = relu(W x^ + c)}, and scores the input by its goodness
 * {@code G = mean_j h_j^2}. A positive input should have {@code G} above the threshold, a negative one below:
 * the losses are {@code softplus(threshold - G)} and {@code softplus(G - threshold)}.
 *
 * <p>The gradient is closed-form (no autodiff): with {@code s = dL/dG} ({@code -sigmoid(threshold - G)} for a
 * positive input, {@code +sigmoid(G - threshold)} for a negative one), {@code dL/dz_j = s (2 h_j / n) 1[z_j > 0]},
 * {@code dL/dW_ji = dL/dz_j x^_i} and {@code dL/dc_j = dL/dz_j}. The input gradient is never needed: layers are
 * trained greedily on the detached output of the layer below.
 *
 * <p>Parameters are a flat run of {@link #parameterCount()} entries of {@link #parameters()} from {@link #offset()}:
 * weights row-major {@code W[j * in + i]} first, then the {@code out} biases. A standalone layer owns its array
 * (offset 0); a layer of a {@link ForwardForwardNet} is a window on the net's one parameter vector, so the net can
 * be trained, checked and restored as a single {@code double[]}.
 */
public final class ForwardForwardLayer {
    /** Added to the input's L2 norm before dividing, as in the published code, so a zero input stays finite. */
    public static final double NORM_EPS = 1e-4;

    private final int in;
    private final int out;
    private final double threshold;
    private final double[] theta;
    private final int offset;

    private ForwardForwardLayer(int in, int out, double threshold, double[] theta, int offset) {
        this.in = in;
        this.out = out;
        this.threshold = threshold;
        this.theta = theta;
        this.offset = offset;
    }

    /** A layer with zero parameters. */
    public static ForwardForwardLayer of(int in, int out, double threshold) {
        checkShape(in, out, threshold);
        return new ForwardForwardLayer(in, out, threshold, new double[parameterCount(in, out)], 0);
    }

    /** A layer whose parameters are {@code theta[offset ..]}, the caller's storage (a net's parameter vector). */
    static ForwardForwardLayer over(int in, int out, double threshold, double[] theta, int offset) {
        checkShape(in, out, threshold);
        if (offset < 0 || offset + parameterCount(in, out) > theta.length) {
            throw new IllegalArgumentException("a " + in + "-" + out + " layer at offset " + offset
                    + " needs " + parameterCount(in, out) + " entries; the array has " + theta.length);
        }
        return new ForwardForwardLayer(in, out, threshold, theta, offset);
    }

    private static void checkShape(int in, int out, double threshold) {
        Checks.requireAtLeast(in, 1, "in");
        Checks.requireAtLeast(out, 1, "out");
        Checks.requireFinite(threshold, "threshold");
    }

    /** Weights and biases of an {@code in}-{@code out} layer. */
    static int parameterCount(int in, int out) {
        return out * in + out;
    }

    /**
     * A layer initialised like PyTorch's {@code nn.Linear}: weights and biases uniform in
     * {@code [-1/sqrt(in), 1/sqrt(in)]}.
     */
    public static ForwardForwardLayer initialised(int in, int out, double threshold, RandomGenerator rng) {
        ForwardForwardLayer layer = of(in, out, threshold);
        layer.initialise(rng);
        return layer;
    }

    /** Overwrites the parameters as {@link #initialised} does: one {@code nextDouble} each, in layout order. */
    void initialise(RandomGenerator rng) {
        double bound = 1.0 / Math.sqrt(in);
        int end = offset + parameterCount();
        for (int k = offset; k < end; k++) {
            theta[k] = bound * (2 * rng.nextDouble() - 1);
        }
    }

    /** Inputs to the layer. */
    public int inputSize() {
        return in;
    }

    /** Units of the layer. */
    public int outputSize() {
        return out;
    }

    /** Goodness threshold of the layer's loss. */
    public double threshold() {
        return threshold;
    }

    /**
     * The live array holding the parameters, from {@link #offset()} on: the layer's own for a standalone layer, the
     * net's whole parameter vector for a layer of a net ({@code copy().parameters()} gives this layer's alone).
     */
    public double[] parameters() {
        return theta;
    }

    /** Where the layer's parameters start in {@link #parameters()}. */
    public int offset() {
        return offset;
    }

    /** Weights and biases. */
    public int parameterCount() {
        return parameterCount(in, out);
    }

    /** Scratch buffers for one input: normalised input, pre-activations, activities, goodness. Reuse across steps. */
    public static final class Activations {
        final double[] normalised;
        /** Pre-activations {@code z = W x^ + c}. */
        public final double[] pre;
        /** The layer's output activities {@code h} (the next layer's input). */
        public final double[] activity;
        double goodness;

        Activations(int in, int out) {
            normalised = new double[in];
            pre = new double[out];
            activity = new double[out];
        }

        /** Goodness of the last forward pass: mean square activity. */
        public double goodness() {
            return goodness;
        }
    }

    /** Scratch buffers for one forward pass through this layer. */
    public Activations newActivations() {
        return new Activations(in, out);
    }

    /** Runs the layer on {@code x} into {@code a} and returns the goodness. */
    public double forward(double[] x, Activations a) {
        if (x.length != in) {
            throw new IllegalArgumentException("input has " + x.length + " values; the layer takes " + in);
        }
        double sq = 0;
        for (int i = 0; i < in; i++) {
            sq += x[i] * x[i];
        }
        double scale = 1.0 / (Math.sqrt(sq) + NORM_EPS);
        double[] xn = a.normalised;
        for (int i = 0; i < in; i++) {
            xn[i] = x[i] * scale;
        }
        double good = 0;
        int biasOffset = offset + out * in;
        for (int j = 0; j < out; j++) {
            double z = theta[biasOffset + j];
            int row = offset + j * in;
            for (int i = 0; i < in; i++) {
                z += theta[row + i] * xn[i];
            }
            a.pre[j] = z;
            double h = z > 0 ? z : 0;
            a.activity[j] = h;
            good += h * h;
        }
        a.goodness = good / out;
        return a.goodness;
    }

    /** The loss of an input with goodness {@code goodness}, positive or negative, computed stably. */
    public double loss(double goodness, boolean positive) {
        return LogSpace.softplus(positive ? threshold - goodness : goodness - threshold);
    }

    /** {@code dL/dG}: negative for a positive input (raise the goodness), positive for a negative one. */
    public double lossSlope(double goodness, boolean positive) {
        return positive ? -sigmoid(threshold - goodness) : sigmoid(goodness - threshold);
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * Adds {@code weight * dL/dtheta} for the input last run through {@code a} (positive or negative) into
     * {@code gradient} (length {@link #parameterCount()}). Rows of inactive units ({@code z_j <= 0}) are skipped:
     * their gradient is zero.
     */
    public void addGradient(Activations a, boolean positive, double weight, double[] gradient) {
        addGradient(a, positive, weight, gradient, 0);
    }

    /** As {@link #addGradient(Activations, boolean, double, double[])}, into {@code gradient} from index {@code at}. */
    public void addGradient(Activations a, boolean positive, double weight, double[] gradient, int at) {
        double s = weight * lossSlope(a.goodness, positive) * 2.0 / out;
        int biasOffset = at + out * in;
        double[] xn = a.normalised;
        for (int j = 0; j < out; j++) {
            if (a.pre[j] <= 0) {
                continue;
            }
            double dz = s * a.activity[j];
            int row = at + j * in;
            for (int i = 0; i < in; i++) {
                gradient[row + i] += dz * xn[i];
            }
            gradient[biasOffset + j] += dz;
        }
    }

    /** An independent standalone copy of the layer (its own array, offset 0). */
    public ForwardForwardLayer copy() {
        return new ForwardForwardLayer(in, out, threshold,
                Arrays.copyOfRange(theta, offset, offset + parameterCount()), 0);
    }
}

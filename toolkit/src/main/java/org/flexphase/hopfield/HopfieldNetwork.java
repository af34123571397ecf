package org.flexphase.hopfield;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * A layered continuous Hopfield network (docs/theory.md section 5.1): input {@code x = s_0} (always clamped),
 * hidden layers {@code s_1 .. s_{L-1}}, output {@code y = s_L}, hard-sigmoid {@code rho(s) = min(1, max(0, s))},
 * symmetric weights between consecutive layers and a bias per non-input unit. Energy, cost and total energy
 * <pre>
 *   E(theta, x, s) = 1/2 sum_{l>=1} |s_l|^2 - sum_{l>=1} rho(s_{l-1})^T W_l rho(s_l) - sum_{l>=1} b_l . rho(s_l)
 *   C(s, t)        = 1/2 |s_L - t|^2,         F = E + beta C
 * </pre>
 * with {@code rho(s_0) = x}.
 *
 * <p>Parameters live in one flat vector ({@link #parameters()}, a live view): first the weight matrices
 * {@code W_1 .. W_L}, each {@code n_{l-1} x n_l} row-major (entry {@code (i, j)} couples unit {@code i} of layer
 * {@code l-1} with unit {@code j} of layer {@code l}), then the biases {@code b_1 .. b_L}. The statistic
 * {@code phi = -dE/dtheta} has the same layout: {@code rho(s_{l-1}) rho(s_l)^T} and {@code rho(s_l)}.
 *
 * <p>One relaxation sweep ({@link #sweep}) minimises F exactly over each layer in turn, the others held: hidden
 * {@code s_l <- rho(W_l^T rho(s_{l-1}) + W_{l+1} rho(s_{l+1}) + b_l)}, output
 * {@code y <- rho((W_L^T rho(s_{L-1}) + b_L + beta t) / (1 + beta))} (block coordinate descent on F inside the box
 * [0, 1], so F never increases; {@code beta > -1} keeps each block convex), or {@code y <- t} when the output is
 * clamped (Contrastive Hebbian learning). States stay in [0, 1], where {@code rho(s) = s}.
 */
public final class HopfieldNetwork {
    private final int[] sizes;
    private final double[] theta;
    private final int[] weightAt;
    private final int[] biasAt;
    /** Bumped whenever the parameters change other than through {@link #addStatistic} into {@link #parameters()}. */
    private long version;

    private HopfieldNetwork(int[] sizes, double[] theta) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightAt = new int[layers + 1];
        biasAt = new int[layers + 1];
        int at = 0;
        for (int l = 1; l <= layers; l++) {
            weightAt[l] = at;
            at += sizes[l - 1] * sizes[l];
        }
        for (int l = 1; l <= layers; l++) {
            biasAt[l] = at;
            at += sizes[l];
        }
        this.theta = theta == null ? new double[at] : theta;
        if (this.theta.length != at) {
            throw new IllegalArgumentException("parameters must have " + at + " entries for layers "
                    + Arrays.toString(sizes) + ": " + this.theta.length);
        }
    }

    /** A network with layer sizes {@code (input, hidden..., output)} and every parameter 0. */
    public static HopfieldNetwork of(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer: "
                    + Arrays.toString(sizes));
        }
        for (int l = 0; l < sizes.length; l++) {
            Checks.requireAtLeast(sizes[l], 1, "size of layer " + l);
        }
        return new HopfieldNetwork(sizes, null);
    }

    /**
     * A network with Glorot-uniform weights ({@code W_l ~ U(-a, a)}, {@code a = sqrt(6 / (n_{l-1} + n_l))}) and zero
     * biases, drawn from {@code rng} in parameter order.
     */
    public static HopfieldNetwork glorot(RandomGenerator rng, int... sizes) {
        HopfieldNetwork net = of(sizes);
        for (int l = 1; l < sizes.length; l++) {
            double a = Math.sqrt(6.0 / (sizes[l - 1] + sizes[l]));
            for (int k = net.weightAt[l]; k < net.weightAt[l] + sizes[l - 1] * sizes[l]; k++) {
                net.theta[k] = a * (2 * rng.nextDouble() - 1);
            }
        }
        return net;
    }

    /** A deep copy with its own parameters. */
    public HopfieldNetwork copy() {
        return new HopfieldNetwork(sizes, theta.clone());
    }

    /** Layer sizes {@code (input, hidden..., output)}. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of layers above the input ({@code L}). */
    public int layers() {
        return sizes.length - 1;
    }

    /** Size of layer {@code l} (0 = input). */
    public int size(int l) {
        return sizes[l];
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Units of the state {@code s = (s_1, ..., s_L)}. */
    public int stateSize() {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) {
            n += sizes[l];
        }
        return n;
    }

    /** The live flat parameter vector (layout in the class comment). */
    public double[] parameters() {
        return theta;
    }

    public int parameterCount() {
        return theta.length;
    }

    /** Offset of {@code W_l} in the parameter vector. */
    public int weightOffset(int l) {
        return weightAt[l];
    }

    /** Offset of {@code b_l} in the parameter vector. */
    public int biasOffset(int l) {
        return biasAt[l];
    }

    /** Tells the network its parameters were changed from outside: states recompute their cached input drive. */
    public void parametersChanged() {
        version++;
    }

    long version() {
        return version;
    }

    /** A state with every unit at 0, no example shown yet. */
    public HopfieldState newState() {
        return new HopfieldState(this);
    }

    static double rho(double s) {
        return s < 0 ? 0 : (s > 1 ? 1 : s);
    }

    /** {@code W_1^T x}: the input's drive of the first layer, kept in the state while an example is shown. */
    void computeInputDrive(HopfieldState st) {
        double[] d = st.inputDrive;
        Arrays.fill(d, 0);
        int n1 = sizes[1];
        int[] active = st.activeInputs;
        for (int q = 0; q < st.activeCount; q++) {
            int i = active[q];
            double xi = st.x[i];
            int row = weightAt[1] + i * n1;
            for (int j = 0; j < n1; j++) {
                d[j] += xi * theta[row + j];
            }
        }
        st.driveVersion = version;
    }

    /** The total drive of layer {@code l} (before rho), without the nudge, into {@code out}. */
    void drive(HopfieldState st, int l, double[] out) {
        int n = sizes[l];
        if (l == 1) {
            if (st.driveVersion != version) {
                computeInputDrive(st);
            }
            System.arraycopy(st.inputDrive, 0, out, 0, n);
        } else {
            Arrays.fill(out, 0, n, 0.0);
            double[] below = st.s[l - 1];
            int w = weightAt[l];
            for (int i = 0; i < below.length; i++) {
                double a = below[i];
                if (a != 0) {
                    int row = w + i * n;
                    for (int j = 0; j < n; j++) {
                        out[j] += a * theta[row + j];
                    }
                }
            }
        }
        int b = biasAt[l];
        for (int j = 0; j < n; j++) {
            out[j] += theta[b + j];
        }
        if (l < layers()) {
            double[] above = st.s[l + 1];
            int m = sizes[l + 1];
            int w = weightAt[l + 1];
            for (int j = 0; j < n; j++) {
                int row = w + j * m;
                double acc = 0;
                for (int k = 0; k < m; k++) {
                    acc += theta[row + k] * above[k];
                }
                out[j] += acc;
            }
        }
    }

    /**
     * One relaxation sweep of F = E + beta C over layers 1..L in order, in place (block coordinate descent).
     * With {@code clampOutput} the output is held at the target instead (Contrastive Hebbian learning's clamped
     * phase) and {@code beta} is ignored.
     */
    public void sweep(HopfieldState st, double beta, boolean clampOutput) {
        st.requireExample();
        if (!(beta > -1)) {
            throw new IllegalArgumentException("beta must be > -1 (the output block of F is convex only then): " + beta);
        }
        int top = layers();
        double[] d = st.scratch;
        for (int l = 1; l <= top; l++) {
            double[] s = st.s[l];
            int n = sizes[l];
            if (l == top && clampOutput) {
                System.arraycopy(st.t, 0, s, 0, n);
                continue;
            }
            drive(st, l, d);
            if (l == top) {
                double inv = 1.0 / (1.0 + beta);
                for (int j = 0; j < n; j++) {
                    s[j] = rho((d[j] + beta * st.t[j]) * inv);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    s[j] = rho(d[j]);
                }
            }
        }
    }

    /**
     * {@code target += weight * phi(theta, s)}, {@code phi = -dE/dtheta}. When {@code target} is this network's own
     * parameter vector the state's cached input drive {@code W_1^T x} is updated exactly in O(n_1) (a rank-one change
     * {@code W_1 += weight x rho(s_1)^T} moves it by {@code weight |x|^2 rho(s_1)}), so learning at every step
     * never recomputes it.
     */
    public void addStatistic(HopfieldState st, double weight, double[] target) {
        HopfieldStatistic.add(this, st, weight, target, false);
    }

    /**
     * {@code target += weight * (phi(theta, s) - phi_bar)} when {@code centred}, {@code phi_bar} the baseline built
     * from the state's slow activity trace {@code r} ({@link HopfieldState#trace}): {@code x r_1^T} for the input
     * weights, {@code r_{l-1} r_l^T} for the others and {@code r_l} for the biases, so that the input weights see
     * {@code x (rho(s_1) - r_1)^T} (docs/theory.md section 5.1, the control variate of flexible-phase EP).
     */
    public void addStatistic(HopfieldState st, double weight, double[] target, boolean centred) {
        HopfieldStatistic.add(this, st, weight, target, centred);
    }

    /** The energy {@code E(theta, x, s)} of a state (units outside [0, 1] enter through rho). */
    public double energy(HopfieldState st) {
        st.requireExample();
        double e = 0;
        int top = layers();
        for (int l = 1; l <= top; l++) {
            double[] s = st.s[l];
            for (double v : s) {
                e += 0.5 * v * v;
            }
            double[] lower = l == 1 ? st.x : st.s[l - 1];
            int n = sizes[l];
            int w = weightAt[l];
            for (int i = 0; i < lower.length; i++) {
                double a = l == 1 ? lower[i] : rho(lower[i]);
                for (int j = 0; j < n; j++) {
                    e -= a * theta[w + i * n + j] * rho(s[j]);
                }
            }
            for (int j = 0; j < n; j++) {
                e -= theta[biasAt[l] + j] * rho(s[j]);
            }
        }
        return e;
    }

    /** The cost {@code C = 1/2 |y - t|^2}. */
    public double cost(HopfieldState st) {
        st.requireExample();
        double c = 0;
        double[] y = st.s[layers()];
        for (int j = 0; j < y.length; j++) {
            double r = y[j] - st.t[j];
            c += 0.5 * r * r;
        }
        return c;
    }

    /** The total energy {@code F = E + beta C}. */
    public double totalEnergy(HopfieldState st, double beta) {
        return energy(st) + beta * cost(st);
    }

    /** A short description, e.g. {@code hopfield(784-500-10)}. */
    public String describe() {
        StringBuilder b = new StringBuilder("hopfield(");
        for (int l = 0; l < sizes.length; l++) {
            b.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        return b.append(')').toString();
    }
}

package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Restricted Boltzmann machine with binary units:
 * {@code E(v, h) = -(v^T W^T h + a^T v + b^T h)} (no visible-visible or hidden-hidden couplings), at inverse
 * temperature {@code beta}.
 *
 * <p>Flat parameter layout: {@code W} row-major by hidden unit ({@code W[j * nv + i]} couples hidden {@code j}
 * to visible {@code i}), then visible biases {@code a} ({@code nv}), then hidden biases {@code b} ({@code nh}).
 * Without visible biases (the published code's model) {@code a} stays at zero: its statistic is never added.
 *
 * <p>Sampling uses the binary states: a field sums only the weights of active units, and a statistic only
 * touches weights between active units. Not thread-safe (scratch arrays); use one {@link #copy()} per thread.
 *
 * <pre>{@code
 * Rbm rbm = Rbm.randomized(16, 16, 0.01, Rngs.create(1));   // 16 visible, 16 hidden, weights N(0, 0.01^2)
 * BoltzmannState s = rbm.newState();
 * rbm.gibbsStep(s, Phase.NEGATIVE, Rngs.create(2));
 * }</pre>
 */
public final class Rbm implements BoltzmannMachine {
    private final int nv;
    private final int nh;
    private final double beta;
    private final boolean visibleBiases;
    private final double[] theta;
    private final int aOffset;
    private final int bOffset;
    // Scratch, reused by every step so a step allocates nothing.
    private final int[] activeVisible;
    private final int[] activeHidden;
    private final double[] visibleField;
    private final double[] hiddenField;

    private Rbm(int nv, int nh, double beta, boolean visibleBiases, double[] theta) {
        this.nv = nv;
        this.nh = nh;
        this.beta = beta;
        this.visibleBiases = visibleBiases;
        this.theta = theta;
        this.aOffset = nv * nh;
        this.bOffset = nv * nh + nv;
        this.activeVisible = new int[nv];
        this.activeHidden = new int[nh];
        this.visibleField = new double[nv];
        this.hiddenField = new double[nh];
    }

    /** An RBM with all parameters zero. */
    public static Rbm of(int visible, int hidden, double beta, boolean visibleBiases) {
        Checks.requireAtLeast(visible, 1, "visible");
        Checks.requireAtLeast(hidden, 0, "hidden");
        Checks.requirePositive(beta, "beta");
        return new Rbm(visible, hidden, beta, visibleBiases, new double[visible * hidden + visible + hidden]);
    }

    /** An RBM with {@code beta = 1}, visible biases, and weights drawn from {@code N(0, sd^2)}. */
    public static Rbm randomized(int visible, int hidden, double sd, RandomGenerator rng) {
        Rbm rbm = of(visible, hidden, 1.0, true);
        rbm.initializeWeights(sd, rng);
        return rbm;
    }

    /** Sets {@code W ~ N(0, sd^2)} (one {@code nextGaussian()} per weight, in layout order) and every bias to 0. */
    public Rbm initializeWeights(double sd, RandomGenerator rng) {
        Checks.requireNonNegative(sd, "sd");
        for (int k = 0; k < aOffset; k++) {
            theta[k] = sd * rng.nextGaussian();
        }
        java.util.Arrays.fill(theta, aOffset, theta.length, 0.0);
        return this;
    }

    @Override
    public int visibleCount() {
        return nv;
    }

    @Override
    public int hiddenCount() {
        return nh;
    }

    @Override
    public double[] parameters() {
        return theta;
    }

    @Override
    public double inverseTemperature() {
        return beta;
    }

    /** Whether the visible units have biases. */
    public boolean hasVisibleBiases() {
        return visibleBiases;
    }

    /** Offset of the visible biases {@code a} in the flat vector. */
    public int visibleBiasOffset() {
        return aOffset;
    }

    /** Offset of the hidden biases {@code b} in the flat vector. */
    public int hiddenBiasOffset() {
        return bOffset;
    }

    /**
     * Positive phase: samples {@code h ~ p(h | v)} with {@code v} held. Negative phase: samples
     * {@code v ~ p(v | h)}, then {@code h ~ p(h | v)}. Consumes one {@code nextDouble()} per resampled unit,
     * visible units in index order before hidden units in index order.
     */
    @Override
    public void gibbsStep(BoltzmannState state, Phase phase, RandomGenerator rng) {
        int av = phase.isPositive() ? activeIndices(state.visible, activeVisible)
                : sampleVisibleListingActive(state.hidden, state.visible, rng);
        sampleHiddenFromActive(av, state.hidden, rng);
    }

    /**
     * Samples each hidden unit from {@code p(h_j = 1 | v) = sigmoid(beta (b_j + W_j . v))} into {@code hidden};
     * one {@code nextDouble()} per hidden unit, in index order.
     */
    public void sampleHiddenGivenVisible(double[] visible, double[] hidden, RandomGenerator rng) {
        sampleHiddenFromActive(activeIndices(visible, activeVisible), hidden, rng);
    }

    /**
     * Hidden units given the visible units listed in {@code activeVisible[0..active)}: fields are sums of W columns
     * over the active units. Lists the active hidden units in {@code activeHidden} and returns their number.
     */
    private int sampleHiddenFromActive(int active, double[] hidden, RandomGenerator rng) {
        System.arraycopy(theta, bOffset, hiddenField, 0, nh);
        RbmKernels.addGatheredColumns(theta, nv, activeVisible, active, hiddenField);
        return RbmKernels.sampleListingActive(hiddenField, beta, rng, hidden, activeHidden);
    }

    /**
     * Adds the couplings of the visible units {@code from <= i < to} that are on in {@code visible} to the hidden
     * fields {@code field} (length {@code nh}), in index order: {@code field} started at {@code b} and extended over
     * {@code [0, nv)} in consecutive ranges is exactly the sum a full pass computes.
     */
    void addVisibleRange(double[] visible, int from, int to, double[] field) {
        int n = 0;
        for (int i = from; i < to; i++) {
            activeVisible[n] = i;
            n += visible[i] != 0 ? 1 : 0;
        }
        RbmKernels.addGatheredColumns(theta, nv, activeVisible, n, field);
    }

    /** Samples the hidden units from precomputed fields {@code b + W v} (one {@code nextDouble()} each, in order). */
    void sampleHiddenFromFields(double[] field, double[] hidden, RandomGenerator rng) {
        RbmKernels.sampleListingActive(field, beta, rng, hidden, activeHidden);
    }

    /**
     * Samples each visible unit from {@code p(v_i = 1 | h) = sigmoid(beta (a_i + sum_j W_ji h_j))} into
     * {@code visible}; one {@code nextDouble()} per visible unit, in index order.
     */
    public void sampleVisibleGivenHidden(double[] hidden, double[] visible, RandomGenerator rng) {
        sampleVisibleListingActive(hidden, visible, rng);
    }

    /** As {@link #sampleVisibleGivenHidden}, listing the active visible units in {@code activeVisible}; returns their number. */
    private int sampleVisibleListingActive(double[] hidden, double[] visible, RandomGenerator rng) {
        double[] field = visibleFieldGivenHidden(hidden, visibleField);
        return RbmKernels.sampleListingActive(field, beta, rng, visible, activeVisible);
    }

    /** Fills {@code out} with {@code a_i + sum_j W_ji h_j} (summing rows of active hidden units) and returns it. */
    public double[] visibleFieldGivenHidden(double[] hidden, double[] out) {
        System.arraycopy(theta, aOffset, out, 0, nv);
        RbmKernels.addRows(theta, nv, activeHidden, activeIndices(hidden, activeHidden), out);
        return out;
    }

    /**
     * {@code out[c] = a_i + sum_j W_ji h_j} for the visible units {@code i = from + c}, {@code c < out.length}: the
     * same sums as {@link #visibleFieldGivenHidden} restricted to a range (label units), without the others.
     */
    void visibleFieldRange(double[] hidden, int from, double[] out) {
        int ah = activeIndices(hidden, activeHidden);
        System.arraycopy(theta, aOffset + from, out, 0, out.length);
        for (int m = 0; m < ah; m++) {
            int w = activeHidden[m] * nv + from;
            for (int c = 0; c < out.length; c++) {
                out[c] += theta[w + c];
            }
        }
    }

    /** {@code b_j + W_j . v} for one hidden unit. */
    public double hiddenField(int j, double[] visible) {
        double field = theta[bOffset + j];
        for (int i = 0, w = j * nv; i < nv; i++, w++) {
            field += theta[w] * visible[i];
        }
        return field;
    }

    @Override
    public void addStatistic(BoltzmannState state, double weight, double[] target) {
        addStatisticFromActive(activeIndices(state.visible, activeVisible), activeIndices(state.hidden, activeHidden),
                weight, target);
    }

    @Override
    public void gibbsStepAndAddStatistic(BoltzmannState state, Phase phase, RandomGenerator rng, double weight,
                                         double[] target) {
        int av = phase.isPositive() ? activeIndices(state.visible, activeVisible)
                : sampleVisibleListingActive(state.hidden, state.visible, rng);
        int ah = sampleHiddenFromActive(av, state.hidden, rng);
        addStatisticFromActive(av, ah, weight, target);
    }

    /**
     * The statistic's sparse update over the listed active units: only weights between active visible and active
     * hidden units change.
     */
    private void addStatisticFromActive(int av, int ah, double weight, double[] target) {
        final double s = weight * beta;
        for (int m = 0; m < ah; m++) {
            int j = activeHidden[m];
            int row = j * nv;
            for (int k = 0; k < av; k++) {
                target[row + activeVisible[k]] += s;
            }
            target[bOffset + j] += s;
        }
        if (visibleBiases) {
            for (int k = 0; k < av; k++) {
                target[aOffset + activeVisible[k]] += s;
            }
        }
    }

    @Override
    public double negativeEnergy(BoltzmannState state) {
        double e = 0;
        for (int j = 0; j < nh; j++) {
            if (state.hidden[j] != 0) {
                e += hiddenField(j, state.visible);
            }
        }
        for (int i = 0; i < nv; i++) {
            e += theta[aOffset + i] * state.visible[i];
        }
        return beta * e;
    }

    @Override
    public void scaleCouplings(double factor) {
        for (int k = 0; k < aOffset; k++) {
            theta[k] *= factor;
        }
    }

    @Override
    public Rbm copy() {
        return new Rbm(nv, nh, beta, visibleBiases, theta.clone());
    }

    @Override
    public String describe() {
        return "rbm(" + nv + "x" + nh + ", beta=" + beta + (visibleBiases ? ", visible biases)" : ", no visible biases)");
    }

    static int activeIndices(double[] units, int[] out) {
        int n = 0;
        for (int i = 0; i < units.length; i++) {
            // Written unconditionally and kept only if active: no branch on the unit, which is a coin flip.
            out[n] = i;
            n += units[i] != 0 ? 1 : 0;
        }
        return n;
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, exact at both tails (no overflow). */
    public static double sigmoid(double x) {
        return LogisticBernoulli.sigmoid(x);
    }
}

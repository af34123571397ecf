package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Boltzmann machine with visible-hidden weights and symmetric lateral hidden-hidden weights (zero diagonal):
 * {@code E(v, h) = -(v^T W^T h + a^T v + b^T h + sum_{j<k} L_jk h_j h_k)}, at inverse temperature {@code beta}.
 *
 * <p>Flat layout: {@code W} ({@code nh x nv}, row-major by hidden unit), {@code a} ({@code nv}),
 * {@code b} ({@code nh}), then the lateral weights once per pair in {@link PairLayout} order.
 *
 * <p>Given the hidden units the visible units are independent, so they are sampled together; the hidden units
 * interact, so they are updated one at a time, in index order (sequential Gibbs). A positive step is one hidden
 * sweep; a negative step samples {@code v | h} and then does one hidden sweep. One {@code nextDouble()} per
 * resampled unit. Not thread-safe.
 */
public final class LateralBoltzmannMachine implements BoltzmannMachine {
    private final int nv;
    private final int nh;
    private final double beta;
    private final double[] theta;
    private final int aOffset;
    private final int bOffset;
    private final int lOffset;
    private final double[] visibleField;

    private LateralBoltzmannMachine(int nv, int nh, double beta, double[] theta) {
        this.nv = nv;
        this.nh = nh;
        this.beta = beta;
        this.theta = theta;
        this.aOffset = nv * nh;
        this.bOffset = aOffset + nv;
        this.lOffset = bOffset + nh;
        this.visibleField = new double[nv];
    }

    /** A machine with all parameters zero. */
    public static LateralBoltzmannMachine of(int visible, int hidden, double beta) {
        Checks.requireAtLeast(visible, 1, "visible");
        Checks.requireAtLeast(hidden, 0, "hidden");
        Checks.requirePositive(beta, "beta");
        int n = visible * hidden + visible + hidden + PairLayout.pairCount(hidden);
        return new LateralBoltzmannMachine(visible, hidden, beta, new double[n]);
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

    /** Offset of the lateral weights in the flat vector. */
    public int lateralOffset() {
        return lOffset;
    }

    /** The lateral weight {@code L_jk} ({@code j != k}). */
    public double lateral(int j, int k) {
        return theta[lOffset + PairLayout.index(j, k, nh)];
    }

    @Override
    public void gibbsStep(BoltzmannState state, Phase phase, RandomGenerator rng) {
        if (!phase.isPositive()) {
            double[] v = state.visible;
            for (int i = 0; i < nv; i++) {
                double field = theta[aOffset + i];
                for (int j = 0; j < nh; j++) {
                    if (state.hidden[j] != 0) {
                        field += theta[j * nv + i];
                    }
                }
                visibleField[i] = field;
            }
            for (int i = 0; i < nv; i++) {
                v[i] = LogisticBernoulli.sample(beta * visibleField[i], rng.nextDouble());
            }
        }
        sweepHidden(state, rng);
    }

    /** One sequential sweep over the hidden units, each from its conditional given all other units. */
    public void sweepHidden(BoltzmannState state, RandomGenerator rng) {
        double[] v = state.visible;
        double[] h = state.hidden;
        for (int j = 0; j < nh; j++) {
            double field = theta[bOffset + j];
            for (int i = 0, w = j * nv; i < nv; i++, w++) {
                field += theta[w] * v[i];
            }
            for (int k = 0; k < nh; k++) {
                if (k != j && h[k] != 0) {
                    field += theta[lOffset + PairLayout.index(j, k, nh)];
                }
            }
            h[j] = LogisticBernoulli.sample(beta * field, rng.nextDouble());
        }
    }

    @Override
    public void addStatistic(BoltzmannState state, double weight, double[] target) {
        final double s = weight * beta;
        double[] v = state.visible;
        double[] h = state.hidden;
        for (int j = 0; j < nh; j++) {
            if (h[j] == 0) {
                continue;
            }
            for (int i = 0, w = j * nv; i < nv; i++, w++) {
                target[w] += s * v[i];
            }
            target[bOffset + j] += s;
            for (int k = j + 1; k < nh; k++) {
                if (h[k] != 0) {
                    target[lOffset + PairLayout.index(j, k, nh)] += s;
                }
            }
        }
        for (int i = 0; i < nv; i++) {
            target[aOffset + i] += s * v[i];
        }
    }

    @Override
    public double negativeEnergy(BoltzmannState state) {
        double[] v = state.visible;
        double[] h = state.hidden;
        double e = 0;
        for (int j = 0; j < nh; j++) {
            if (h[j] == 0) {
                continue;
            }
            e += theta[bOffset + j];
            for (int i = 0, w = j * nv; i < nv; i++, w++) {
                e += theta[w] * v[i];
            }
            for (int k = j + 1; k < nh; k++) {
                e += theta[lOffset + PairLayout.index(j, k, nh)] * h[k];
            }
        }
        for (int i = 0; i < nv; i++) {
            e += theta[aOffset + i] * v[i];
        }
        return beta * e;
    }

    @Override
    public void scaleCouplings(double factor) {
        for (int k = 0; k < aOffset; k++) {
            theta[k] *= factor;
        }
        for (int k = lOffset; k < theta.length; k++) {
            theta[k] *= factor;
        }
    }

    @Override
    public LateralBoltzmannMachine copy() {
        return new LateralBoltzmannMachine(nv, nh, beta, theta.clone());
    }

    @Override
    public String describe() {
        return "lateral-bm(" + nv + "x" + nh + ", beta=" + beta + ")";
    }
}

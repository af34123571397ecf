package org.flexphase.boltzmann;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * Fully visible Boltzmann machine: {@code E(s) = -(sum_{i<k} J_ik s_i s_k + c^T s)} over {@code n} binary units,
 * at inverse temperature {@code beta}. Its log-likelihood is concave in {@code (J, c)}, so maximum likelihood on a
 * full-support data distribution has a unique optimum (docs/theory.md T6).
 *
 * <p>Flat layout: the couplings once per pair in {@link PairLayout} order, then the biases {@code c}.
 * All units are visible: a positive step changes nothing (the clamped state is the data pattern, an exact
 * sample of the clamped phase); a negative step is one sequential Gibbs sweep over the units in index order,
 * one {@code nextDouble()} per unit.
 */
public final class FullyVisibleBoltzmannMachine implements BoltzmannMachine {
    private final int n;
    private final double beta;
    private final double[] theta;
    private final int cOffset;

    private FullyVisibleBoltzmannMachine(int n, double beta, double[] theta) {
        this.n = n;
        this.beta = beta;
        this.theta = theta;
        this.cOffset = PairLayout.pairCount(n);
    }

    /** A machine of {@code units} units with all parameters zero (the uniform distribution). */
    public static FullyVisibleBoltzmannMachine of(int units, double beta) {
        Checks.requireAtLeast(units, 1, "units");
        Checks.requirePositive(beta, "beta");
        return new FullyVisibleBoltzmannMachine(units, beta, new double[PairLayout.pairCount(units) + units]);
    }

    /** A machine whose flat parameter vector is a copy of {@code parameters}. */
    public static FullyVisibleBoltzmannMachine of(int units, double beta, double[] parameters) {
        FullyVisibleBoltzmannMachine m = of(units, beta);
        if (parameters.length != m.theta.length) {
            throw new IllegalArgumentException("parameters length must be " + m.theta.length + ": " + parameters.length);
        }
        System.arraycopy(parameters, 0, m.theta, 0, parameters.length);
        return m;
    }

    @Override
    public int visibleCount() {
        return n;
    }

    @Override
    public int hiddenCount() {
        return 0;
    }

    @Override
    public double[] parameters() {
        return theta;
    }

    @Override
    public double inverseTemperature() {
        return beta;
    }

    /** Offset of the biases {@code c} in the flat vector. */
    public int biasOffset() {
        return cOffset;
    }

    @Override
    public void gibbsStep(BoltzmannState state, Phase phase, RandomGenerator rng) {
        if (phase.isPositive()) {
            return;
        }
        double[] s = state.visible;
        for (int i = 0; i < n; i++) {
            s[i] = LogisticBernoulli.sample(beta * field(i, s), rng.nextDouble());
        }
    }

    /** {@code c_i + sum_{k != i} J_ik s_k}. */
    public double field(int i, double[] s) {
        double f = theta[cOffset + i];
        for (int k = 0; k < n; k++) {
            if (k != i && s[k] != 0) {
                f += theta[PairLayout.index(i, k, n)];
            }
        }
        return f;
    }

    @Override
    public void addStatistic(BoltzmannState state, double weight, double[] target) {
        final double w = weight * beta;
        double[] s = state.visible;
        for (int i = 0, p = 0; i < n; i++) {
            if (s[i] == 0) {
                p += n - i - 1;
                continue;
            }
            target[cOffset + i] += w;
            for (int k = i + 1; k < n; k++, p++) {
                target[p] += w * s[k];
            }
        }
    }

    @Override
    public double negativeEnergy(BoltzmannState state) {
        double[] s = state.visible;
        double e = 0;
        for (int i = 0, p = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++, p++) {
                e += theta[p] * s[i] * s[k];
            }
            e += theta[cOffset + i] * s[i];
        }
        return beta * e;
    }

    @Override
    public void scaleCouplings(double factor) {
        for (int p = 0; p < cOffset; p++) {
            theta[p] *= factor;
        }
    }

    @Override
    public FullyVisibleBoltzmannMachine copy() {
        return new FullyVisibleBoltzmannMachine(n, beta, theta.clone());
    }

    @Override
    public String describe() {
        return "fvbm(" + n + ", beta=" + beta + ")";
    }
}

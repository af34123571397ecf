package org.flexphase.estimation;

import java.util.random.RandomGenerator;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.LogisticBernoulli;
import org.flexphase.boltzmann.Rbm;

/**
 * One annealed importance sampling run between a base-rate model {@code A} and an RBM {@code B} at inverse
 * temperature {@code beta}. The intermediate distribution at {@code beta_k} is
 * {@code p_k(v, h) ∝ exp((1 - beta_k) A^T v + beta_k beta (a^T v + b^T h + h^T W v))}; summing {@code h} out,
 * <pre>  log p*_k(v) = (1 - beta_k) A^T v + beta_k beta a^T v + sum_j softplus(beta_k beta (b_j + W_j . v)).</pre>
 * At {@code beta_0 = 0} this is the base model times {@code 2^nh} (each hidden unit free), at {@code beta_K = 1}
 * the RBM. The transition at {@code beta_k} samples {@code h ~ p_k(h | v)}, then {@code v ~ p_k(v | h)}: both are
 * exact conditionals of {@code p_k(v, h)}, so it leaves {@code p_k} invariant. Reads the RBM's parameters, never
 * writes them; not thread-safe (scratch arrays), one chain per thread.
 */
final class AnnealedChain {
    private final double[] theta;
    private final int nv;
    private final int nh;
    private final int aOffset;
    private final int bOffset;
    private final double beta;
    private final BaseRateModel base;
    // State and scratch: the visible and hidden units, active-index lists, fields of the current v.
    final double[] visible;
    private final double[] hidden;
    private final int[] activeVisible;
    private final int[] activeHidden;
    private final double[] hiddenField;
    private final double[] visibleField;
    private double rbmLinear;
    private double baseLinear;

    AnnealedChain(Rbm rbm, BaseRateModel base) {
        this.theta = rbm.parameters();
        this.nv = rbm.visibleCount();
        this.nh = rbm.hiddenCount();
        this.aOffset = rbm.visibleBiasOffset();
        this.bOffset = rbm.hiddenBiasOffset();
        this.beta = rbm.inverseTemperature();
        this.base = base;
        this.visible = new double[nv];
        this.hidden = new double[nh];
        this.activeVisible = new int[nv];
        this.activeHidden = new int[nh];
        this.hiddenField = new double[nh];
        this.visibleField = new double[nv];
    }

    /**
     * {@code log w = sum_{k=1..K} [log p*_k(v_k) - log p*_{k-1}(v_k)]}, with {@code v_1} drawn from the base model
     * and {@code v_{k+1}} from the transition at {@code beta_k} started at {@code v_k}. {@code E[w] = Z_B / Z_0},
     * {@code Z_0 = Z_A 2^nh}. Consumes {@code nv} doubles for the start, then {@code nh + nv} per transition.
     */
    double logWeight(AnnealingSchedule schedule, RandomGenerator rng) {
        base.sample(visible, rng);
        double logW = 0;
        int steps = schedule.steps();
        for (int k = 1; k <= steps; k++) {
            updateFields();
            logW += logIntermediate(schedule.beta(k)) - logIntermediate(schedule.beta(k - 1));
            if (k < steps) {
                transition(schedule.beta(k), rng);
            }
        }
        return logW;
    }

    /** Recomputes the fields of the current visible state: {@code b_j + W_j . v}, {@code a^T v} and {@code A^T v}. */
    void updateFields() {
        int av = 0;
        double rbmSum = 0;
        double baseSum = 0;
        for (int i = 0; i < nv; i++) {
            if (visible[i] != 0) {
                activeVisible[av++] = i;
                rbmSum += theta[aOffset + i];
                baseSum += base.bias(i);
            }
        }
        rbmLinear = rbmSum;
        baseLinear = baseSum;
        for (int j = 0, row = 0; j < nh; j++, row += nv) {
            double f = theta[bOffset + j];
            for (int k = 0; k < av; k++) {
                f += theta[row + activeVisible[k]];
            }
            hiddenField[j] = f;
        }
    }

    /** {@code log p*_k(v)} of the current visible state (after {@link #updateFields}) at {@code betaK}. */
    double logIntermediate(double betaK) {
        double s = (1 - betaK) * baseLinear + betaK * beta * rbmLinear;
        double scale = betaK * beta;
        for (int j = 0; j < nh; j++) {
            s += LogSpace.softplus(scale * hiddenField[j]);
        }
        return s;
    }

    /** {@code h ~ p_k(h | v)} from the current fields (after {@link #updateFields}), then {@code v ~ p_k(v | h)}. */
    void transition(double betaK, RandomGenerator rng) {
        double scale = betaK * beta;
        int ah = 0;
        for (int j = 0; j < nh; j++) {
            hidden[j] = LogisticBernoulli.sample(scale * hiddenField[j], rng.nextDouble());
            if (hidden[j] != 0) {
                activeHidden[ah++] = j;
            }
        }
        System.arraycopy(theta, aOffset, visibleField, 0, nv);
        for (int m = 0; m < ah; m++) {
            for (int i = 0, w = activeHidden[m] * nv; i < nv; i++, w++) {
                visibleField[i] += theta[w];
            }
        }
        double baseScale = 1 - betaK;
        for (int i = 0; i < nv; i++) {
            visible[i] = LogisticBernoulli.sample(baseScale * base.bias(i) + scale * visibleField[i], rng.nextDouble());
        }
    }
}

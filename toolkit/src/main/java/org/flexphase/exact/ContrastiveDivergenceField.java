package org.flexphase.exact;

import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.phases.Phase;

/**
 * The exact mean update of CD-k on a fully visible Boltzmann machine: the positive statistic at a data pattern
 * minus the statistic after {@code k} free Gibbs steps started from that pattern,
 * {@code h_k(theta) = sum_v p_data(v) [phi(v) - sum_v' K^k(v, v') phi(v')]}. Its zero is CD-k's biased fixed
 * point, which approaches the maximum-likelihood {@code theta*} as {@code k} grows (docs/theory.md T8).
 */
public final class ContrastiveDivergenceField {
    private ContrastiveDivergenceField() {
    }

    /** The exact expected CD-{@code k} update of {@code model} on {@code data}. */
    public static double[] meanUpdate(BoltzmannMachine model, DataDistribution data, int k) {
        if (model.hiddenCount() != 0) {
            throw new IllegalArgumentException("the exact CD-k field is defined here for fully visible models; "
                    + model.describe() + " has " + model.hiddenCount() + " hidden units");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        double[][] kernel = GibbsKernels.kernel(model, Phase.NEGATIVE);
        double[][] power = kernel;
        for (int s = 1; s < k; s++) {
            power = JointChain.multiply(power, kernel);
        }
        int size = kernel.length;
        double[][] phi = new double[size][model.parameterCount()];
        BoltzmannState state = model.newState();
        for (int a = 0; a < size; a++) {
            state.setBits(a, 0L);
            model.addStatistic(state, 1.0, phi[a]);
        }
        double[] h = new double[model.parameterCount()];
        for (int r = 0; r < data.support(); r++) {
            int v = (int) data.code(r);
            double p = data.probability(r);
            for (int c = 0; c < h.length; c++) {
                h[c] += p * phi[v][c];
            }
            for (int w = 0; w < size; w++) {
                double q = p * power[v][w];
                if (q == 0) {
                    continue;
                }
                for (int c = 0; c < h.length; c++) {
                    h[c] -= q * phi[w][c];
                }
            }
        }
        return h;
    }
}

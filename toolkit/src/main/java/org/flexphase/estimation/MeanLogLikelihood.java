package org.flexphase.estimation;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.Rbm;

/**
 * The mean log-likelihood per example, {@code (1/N) sum_n log p(v_n) = (1/N) sum_n -F(v_n) - log Z}, given
 * {@code log Z} (exact, or an AIS estimate). The free energy is exact in closed form,
 * {@code -F(v) = beta a^T v + sum_j softplus(beta (b_j + W_j . v))}, so the estimate's uncertainty is all in
 * {@code log Z}: its bounds carry over with the order reversed.
 *
 * @param mean  with the estimate of {@code log Z}
 * @param lower with the estimate's upper bound
 * @param upper with the estimate's lower bound (possibly {@code +infinity})
 */
public record MeanLogLikelihood(double mean, double lower, double upper) {

    /** From a mean {@code -F} and an AIS estimate of {@code log Z}. */
    public static MeanLogLikelihood of(double meanNegativeFreeEnergy, LogPartitionEstimate logZ) {
        return new MeanLogLikelihood(meanNegativeFreeEnergy - logZ.logZ(), meanNegativeFreeEnergy - logZ.upper(),
                meanNegativeFreeEnergy - logZ.lower());
    }

    /** Mean log-likelihood of {@code rows} (each a full visible pattern) given {@code logZ}. */
    public static double perExample(Rbm rbm, double[][] rows, double logZ) {
        return meanNegativeFreeEnergy(rbm, rows) - logZ;
    }

    /**
     * Mean log-likelihood of labelled examples, {@code log p(x, y)} with the label one-hot in the last
     * {@code classes} visible units (the layout of the label-clamped MNIST RBM), given {@code logZ}.
     */
    public static double perLabelledExample(Rbm rbm, double[][] inputs, int[] labels, int classes, double logZ) {
        return meanNegativeFreeEnergy(rbm, inputs, labels, classes) - logZ;
    }

    /** {@code (1/N) sum_n -F(v_n)}. */
    public static double meanNegativeFreeEnergy(Rbm rbm, double[][] rows) {
        requireNonEmpty(rows.length);
        double s = 0;
        for (int n = 0; n < rows.length; n++) {
            if (rows[n].length != rbm.visibleCount()) {
                throw new IllegalArgumentException("rows[" + n + "] must have the RBM's " + rbm.visibleCount()
                        + " visible units: " + rows[n].length);
            }
            s += ExactAnalysis.logMarginal(rbm, rows[n]);
        }
        return s / rows.length;
    }

    /** {@code (1/N) sum_n -F(x_n, onehot(y_n))}. */
    public static double meanNegativeFreeEnergy(Rbm rbm, double[][] inputs, int[] labels, int classes) {
        requireNonEmpty(inputs.length);
        if (labels.length != inputs.length) {
            throw new IllegalArgumentException("labels must have one entry per input (" + inputs.length + "): "
                    + labels.length);
        }
        int first = rbm.visibleCount() - classes;
        if (classes < 2 || first < 1) {
            throw new IllegalArgumentException("classes must be in [2, " + (rbm.visibleCount() - 1) + "]: " + classes);
        }
        double[] row = new double[rbm.visibleCount()];
        double s = 0;
        for (int n = 0; n < inputs.length; n++) {
            if (inputs[n].length != first) {
                throw new IllegalArgumentException("inputs[" + n + "] must have " + first + " units (visible "
                        + rbm.visibleCount() + " minus " + classes + " label units): " + inputs[n].length);
            }
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new IllegalArgumentException("labels[" + n + "] must be in [0, " + (classes - 1) + "]: "
                        + labels[n]);
            }
            System.arraycopy(inputs[n], 0, row, 0, first);
            java.util.Arrays.fill(row, first, row.length, 0.0);
            row[first + labels[n]] = 1.0;
            s += ExactAnalysis.logMarginal(rbm, row);
        }
        return s / inputs.length;
    }

    /**
     * {@code (1/N) sum_n log sum_y exp(-F(x_n, onehot(y)))}: the inputs' unnormalised log marginal with the label
     * units summed over their {@code classes} one-hot patterns (the only label patterns the data has). Minus
     * {@code log Z} it is {@code log P(x, label one-hot)}, a lower bound on the pixels' marginal {@code log p(x)}
     * that is tight when the model puts (almost) all label mass on one-hot patterns.
     */
    public static double meanNegativeFreeEnergySummingLabels(Rbm rbm, double[][] inputs, int classes) {
        requireNonEmpty(inputs.length);
        int first = rbm.visibleCount() - classes;
        if (classes < 2 || first < 1) {
            throw new IllegalArgumentException("classes must be in [2, " + (rbm.visibleCount() - 1) + "]: " + classes);
        }
        double[] row = new double[rbm.visibleCount()];
        double[] perLabel = new double[classes];
        double s = 0;
        for (int n = 0; n < inputs.length; n++) {
            if (inputs[n].length != first) {
                throw new IllegalArgumentException("inputs[" + n + "] must have " + first + " units (visible "
                        + rbm.visibleCount() + " minus " + classes + " label units): " + inputs[n].length);
            }
            System.arraycopy(inputs[n], 0, row, 0, first);
            for (int y = 0; y < classes; y++) {
                java.util.Arrays.fill(row, first, row.length, 0.0);
                row[first + y] = 1.0;
                perLabel[y] = ExactAnalysis.logMarginal(rbm, row);
            }
            s += LogSpace.logSumExp(perLabel, classes);
        }
        return s / inputs.length;
    }

    private static void requireNonEmpty(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("examples must number at least 1: " + n);
        }
    }
}

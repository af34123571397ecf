package org.flexphase.boltzmann;

import org.flexphase.util.LogSpace;


/**
 * Exact quantities of small Boltzmann machines by enumeration in log space: the log partition function, log
 * probabilities, the NLL, total variation and KL to a data distribution, and the exact learning direction
 * {@code u(theta) = E_data[phi] - E_model[phi]}, the gradient of the mean log-likelihood (docs/theory.md section 1).
 *
 * <p>An RBM is handled by enumerating its smaller layer and summing the other out analytically (at most
 * 26 units in the smaller layer; BAS 4x4 with 16 hidden units takes milliseconds). Any other machine is
 * enumerated jointly (at most 24 units in all).
 *
 * <pre>{@code
 * ExactAnalysis.Metrics m = ExactAnalysis.metrics(rbm, DataDistribution.of(BarsAndStripes.published4x4()));
 * double nll = m.nllPerRow();                                  // 3.38 at best on BAS 4x4
 * }</pre>
 */
public final class ExactAnalysis {
    /** Units in all (visible and hidden) of a non-bipartite machine that exact analysis can enumerate. */
    public static final int MAX_JOINT_UNITS = JointEnumeration.MAX_UNITS;

    private ExactAnalysis() {
    }

    /** Metrics of a model against a data distribution, all in nats. */
    public record Metrics(double logPartition, double nllPerRow, double totalVariation, double kl) {
    }

    /** {@code log Z}. */
    public static double logPartition(BoltzmannMachine model) {
        if (model instanceof Rbm rbm) {
            double[] logW = new BipartiteEnumeration(rbm).logWeights();
            return LogSpace.logSumExp(logW, logW.length);
        }
        double[] logW = JointEnumeration.logWeights(model);
        return LogSpace.logSumExp(logW, logW.length);
    }

    /** {@code log p*(v)}, the unnormalised log marginal of a visible pattern ({@code log p(v) + log Z}). */
    public static double logMarginal(BoltzmannMachine model, double[] v) {
        if (model instanceof Rbm rbm) {
            return BipartiteEnumeration.logMarginalVisible(rbm, v);
        }
        JointEnumeration.requireSmall(model);
        return JointEnumeration.logMarginalVisible(model, v);
    }

    /** {@code log p(v)}. */
    public static double logProbability(BoltzmannMachine model, double[] v) {
        return logMarginal(model, v) - logPartition(model);
    }

    /** NLL per row, total variation and KL from the data distribution to the model. */
    public static Metrics metrics(BoltzmannMachine model, DataDistribution data) {
        return metrics(model, data, logPartition(model));
    }

    static Metrics metrics(BoltzmannMachine model, DataDistribution data, double logZ) {
        requireDimension(model, data);
        double nll = 0;
        double modelMassOnSupport = 0;
        double absDiff = 0;
        for (int k = 0; k < data.support(); k++) {
            double logP = logMarginal(model, data.pattern(k)) - logZ;
            double q = data.probability(k);
            double p = Math.exp(logP);
            nll -= q * logP;
            modelMassOnSupport += p;
            absDiff += Math.abs(q - p);
        }
        // Off the data's support p* = 0, so those patterns contribute their model mass, 1 - (mass on support).
        double tv = 0.5 * (absDiff + Math.max(0.0, 1.0 - modelMassOnSupport));
        return new Metrics(logZ, nll, tv, nll - data.entropy());
    }

    /** {@code u(theta)} in the model's parameter layout, written into a new array. */
    public static double[] gradient(BoltzmannMachine model, DataDistribution data) {
        return gradient(model, data, new double[model.parameterCount()]);
    }

    /** {@code u(theta)} written into {@code out} (overwritten; length {@code parameterCount()}), which is returned. */
    public static double[] gradient(BoltzmannMachine model, DataDistribution data, double[] out) {
        requireDimension(model, data);
        java.util.Arrays.fill(out, 0.0);
        if (model instanceof Rbm rbm) {
            return rbmGradient(rbm, data, out);
        }
        double[] logW = JointEnumeration.logWeights(model);
        double logZ = LogSpace.logSumExp(logW, logW.length);
        for (int k = 0; k < data.support(); k++) {
            JointEnumeration.addClampedStatistic(model, data.pattern(k), data.probability(k), out);
        }
        JointEnumeration.addModelStatistic(model, logW, logZ, -1.0, out);
        return out;
    }

    private static double[] rbmGradient(Rbm rbm, DataDistribution data, double[] out) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        int aOff = rbm.visibleBiasOffset();
        int bOff = rbm.hiddenBiasOffset();
        double beta = rbm.inverseTemperature();
        BipartiteEnumeration en = new BipartiteEnumeration(rbm);
        double[] logW = en.logWeights();
        double logZ = LogSpace.logSumExp(logW, logW.length);
        en.addModelMoments(logW, logZ, -1.0, out);
        for (int k = 0; k < data.support(); k++) {
            double[] v = data.pattern(k);
            double q = data.probability(k);
            for (int j = 0; j < nh; j++) {
                double s = q * Rbm.sigmoid(beta * rbm.hiddenField(j, v));
                out[bOff + j] += s;
                for (int i = 0, w = j * nv; i < nv; i++, w++) {
                    out[w] += s * v[i];
                }
            }
            for (int i = 0; i < nv; i++) {
                out[aOff + i] += q * v[i];
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] *= beta;
        }
        if (!rbm.hasVisibleBiases()) {
            java.util.Arrays.fill(out, aOff, aOff + nv, 0.0);
        }
        return out;
    }

    private static void requireDimension(BoltzmannMachine model, DataDistribution data) {
        if (data.dimension() != model.visibleCount()) {
            throw new IllegalArgumentException("data dimension must equal the model's visible units ("
                    + model.visibleCount() + "): " + data.dimension());
        }
    }
}

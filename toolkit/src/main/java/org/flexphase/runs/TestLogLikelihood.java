package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.flexphase.estimation.AnnealedImportanceSampling;
import org.flexphase.estimation.BaseRateModel;
import org.flexphase.estimation.LogPartitionEstimate;
import org.flexphase.estimation.MeanLogLikelihood;
import org.flexphase.boltzmann.Rbm;

/**
 * The test log-likelihood per digit of a label-clamped RBM (docs/experiments.md, "MNIST RBMs at scale"), in nats,
 * with {@code log Z} of the whole 794-unit model estimated by annealed importance sampling:
 * <ul>
 *   <li>{@code joint}: {@code log p(x, y)}, the pixels and the one-hot true label, i.e. the visible vector the RBM
 *   is trained on;</li>
 *   <li>{@code pixels}: {@code log sum_y p(x, onehot(y))}, the pixels with the label summed over the ten one-hot
 *   patterns: a lower bound on the pixels' marginal {@code log p(x)}, tight when the model keeps its label units
 *   one-hot. {@code joint - pixels} is the mean {@code log p(y | x)} of the true label (no AIS error: log Z
 *   cancels).</li>
 * </ul>
 * Both carry AIS's ±3-standard-error bounds of {@code log Z} (order reversed).
 */
public record TestLogLikelihood(LogPartitionEstimate logZ, MeanLogLikelihood joint, MeanLogLikelihood pixels) {

    /** Estimates {@code log Z} of {@code rbm} by {@code annealing} from {@code base}, then both test log-likelihoods. */
    public static TestLogLikelihood of(Rbm rbm, double[][] inputs, int[] labels, int classes,
                                       AnnealedImportanceSampling annealing, BaseRateModel base) {
        LogPartitionEstimate logZ = annealing.estimate(rbm, base);
        double joint = MeanLogLikelihood.meanNegativeFreeEnergy(rbm, inputs, labels, classes);
        double pixels = MeanLogLikelihood.meanNegativeFreeEnergySummingLabels(rbm, inputs, classes);
        return new TestLogLikelihood(logZ, MeanLogLikelihood.of(joint, logZ), MeanLogLikelihood.of(pixels, logZ));
    }

    /** The summary entries ({@code test_ll}, its bounds, the pixels' bound, {@code log_z}, its error, AIS's runs). */
    public Entries entries() {
        return new Entries(joint.mean(), joint.lower(), finiteOrNull(joint.upper()), pixels.mean(), logZ.logZ(),
                logZ.standardError(), logZ.effectiveRuns());
    }

    /** The log-likelihood entries of a summary; {@code testLlUpper} is null where AIS gives no finite bound. */
    public record Entries(double testLl, double testLlLower, Double testLlUpper, double testLlPixels, double logZ,
                          @JsonProperty("log_z_se") double logZSe, double aisEffectiveRuns) {
    }

    /** JSON has no infinity: an upper bound AIS cannot give (its lower bound of log Z is -infinity) is null. */
    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}

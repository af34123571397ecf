package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * The summary of a {@code train} run of a label-clamped RBM on images ({@link LabelledRbmRun}): final error rates on
 * every image of each split, and, when asked for, the test log-likelihood of the current and averaged parameters
 * (the {@code test_ll...} keys, absent otherwise).
 */
public record LabelledRbmSummary(String model, String data, Map<String, Object> config, long seed, long stepsDone,
                                 double wallSeconds, double stepsPerSecond, boolean diverged, String divergence,
                                 @JsonProperty("final") Final finalMetrics) implements RunSummary {

    /** Final errors, and the log-likelihood entries ({@code _avg} for the averaged parameters) or null. */
    public record Final(double trainError, double testError, double trainErrorAvg, double testErrorAvg,
                        @JsonUnwrapped TestLogLikelihood.Entries likelihood,
                        @JsonUnwrapped(suffix = "_avg") TestLogLikelihood.Entries likelihoodAvg) {
    }
}

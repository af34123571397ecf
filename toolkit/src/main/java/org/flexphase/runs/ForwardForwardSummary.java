package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The summary of an {@code ff} run ({@link ForwardForwardRun}): its configuration, throughput and final errors. */
public record ForwardForwardSummary(String model, String data, Config config, long seed, long stepsDone,
                                    long positiveExamples, long negativeExamples, double wallSeconds,
                                    double examplesPerSecond, double stepsPerSecond, boolean diverged,
                                    String divergence, @JsonProperty("final") Final finalMetrics)
        implements RunSummary {

    /** The trainer's configuration as run ({@code process} is null unless a phase process was given). */
    public record Config(String mode, double b, double switchProb, String process, String negatives,
                         String isdWeights, int epochs, double lr, double threshold, int[] hidden, long evalEvery,
                         int evalSize) {
    }

    /** Errors on every image of each split, of the last checkpoint's net when the run diverged. */
    public record Final(long step, double trainError, double testError) {
    }
}

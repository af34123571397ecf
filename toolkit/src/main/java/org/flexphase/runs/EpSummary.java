package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The summary of an {@code ep} run ({@link EpRun}); {@code config} is the settings as {@code spec.json} has them. */
public record EpSummary(String model, String data, Map<String, Object> config, long seed, long relaxationSteps,
                        long updates, double wallSeconds, double relaxationStepsPerSecond, boolean diverged,
                        String divergence, @JsonProperty("final") Final finalMetrics) implements RunSummary {

    /** Errors on every image of each split, of the last checkpoint's parameters when the run diverged. */
    public record Final(long relaxationSteps, double trainError, double testError) {
    }
}

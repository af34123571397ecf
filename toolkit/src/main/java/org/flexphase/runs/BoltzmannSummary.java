package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The summary of a {@code train} run on binary patterns with exact evaluation ({@link BoltzmannRun}); {@code config}
 * is the trainer's description. Final numbers are the last checkpoint's (of the current and averaged parameters).
 */
public record BoltzmannSummary(String model, String data, int dataRows, Map<String, Object> config, long seed,
                               long stepsDone, long positiveSteps, long negativeSteps, double wallSeconds,
                               double stepsPerSecond, boolean diverged, String divergence,
                               @JsonProperty("final") Final finalMetrics) implements RunSummary {

    /**
     * The last checkpoint: NLL per row and total variation, current and averaged, the KL, the data's entropy. A
     * metric the history holds as missing (a model that diverged at step 0) is null, as summary.json writes it.
     */
    public record Final(long step, Double nllPerRow, Double tv, Double nllPerRowAvg, Double tvAvg, Double kl,
                        double dataEntropyPerRow) {
    }
}

package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The summary of a {@code network} run ({@link NetworkRun}): the network built, the cost before and after, and for
 * classification tasks the final error rates (absent for regression); {@code unstable} and {@code instability} say
 * whether and why the cost history is unstable ({@link org.flexphase.circuits.Stability}, with the rates it ran at);
 * {@code updates_made} (update-on-error runs only) counts the updates that changed the conductances, of {@code updates}.
 */
public record NetworkSummary(Map<String, Object> config, long seed, Network network, Double initialCost,
                             @JsonProperty("final") Final finalMetrics, long stepsDone, long updates,
                             double wallSeconds, double stepsPerSecond, boolean diverged, String divergence,
                             boolean unstable, String instability,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long updatesMade)
        implements RunSummary {

    /**
     * The network as built: its nodes and edges, input and output nodes, training examples, and the role draws refused
     * because an output reached the inputs only through the ground.
     */
    public record Network(int nodes, int edges, int inputs, int outputs, int examples, int redraws) {
    }

    /** The last checkpoint's step and the cost on the training set; the errors of classification tasks. */
    public record Final(long step, double cost, @JsonInclude(JsonInclude.Include.NON_NULL) Double trainError,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double testError) {
    }
}

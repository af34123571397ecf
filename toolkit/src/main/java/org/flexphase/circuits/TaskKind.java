package org.flexphase.circuits;

/**
 * Which task a resistor network learns: a random linear map, Iris, the MNIST subset with pixels as potentials, a
 * teacher task (targets from a teacher network on the same graph, so the target is realisable), or MNIST digits 0-2
 * as the coupled-learning anchors run it ({@code mnist3}: each image reduced to 10 x 10 = 100 inputs, the central
 * 20 x 20 pixels, where MNIST centres its digits, averaged in 2 x 2 blocks; 3 outputs; no bias input).
 */
public enum TaskKind {
    REGRESSION,
    IRIS,
    MNIST,
    TEACHER,
    MNIST3;

    /** Inputs of {@link #MNIST3}: a 10 x 10 image. */
    public static final int MNIST3_INPUTS = 100;

    /** Input and output nodes the task fixes (besides ground): {@code regression}'s come from its settings. */
    public int terminals(int inputs, int outputs) {
        return switch (this) {
            case IRIS -> 8 + 1 + 3;
            case MNIST -> 784 + 1 + 10;
            case MNIST3 -> MNIST3_INPUTS + 3;
            case REGRESSION, TEACHER -> inputs + outputs;
        };
    }
}

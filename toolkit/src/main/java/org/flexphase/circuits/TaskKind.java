package org.flexphase.circuits;

/**
 * Which task a resistor network learns: a random linear map, Iris, the MNIST subset with pixels as potentials, or a
 * teacher task (targets from a teacher network on the same graph, so the target is realisable).
 */
public enum TaskKind {
    REGRESSION,
    IRIS,
    MNIST,
    TEACHER;

    /** Input and output nodes the task fixes (besides ground): {@code regression}'s come from its settings. */
    public int terminals(int inputs, int outputs) {
        return switch (this) {
            case IRIS -> 8 + 1 + 3;
            case MNIST -> 784 + 1 + 10;
            case REGRESSION, TEACHER -> inputs + outputs;
        };
    }
}

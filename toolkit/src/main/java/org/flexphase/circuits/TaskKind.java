package org.flexphase.circuits;

/** Which task a resistor network learns: a random linear map, Iris, or the MNIST subset with pixels as potentials. */
public enum TaskKind {
    REGRESSION,
    IRIS,
    MNIST;

    /** Input and output nodes the task fixes (besides ground): {@code regression}'s come from its settings. */
    public int terminals(int inputs, int outputs) {
        return switch (this) {
            case IRIS -> 8 + 1 + 3;
            case MNIST -> 784 + 1 + 10;
            case REGRESSION -> inputs + outputs;
        };
    }
}

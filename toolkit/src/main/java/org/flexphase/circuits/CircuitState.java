package org.flexphase.circuits;

/**
 * The physical state of a network during learning: the node potentials (persistent: never reset at a switch), the
 * example currently shown (which input potentials the sources hold), and the potentials the output clamp holds in a
 * {@code +} phase together with the example they were set for ({@code -1}: no clamp set since the last free step).
 */
public final class CircuitState {
    final double[] potentials;
    final double[] clamp;
    int example = -1;
    int clampExample = -1;

    CircuitState(int nodes, int outputs) {
        potentials = new double[nodes];
        clamp = new double[outputs];
    }

    /** The node potentials (live). */
    public double[] potentials() {
        return potentials;
    }

    /** The example shown, or -1 before the first. */
    public int example() {
        return example;
    }

    /** Shows example {@code m}: the input sources take its potentials from the next step on. */
    public void show(int m) {
        example = m;
    }

    /** A deep copy (potentials, example, clamp and the example it was set for): what a checkpoint stores. */
    public CircuitState copy() {
        CircuitState c = new CircuitState(potentials.length, clamp.length);
        System.arraycopy(potentials, 0, c.potentials, 0, potentials.length);
        System.arraycopy(clamp, 0, c.clamp, 0, clamp.length);
        c.example = example;
        c.clampExample = clampExample;
        return c;
    }

    /** Holds the output clamp at {@code values} for example {@code m} (a twin network's clamp follows its free twin). */
    public void holdClamp(int m, double[] values) {
        System.arraycopy(values, 0, clamp, 0, clamp.length);
        clampExample = m;
    }
}

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
    /** The potential trace (a low-pass of past potentials, docs/theory.md section 5.3), null until first used. */
    double[] trace;
    /** Whether the previous step's state is taken in by the trace at the next step. */
    boolean takeInLast;
    /** Free steps run since the current example was shown (the hold condition of the gated trace). */
    int freeStepsOfExample;

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
        freeStepsOfExample = 0;
    }

    /** A deep copy (potentials, example, clamp and the example it was set for): what a checkpoint stores. */
    public CircuitState copy() {
        CircuitState c = new CircuitState(potentials.length, clamp.length);
        System.arraycopy(potentials, 0, c.potentials, 0, potentials.length);
        System.arraycopy(clamp, 0, c.clamp, 0, clamp.length);
        c.example = example;
        c.clampExample = clampExample;
        c.trace = trace == null ? null : trace.clone();
        c.takeInLast = takeInLast;
        c.freeStepsOfExample = freeStepsOfExample;
        return c;
    }

    /** The potential trace (live), or null when no trace is in use or before the first step. */
    public double[] trace() {
        return trace;
    }

    /**
     * At the start of a step: moves the trace towards the potentials, {@code r += (p - r) / tau}, if the previous
     * step's state is to be taken in (created at the potentials on the first call); then records whether this step's
     * state ({@code takeIn}) will be, at the next step.
     */
    void updateTrace(double tau, boolean takeIn) {
        if (trace == null) {
            trace = potentials.clone();
        } else if (takeInLast) {
            double k = 1.0 / tau;
            for (int i = 0; i < trace.length; i++) {
                trace[i] += k * (potentials[i] - trace[i]);
            }
        }
        takeInLast = takeIn;
    }

    /** Holds the output clamp at {@code values} for example {@code m} (a twin network's clamp follows its free twin). */
    public void holdClamp(int m, double[] values) {
        System.arraycopy(values, 0, clamp, 0, clamp.length);
        clampExample = m;
    }
}

package org.flexphase.hopfield;

import java.util.Arrays;

/**
 * The state of a {@link HopfieldNetwork} while it is shown an example: the activations {@code s_1 .. s_L} (hidden
 * layers, then the output), the input {@code x} and target {@code t} of the current example, and the input drive
 * {@code W_1^T x}, cached because x is fixed while an example is shown. Showing a new example ({@link #show}) does
 * not reset the activations: relaxation is persistent.
 */
public final class HopfieldState {
    final HopfieldNetwork network;
    /** {@code s[l]} for l = 1..L; {@code s[0]} is unused (the input is {@link #x}). */
    final double[][] s;
    final double[] x;
    final double[] t;
    final int[] activeInputs;
    int activeCount;
    double inputNormSquared;
    final double[] inputDrive;
    long driveVersion = Long.MIN_VALUE;
    final double[] scratch;
    /** The slow activity trace {@code r[l]} (exponential average of {@code s[l]}), null until enabled. */
    double[][] trace;
    /** Whether the previous step was free, so that the phase-gated trace takes in its state at the next step. */
    private boolean lastStepFree;
    /** Free steps run since the current example was shown (for the hold-valid condition of the gated trace). */
    int freeStepsOfExample;
    /** Steps of the current phase run before the current one (consecutive steps of the same phase type). */
    int phaseAge;
    /** The phase age of the last free step (the one the sample-and-hold trace holds); -1 before the first. */
    int lastFreeAge = -1;
    /**
     * The summed step weights of the current nudged phase's learning steps, not yet applied (commit-at-switch rule):
     * applied to the last nudged state, into {@link #pendingTarget}, when the next free step starts or, before the
     * input changes, when a new example is shown.
     */
    double pendingWeight;
    double[] pendingTarget;
    /** The phase type of the previous step: 1 free, 0 nudged, -1 before the first step. */
    private int lastPhase = -1;
    private boolean shown;
    private int label = -1;

    HopfieldState(HopfieldNetwork network) {
        this.network = network;
        int layers = network.layers();
        s = new double[layers + 1][];
        s[0] = new double[0];
        int widest = 0;
        for (int l = 1; l <= layers; l++) {
            s[l] = new double[network.size(l)];
            widest = Math.max(widest, network.size(l));
        }
        x = new double[network.inputSize()];
        t = new double[network.outputSize()];
        activeInputs = new int[x.length];
        inputDrive = new double[network.size(1)];
        scratch = new double[widest];
    }

    /**
     * Shows example {@code (input, target)}: copies both, and marks the input drive for recomputation. The
     * activations are kept. {@code label} is carried for bookkeeping (-1 if none). An increment the commit-at-switch
     * rule still holds is applied first, while the state and the input are the previous example's.
     */
    public void show(double[] input, double[] target, int label) {
        if (pendingWeight != 0) {
            double w = pendingWeight;
            pendingWeight = 0;
            network.addStatistic(this, w, pendingTarget, true);
        }
        if (input.length != x.length) {
            throw new IllegalArgumentException("input must have " + x.length + " entries: " + input.length);
        }
        if (target.length != t.length) {
            throw new IllegalArgumentException("target must have " + t.length + " entries: " + target.length);
        }
        System.arraycopy(input, 0, x, 0, x.length);
        System.arraycopy(target, 0, t, 0, t.length);
        activeCount = 0;
        inputNormSquared = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                activeInputs[activeCount++] = i;
                inputNormSquared += x[i] * x[i];
            }
        }
        driveVersion = Long.MIN_VALUE;
        freeStepsOfExample = 0;
        shown = true;
        this.label = label;
    }

    void requireExample() {
        if (!shown) {
            throw new IllegalStateException("no example shown yet: call show(input, target, label) first");
        }
    }

    /** The network this state belongs to. */
    public HopfieldNetwork network() {
        return network;
    }

    /** The live activations of layer {@code l} (1..L). */
    public double[] layer(int l) {
        if (l < 1 || l >= s.length) {
            throw new IllegalArgumentException("layer must be in [1, " + (s.length - 1) + "]: " + l);
        }
        return s[l];
    }

    /** The live output activations {@code y = s_L}. */
    public double[] output() {
        return s[s.length - 1];
    }

    /** The current example's label (-1 if none). */
    public int label() {
        return label;
    }

    /** The current target (a copy). */
    public double[] target() {
        return t.clone();
    }

    /** The current input (a copy). */
    public double[] input() {
        return x.clone();
    }

    /** Index of the largest output (the predicted class). */
    public int predictedClass() {
        double[] y = output();
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Moves the activity trace towards the current activations, {@code r += (s - r) / tau} (created at the
     * current activations on the first call). Called before a step's sweeps, so the trace a statistic is centred on
     * never contains that step's own state.
     */
    public void updateTrace(double tau) {
        if (trace == null) {
            trace = new double[s.length][];
            trace[0] = new double[0];
            for (int l = 1; l < s.length; l++) {
                trace[l] = s[l].clone();
            }
            return;
        }
        double k = 1.0 / tau;
        for (int l = 1; l < s.length; l++) {
            double[] r = trace[l];
            double[] a = s[l];
            for (int j = 0; j < r.length; j++) {
                r[j] += k * (a[j] - r[j]);
            }
        }
    }

    /**
     * The phase-gated trace ({@link org.flexphase.learning.TraceGate#FREE_ONLY}): at the start of a step, moves the
     * trace towards the current activations, {@code r += (s - r) / tau}, only if the previous step was free, so the
     * trace is a low-pass of free-phase states, held through nudged steps (created at the current activations on the
     * first call). {@code freeStep} is the phase of the step about to run.
     */
    public void updateGatedTrace(double tau, boolean freeStep) {
        if (trace == null) {
            updateTrace(tau);
        } else if (lastStepFree) {
            updateTrace(tau);
        }
        lastStepFree = freeStep;
    }

    /**
     * Counts the phase age for the step about to run: the steps of the same phase type run just before it (0 at a
     * switch, and at the first step). A new phase of the same type is no switch: the dynamics do not change.
     */
    void advancePhaseAge(boolean freeStep) {
        int phase = freeStep ? 1 : 0;
        phaseAge = phase == lastPhase ? phaseAge + (phaseAge < Integer.MAX_VALUE ? 1 : 0) : 0;
        lastPhase = phase;
    }

    void requireTrace() {
        if (trace == null) {
            throw new IllegalStateException("no activity trace yet: call updateTrace(tau) first");
        }
    }

    /** Sets every activation to 0 (a fresh start, e.g. before evaluating a new example from rest). */
    public void resetActivations() {
        for (int l = 1; l < s.length; l++) {
            Arrays.fill(s[l], 0);
        }
    }

    /** Copies the activations of {@code other} (same network shape) into this state. */
    public void copyActivationsFrom(HopfieldState other) {
        for (int l = 1; l < s.length; l++) {
            System.arraycopy(other.s[l], 0, s[l], 0, s[l].length);
        }
    }

    /** All activations {@code (s_1, ..., s_L)} concatenated (a copy). */
    public double[] flatActivations() {
        double[] out = new double[network.stateSize()];
        int at = 0;
        for (int l = 1; l < s.length; l++) {
            System.arraycopy(s[l], 0, out, at, s[l].length);
            at += s[l].length;
        }
        return out;
    }

    /** Sets all activations from a concatenated vector {@code (s_1, ..., s_L)}. */
    public void setFlatActivations(double[] flat) {
        if (flat.length != network.stateSize()) {
            throw new IllegalArgumentException("activations must have " + network.stateSize() + " entries: "
                    + flat.length);
        }
        int at = 0;
        for (int l = 1; l < s.length; l++) {
            System.arraycopy(flat, at, s[l], 0, s[l].length);
            at += s[l].length;
        }
    }
}

package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * The contract of the cached input drive {@code W_1^T x} of a {@link HopfieldState}: whatever order learning (into the
 * parameters or into another array) and outside changes come in, the next sweep of every state of the network equals
 * the sweep of a fresh state that shows the same example at the same activations with the current parameters. Weights
 * are small and biases interior so every unit stays inside (0, 1), where a stale drive shows.
 */
class HopfieldDriveCacheTest {
    private static final double[] X = {0.9, 0.2, 0.6};
    private static final double[] T = {1, 0};
    private static final double[] X2 = {0.1, 0.8, 0.4};

    private static HopfieldNetwork network() {
        HopfieldNetwork net = HopfieldNetwork.of(3, 4, 2);
        double[] theta = net.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.05 + 0.01 * (k % 7);
        }
        net.parametersChanged();
        return net;
    }

    /** One free sweep of a fresh state showing {@code x} at {@code activations}: the reference. */
    private static double[] freshSweep(HopfieldNetwork net, double[] x, double[] activations) {
        HopfieldState fresh = net.newState();
        fresh.show(x, T, 0);
        fresh.setFlatActivations(activations);
        net.sweep(fresh, 0, false);
        return fresh.flatActivations();
    }

    private static double[] sweepAndCompare(EquilibriumPropagation sys, HopfieldState st, double[] x, String what) {
        double[] before = st.flatActivations();
        sys.step(st, Phase.NEGATIVE, null);
        double[] expected = freshSweep(sys.network(), x, before);
        assertArrayEquals(expected, st.flatActivations(), 1e-13, what);
        return expected;
    }

    private static EquilibriumPropagation system(HopfieldNetwork net) {
        return EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.ONE_SIDED, 0.5);
    }

    @Test
    void anOutsideChangeBeforeAnyLearningReachesTheDrive() {
        HopfieldNetwork net = network();
        EquilibriumPropagation sys = system(net);
        HopfieldState st = sys.newState();
        st.show(X, T, 0);
        sys.step(st, Phase.NEGATIVE, null);
        net.parameters()[net.weightOffset(1)] += 0.2;
        sys.parametersChanged();
        sweepAndCompare(sys, st, X, "outside change of W_1, no learning before it");
    }

    @Test
    void learningIntoAnotherArrayThenApplyingItFromOutsideReachesTheDrive() {
        HopfieldNetwork net = network();
        EquilibriumPropagation sys = system(net);
        HopfieldState st = sys.newState();
        st.show(X, T, 0);
        sys.step(st, Phase.NEGATIVE, null);
        double[] increment = new double[net.parameterCount()];
        sys.addStatistic(st, 0.5, increment);
        for (int k = 0; k < increment.length; k++) {
            net.parameters()[k] += increment[k];
        }
        sys.parametersChanged();
        sweepAndCompare(sys, st, X, "an increment summed elsewhere, then applied");
    }

    @Test
    void learningIntoTheParametersReachesThisStateAndEveryOtherState() {
        HopfieldNetwork net = network();
        EquilibriumPropagation sys = system(net);
        HopfieldState st = sys.newState();
        HopfieldState other = sys.newState();
        st.show(X, T, 0);
        other.show(X2, T, 0);
        sys.step(st, Phase.NEGATIVE, null);
        sys.step(other, Phase.NEGATIVE, null);
        sys.addStatistic(st, 0.5, sys.parameters());
        sys.parametersChanged();
        sweepAndCompare(sys, st, X, "the learning state (its drive patched in place)");
        sweepAndCompare(sys, other, X2, "another state of the same network");
    }

    @Test
    void learningRightAfterAnOutsideChangeDoesNotKeepTheOldDrive() {
        HopfieldNetwork net = network();
        EquilibriumPropagation sys = system(net);
        HopfieldState st = sys.newState();
        st.show(X, T, 0);
        sys.step(st, Phase.NEGATIVE, null);
        net.parameters()[net.weightOffset(1) + 1] -= 0.2;
        net.parametersChanged();
        // no sweep in between: the drive the state holds predates the change
        sys.addStatistic(st, 0.5, sys.parameters());
        sys.parametersChanged();
        sweepAndCompare(sys, st, X, "learning on a stale drive");
    }

    @Test
    void aGateWithoutATraceLearnsInEveryStep() {
        HopfieldNetwork net = network();
        // trace-tau 0 is "no trace": the gate has nothing to act on and the free step learns
        EquilibriumPropagation sys = system(net).withTrace(0, TraceGate.FREE_ONLY_NUDGED_TERM);
        HopfieldState st = sys.newState();
        st.show(X, T, 0);
        double[] got = new double[net.parameterCount()];
        sys.stepAndAddStatistic(st, Phase.NEGATIVE, null, 0.5, got);
        double[] expected = new double[net.parameterCount()];
        net.addStatistic(st, 0.5, expected, false);
        assertArrayEquals(expected, got, 0);
        double sum = 0;
        for (double v : got) {
            sum += Math.abs(v);
        }
        assertEquals(true, sum > 0.1, "the free step's statistic is not 0: " + sum);
    }
}

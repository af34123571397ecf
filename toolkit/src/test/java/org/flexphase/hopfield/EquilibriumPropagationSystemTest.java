package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * The EP system's settings and state access: the description names every non-default setting, beta must lie in
 * (0, 1) unless the output is clamped, the trace time constant is 0 or at least 1, an outside change of the
 * parameters reaches the state's cached input drive, and the state's layers, label, reset and predicted class.
 */
class EquilibriumPropagationSystemTest {
    @Test
    void descriptionNamesEveryNonDefaultSetting() {
        HopfieldNetwork net = HopfieldNetwork.of(3, 2);
        assertEquals("ep(hopfield(3-2), one-sided, beta=0.5)",
                EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.ONE_SIDED, 0.5).describe());
        assertEquals("ep(hopfield(3-2), clamped)",
                EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.CLAMPED, 0.5).describe());
        EquilibriumPropagation all = EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.SYMMETRIC, 0.25)
                .withSweepsPerStep(3).withTrace(10, TraceGate.FREE_ONLY, 2);
        assertEquals("ep(hopfield(3-2), symmetric, beta=0.25, sweeps/step=3, trace-tau=10.0, trace-gate=free-only, "
                + "hold-after=2)", all.describe());
        EquilibriumPropagation gated = all.withTrace(5, TraceGate.FREE_ONLY_NUDGED_TERM);
        assertEquals(TraceGate.FREE_ONLY_NUDGED_TERM, gated.traceGate());
        assertEquals(0, gated.holdAfter());
        assertEquals(5, gated.traceTau(), 0);
        assertEquals("ep(hopfield(3-2), symmetric, beta=0.25, sweeps/step=3, trace-tau=5.0, "
                + "trace-gate=free-only-nudged-term)", gated.describe());
        assertEquals("ep(hopfield(3-2), symmetric, beta=0.25, sweeps/step=3, trace-tau=5.0)",
                all.withTrace(5).describe());
    }

    @Test
    void betaOutsideTheOpenUnitIntervalIsRefusedUnlessClamped() {
        HopfieldNetwork net = HopfieldNetwork.of(3, 2);
        for (EquilibriumPropagation.Nudge nudge : new EquilibriumPropagation.Nudge[]{
                EquilibriumPropagation.Nudge.ONE_SIDED, EquilibriumPropagation.Nudge.SYMMETRIC}) {
            assertThrows(IllegalArgumentException.class, () -> EquilibriumPropagation.of(net, nudge, 0));
            assertThrows(IllegalArgumentException.class, () -> EquilibriumPropagation.of(net, nudge, 1));
            assertEquals(0.999, EquilibriumPropagation.of(net, nudge, 0.999).beta(), 0);
        }
        assertEquals(1, EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.CLAMPED, 1).beta(), 0);
        assertEquals(7.5, EquilibriumPropagation.requireTraceTau("trace_tau", 7.5), 0);
        assertEquals(0, EquilibriumPropagation.requireTraceTau("trace_tau", 0), 0);
        assertEquals("trace_tau", assertThrows(InvalidSetting.class,
                () -> EquilibriumPropagation.requireTraceTau("trace_tau", 0.5)).key());
        assertThrows(InvalidSetting.class, () -> EquilibriumPropagation.requireTraceTau("t", Double.POSITIVE_INFINITY));
    }

    @Test
    void anOutsideChangeOfTheParametersReachesTheCachedInputDrive() {
        // Small weights, interior biases: every unit stays inside (0, 1), where a stale drive would show.
        HopfieldNetwork net = HopfieldNetwork.of(3, 4, 2);
        java.util.Arrays.fill(net.parameters(), 0.1);
        net.parametersChanged();
        EquilibriumPropagation sys = EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.ONE_SIDED, 0.5);
        double[] x = {0.9, 0.2, 0.6};
        double[] t = {1, 0};
        HopfieldState st = sys.newState();
        st.show(x, t, 0);
        sys.step(st, Phase.NEGATIVE, null);
        // Learning into the parameters through the system, then an outside change of the input weights.
        sys.addStatistic(st, 0.1, sys.parameters());
        sys.parametersChanged();
        net.parameters()[0] -= 0.05;
        sys.parametersChanged();
        st.resetActivations();
        for (int k = 0; k < 5; k++) {
            sys.step(st, Phase.NEGATIVE, null);
        }
        HopfieldState fresh = net.newState();
        fresh.show(x, t, 0);
        for (int k = 0; k < 5; k++) {
            net.sweep(fresh, 0, false);
        }
        assertArrayEquals(fresh.flatActivations(), st.flatActivations(), 1e-14);
    }

    @Test
    void stateGivesItsLayersLabelResetAndFirstLargestOutput() {
        HopfieldNetwork net = HopfieldNetwork.of(2, 3, 2);
        HopfieldState st = net.newState();
        st.show(new double[]{1, 0}, new double[]{0, 1}, 1);
        assertEquals(1, st.label());
        st.setFlatActivations(new double[]{0.1, 0.2, 0.3, 0.4, 0.4});
        assertArrayEquals(new double[]{0.1, 0.2, 0.3}, st.layer(1), 0);
        assertSame(st.output(), st.layer(2));
        assertThrows(IllegalArgumentException.class, () -> st.layer(0));
        assertThrows(IllegalArgumentException.class, () -> st.layer(3));
        assertEquals(0, st.predictedClass(), "a tie goes to the first output");
        st.output()[1] = 0.5;
        assertEquals(1, st.predictedClass());
        st.resetActivations();
        assertArrayEquals(new double[5], st.flatActivations(), 0);
    }
}

package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flexphase.learning.TraceGate;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * Coupled learning's cost, free outputs and per-step statistic, each against its definition computed from the
 * potentials (docs/theory.md sections 5.2 and 5.3), and the hold condition of the gated trace.
 */
class CoupledLearningStatisticTest {

    private static CoupledLearning system() {
        Graph g = Graphs.randomGeometric(20, 4.0, 5);
        ResistorNetwork net = ResistorNetwork.withRandomRoles(g, 3, 2, 1.0, 0.01, 100, 6);
        double[] k = net.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = 0.4 + (e % 5) * 0.35;
        }
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, 4, 7), 0.3, 0.8);
    }

    @Test
    void costIsHalfTheSquaredDistanceOfTheFreeOutputsToTheTargets() {
        CoupledLearning sys = system();
        ResistorNetwork net = sys.network();
        double[] p = new double[net.graph().nodeCount()];
        double mean = 0;
        for (int m = 0; m < sys.task().size(); m++) {
            sys.freeEquilibrium(m, p);
            double c = 0;
            for (int o = 0; o < net.outputCount(); o++) {
                double d = p[net.output(o)] - sys.task().target(m)[o];
                c += 0.5 * d * d;
            }
            assertNotEquals(0.0, c);
            assertEquals(c, sys.cost(m), 1e-12 * c, "example " + m);
            mean += c / sys.task().size();
        }
        assertEquals(mean, sys.cost(), 1e-12 * mean);
    }

    @Test
    void freeOutputsAreTheFreeEquilibriumsAndLinearInTheInputs() {
        CoupledLearning sys = system();
        ResistorNetwork net = sys.network();
        double[] p = new double[net.graph().nodeCount()];
        sys.freeEquilibrium(2, p);
        double[] x = sys.task().input(2);
        double[] y = sys.freeOutputs(x);
        assertEquals(net.outputCount(), y.length);
        for (int o = 0; o < y.length; o++) {
            assertEquals(p[net.output(o)], y[o], 1e-12, "output " + o);
        }
        // the ground is at 0, so the equilibrium is linear in the source potentials
        double[] x3 = x.clone();
        for (int s = 0; s < x3.length; s++) {
            x3[s] *= -3;
        }
        double[] y3 = sys.freeOutputs(x3);
        for (int o = 0; o < y.length; o++) {
            assertEquals(-3 * y[o], y3[o], 1e-12, "output " + o);
        }
        // a free output node carries no net current at equilibrium
        sys.freeEquilibrium(2, p);
        for (int o = 0; o < y.length; o++) {
            assertEquals(0.0, net.netCurrent(net.output(o), p), 1e-12);
        }
    }

    @Test
    void untracedStatisticIsMinusHalfTheSquaredDropsEveryStep() {
        CoupledLearning sys = system();
        CircuitState s = sys.newState();
        s.show(0);
        Graph g = sys.network().graph();
        for (Phase phase : new Phase[]{Phase.NEGATIVE, Phase.NEGATIVE, Phase.POSITIVE, Phase.NEGATIVE}) {
            double[] stat = new double[g.edgeCount()];
            sys.stepAndAddStatistic(s, phase, null, 2.0, stat);
            double[] p = s.potentials();
            for (int e = 0; e < stat.length; e++) {
                double d = p[g.from(e)] - p[g.to(e)];
                assertEquals(-d * d, stat[e], 1e-12, phase + " edge " + e);
            }
        }
        assertNull(s.trace(), "no trace is kept without trace-tau");
    }

    @Test
    void nudgedTermRuleWithHoldLearnsOnlyInClampedStepsAfterEnoughFreeSteps() {
        CoupledLearning sys = system().withTrace(4.0, TraceGate.FREE_ONLY_NUDGED_TERM, 2);
        assertEquals(2, sys.holdAfter());
        assertEquals(4.0, sys.traceTau());
        CircuitState s = sys.newState();
        Graph g = sys.network().graph();
        double[] zero = new double[g.edgeCount()];
        s.show(1);
        // only free steps count towards the hold: two clamped steps after one free step do not learn
        Phase[] phases = {Phase.NEGATIVE, Phase.POSITIVE, Phase.POSITIVE, Phase.NEGATIVE, Phase.POSITIVE};
        boolean[] learns = {false, false, false, false, true};
        for (int t = 0; t < phases.length; t++) {
            double[] stat = new double[g.edgeCount()];
            sys.stepAndAddStatistic(s, phases[t], null, 1.5, stat);
            if (!learns[t]) {
                assertArrayEquals(zero, stat, "step " + t + " must not learn");
                continue;
            }
            double[] p = s.potentials();
            double[] r = s.trace();
            boolean nonzero = false;
            for (int e = 0; e < stat.length; e++) {
                double d = p[g.from(e)] - p[g.to(e)];
                double dr = r[g.from(e)] - r[g.to(e)];
                assertEquals(-0.75 * (d * d - dr * dr), stat[e], 1e-12, "step " + t + " edge " + e);
                nonzero |= stat[e] != 0;
            }
            assertEquals(true, nonzero, "step " + t + " learns something");
        }
        // a new example restarts the count of free steps
        s.show(2);
        double[] stat = new double[g.edgeCount()];
        sys.stepAndAddStatistic(s, Phase.NEGATIVE, null, 1.5, stat);
        sys.stepAndAddStatistic(s, Phase.POSITIVE, null, 1.5, stat);
        assertArrayEquals(zero, stat);
    }

    @Test
    void firstExampleCanBeSteppedButNoneShownIsRefused() {
        CoupledLearning sys = system();
        CircuitState s = sys.newState();
        assertThrows(IllegalStateException.class, () -> sys.step(s, Phase.NEGATIVE, null));
        s.show(0);
        sys.step(s, Phase.POSITIVE, null);
        double[] clamp = new double[2];
        sys.nudgedOutputs(0, clamp);
        ResistorNetwork net = sys.network();
        for (int o = 0; o < clamp.length; o++) {
            assertEquals(clamp[o], s.potentials()[net.output(o)], 0.0, "the clamp holds output " + o);
        }
    }

    @Test
    void traceSettingsAreRefusedOutsideTheirRange() {
        CoupledLearning sys = system();
        assertThrows(IllegalArgumentException.class, () -> sys.withTrace(0.5, TraceGate.FREE_ONLY));
        assertThrows(IllegalArgumentException.class, () -> sys.withTrace(Double.POSITIVE_INFINITY, TraceGate.FREE_ONLY));
        assertThrows(IllegalArgumentException.class, () -> sys.withTrace(2.0, TraceGate.FREE_ONLY, -1));
        assertEquals(1.0, sys.withTrace(1.0, TraceGate.FREE_ONLY).traceTau());
    }
}

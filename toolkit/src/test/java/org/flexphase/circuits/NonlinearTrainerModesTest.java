package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.learning.LearningLoop;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * {@link NonlinearTrainer} in every mode against {@link CouplingTrainer}: with the linear element and uniform
 * relaxation the two trainers run the same operations in the same order, so twin and flexible-phase (local) runs, and
 * the increments summed with the conductances frozen, agree to rounding (the standard mode is checked by
 * {@link NonlinearElementTest}); with a bent element they differ.
 */
class NonlinearTrainerModesTest {
    private static final CouplingTask TASK = CouplingTask.randomLinear(3, 2, 5, 4);

    private static NetworkSettings settings(CouplingMode mode) {
        NetworkSettings d = mode == CouplingMode.LOCAL
                ? NetworkSettings.DEFAULTS.withSwitchProb(0.2).withPresentProb(0.04) : NetworkSettings.DEFAULTS;
        return d.withMode(mode).withSteps(1_500).withEvalEvery(500).withLr(0.7).withSeed(5);
    }

    private static void sameRun(CouplingMode mode) {
        NetworkSettings s = settings(mode);
        ResistorNetwork a = NonlinearElementTest.network(40, 3);
        ResistorNetwork b = a.withConductances(a.conductances().clone());
        CoupledLearning linear = new CoupledLearning(a, TASK, s.nudge(), Relaxation.Kind.UNIFORM, s.relaxRate());
        NonlinearCoupledLearning newton = new NonlinearCoupledLearning(b, Element.LINEAR, TASK, s.nudge(),
                s.relaxRate());
        List<Long> seenA = new ArrayList<>();
        List<Long> seenB = new ArrayList<>();
        double[] before = a.conductances().clone();
        LearningLoop la = new CouplingTrainer(s).train(linear, l -> seenA.add(l.step()));
        LearningLoop lb = new NonlinearTrainer(s).train(newton, l -> seenB.add(l.step()));
        assertEquals(la.updates(), lb.updates(), mode.key());
        assertEquals(la.step(), lb.step(), mode.key());
        assertEquals(seenA, seenB, mode.key());
        assertEquals(List.of(0L, 500L, 1000L, 1500L), seenB, mode.key());
        double moved = 0;
        for (int e = 0; e < before.length; e++) {
            moved = Math.max(moved, Math.abs(b.conductances()[e] - before[e]));
        }
        assertTrue(moved > 1e-3, mode.key() + ": the run did not learn (largest change " + moved + ")");
        NonlinearElementTest.assertClose(a.conductances(), b.conductances(), 1e-9, mode.key());
    }

    @Test
    void twinRunsAgreeWithTheLinearTrainer() {
        sameRun(CouplingMode.TWIN);
    }

    @Test
    void flexiblePhaseRunsAgreeWithTheLinearTrainer() {
        sameRun(CouplingMode.LOCAL);
    }

    @Test
    void frozenIncrementsAgreeWithTheLinearTrainerInEveryMode() {
        for (CouplingMode mode : CouplingMode.values()) {
            NetworkSettings s = settings(mode);
            ResistorNetwork a = NonlinearElementTest.network(40, 3);
            ResistorNetwork b = a.withConductances(a.conductances().clone());
            double[] k0 = a.conductances().clone();
            CoupledLearning linear = new CoupledLearning(a, TASK, s.nudge(), Relaxation.Kind.UNIFORM, s.relaxRate());
            NonlinearCoupledLearning newton = new NonlinearCoupledLearning(b, Element.LINEAR, TASK, s.nudge(),
                    s.relaxRate());
            double[] ia = new double[k0.length];
            double[] ib = new double[k0.length];
            LearningLoop la = new CouplingTrainer(s).sumIncrements(linear, 400, ia);
            LearningLoop lb = new NonlinearTrainer(s).sumIncrements(newton, 400, ib);
            assertEquals(la.updates(), lb.updates(), mode.key());
            assertTrue(lb.updates() > 0, mode.key());
            assertArrayEquals(k0, b.conductances(), 0, mode.key() + ": frozen");
            NonlinearElementTest.assertClose(ia, ib, 1e-9, mode.key());
            double norm = 0;
            for (double v : ib) {
                norm = Math.max(norm, Math.abs(v));
            }
            assertTrue(norm > 1e-6, mode.key() + ": no increment");
        }
    }

    @Test
    void aStandardBudgetEndingBetweenUpdatesGetsItsLastCheckpoint() {
        // 2 T = 20 sweeps per update: a budget of 1,005 ends 5 sweeps short of the 51st update, at step 1,000
        NetworkSettings s = NetworkSettings.DEFAULTS.withSteps(1_005).withEvalEvery(300).withLr(0.7).withSeed(5);
        ResistorNetwork b = NonlinearElementTest.network(40, 3);
        NonlinearCoupledLearning newton = new NonlinearCoupledLearning(b, Element.saturating(0.5), TASK, s.nudge(),
                s.relaxRate());
        List<Long> seen = new ArrayList<>();
        LearningLoop loop = new NonlinearTrainer(s).train(newton, l -> seen.add(l.step()));
        assertEquals(50, loop.updates());
        assertEquals(List.of(0L, 300L, 600L, 900L, 1000L), seen);
    }

    @Test
    void settingsAreValidatedAndKept() {
        NetworkSettings s = settings(CouplingMode.TWIN);
        assertSame(s, new NonlinearTrainer(s).settings());
        InvalidSetting trace = assertThrows(InvalidSetting.class,
                () -> new NonlinearTrainer(NetworkSettings.LOCAL_DEFAULTS.withTraceTau(5.0)));
        assertEquals("trace_tau", trace.key());
        assertThrows(InvalidSetting.class, () -> new NonlinearTrainer(s.withNudge(0)));
    }
}

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
 * {@link CouplingTrainer}'s own arithmetic and contract: the rate per update in each relaxation and mode (alpha times
 * the physical time of an update for ode), the settings validated at construction, the listener's last checkpoint where
 * the budget ends between two updates, and {@code sumIncrements} leaving the conductances frozen.
 */
class CouplingTrainerRateTest {
    private static final NetworkSettings D = NetworkSettings.DEFAULTS;

    @Test
    void theRatePerUpdateIsLrOrAlphaTimesTheTimeAnUpdateStandsFor() {
        NetworkSettings ode = D.withRelax(Relaxation.Kind.ODE).withLr(0.25).withDt(0.5).withPhaseLength(3);
        assertEquals(0.25 * 0.5, new CouplingTrainer(ode.withMode(CouplingMode.TWIN)).updateRate(), 0);
        assertEquals(0.25 * 0.5, new CouplingTrainer(ode.withMode(CouplingMode.LOCAL)).updateRate(), 0);
        // standard: one update per pair of phases of 3 steps of dt = 0.5 each
        assertEquals(0.25 * 3.0, new CouplingTrainer(ode.withMode(CouplingMode.STANDARD)).updateRate(), 0);
        for (Relaxation.Kind kind : new Relaxation.Kind[]{Relaxation.Kind.UNIFORM, Relaxation.Kind.JACOBI}) {
            for (CouplingMode mode : CouplingMode.values()) {
                assertEquals(0.25, new CouplingTrainer(ode.withRelax(kind).withMode(mode)).updateRate(), 0,
                        kind + " " + mode);
            }
        }
    }

    @Test
    void theSettingsAreValidatedAtConstructionAndKept() {
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> new CouplingTrainer(D.withNodes(7)));
        assertEquals("nodes", e.key());
        NetworkSettings s = D.withSeed(5);
        assertSame(s, new CouplingTrainer(s).settings());
    }

    @Test
    void theListenerSeesTheEndOfABudgetThatEndsBetweenUpdates() {
        CoupledLearning sys = CouplingTrainerTest.system();
        List<Long> seen = new ArrayList<>();
        // standard with phases of 10 steps: the budget of 1,005 steps ends after 50 pairs, at step 1,000
        NetworkSettings s = CouplingTrainerTest.config(CouplingMode.STANDARD, 0.01, 1_005).withEvalEvery(300);
        LearningLoop loop = new CouplingTrainer(s).train(sys, l -> seen.add(l.step()));
        assertEquals(List.of(0L, 300L, 600L, 900L, 1_000L), seen);
        assertEquals(1_000, loop.step());
    }

    @Test
    void sumIncrementsRunsTheBudgetWithTheConductancesFrozen() {
        CoupledLearning sys = CouplingTrainerTest.system();
        double[] before = sys.parameters().clone();
        double[] increments = new double[before.length];
        LearningLoop loop = new CouplingTrainer(CouplingTrainerTest.config(CouplingMode.LOCAL, 0.01, 400))
                .sumIncrements(sys, 400, increments);
        assertEquals(400, loop.step());
        assertEquals(400, loop.updates());
        assertArrayEquals(before, sys.parameters(), 0);
        double size = 0;
        for (double v : increments) {
            size += Math.abs(v);
        }
        assertTrue(size > 0, "no increment was summed");
    }
}

package org.flexphase.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The loop's bookkeeping on runs that diverge between its finiteness checks. */
class LearningLoopTest {

    @Test
    void averageAfterADivergenceIsTheLastCheckpointsAverage() {
        // One free and one nudged step per update, every update adds (1, -1) * 0.5; update 8 (steps 14 to 16) adds
        // NaN, which the average takes in at once but the loop sees only at the checkpoint of step 20.
        PairedPhasesTest.StepCounter system = new PairedPhasesTest.StepCounter();
        List<double[]> averages = new ArrayList<>();
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.constant(1), 40, 10, 0, 1,
                l -> averages.add(l.averagedParameters()));
        loop.begin();
        new PairedPhases<>(system, new PairedPhasesTest.CountPairing(8), org.flexphase.phases.Phase.NEGATIVE, 1, 1)
                .scale(0.5).run(loop, system.newState(), Rngs.create(1));
        loop.finish();

        assertNotNull(loop.divergence());
        assertEquals(20, loop.step());
        double[] average = loop.averagedParameters();
        assertTrue(Checks.allFinite(average), "average after the divergence: " + average[0] + ", " + average[1]);
        assertArrayEquals(averages.get(averages.size() - 1), average, 0.0, "what the checkpoint at step 10 saw");
        // Steps 1..10 see the parameters after updates 1, 1, 2, 2, ..., 5, 5: mean 3 updates' worth.
        assertEquals(3.0 * 0.5, average[0], 1e-12);
        assertArrayEquals(new double[] {5 * 0.5, -5 * 0.5}, system.theta, 0.0, "the parameters at step 10");
    }
}

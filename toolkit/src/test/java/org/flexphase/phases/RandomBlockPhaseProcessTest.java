package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class RandomBlockPhaseProcessTest extends PhaseProcessContractTest {
    @Override
    PhaseProcess create() {
        return RandomBlockPhaseProcess.of(0.3, 5);
    }

    @Override
    double lengthSecondMomentBound() {
        // Consecutive blocks of the same type merge into runs; a run of + has geometric block count.
        return 5.0 * 2 / 0.3;
    }

    @Test
    void phasesStartOnlyAtBlockBoundaries() {
        PhaseProcess p = RandomBlockPhaseProcess.of(0.5, 4);
        RandomGenerator r = Rngs.create(2);
        for (int t = 0; t < 400; t++) {
            p.next(r);
            assertEquals(t % 4 == 0, p.startedNewPhase(), "step " + t);
        }
    }
}

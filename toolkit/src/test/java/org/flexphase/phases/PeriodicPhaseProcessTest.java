package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class PeriodicPhaseProcessTest extends PhaseProcessContractTest {
    @Override
    PhaseProcess create() {
        return PeriodicPhaseProcess.of(7);
    }

    @Override
    double lengthSecondMomentBound() {
        return 7;
    }

    @Test
    void alternatesExactly() {
        PhaseProcess p = PeriodicPhaseProcess.of(3);
        RandomGenerator r = Rngs.create(1);
        String seq = "";
        for (int t = 0; t < 12; t++) {
            seq += p.next(r).symbol();
        }
        assertEquals("+++---+++---", seq);
    }
}

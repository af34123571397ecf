package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class GeometricPhaseProcessTest extends PhaseProcessContractTest {
    @Override
    PhaseProcess create() {
        return GeometricPhaseProcess.of(0.7, 0.05);
    }

    @Override
    double lengthSecondMomentBound() {
        // Runs of one type: geometric with switch-away probability p (1 - 0.7) at least 0.015; E[L^2]/E[L] = (2-q)/q.
        return 2 / 0.015;
    }

    @Test
    void switchProbabilityOneStartsAPhaseEveryStep() {
        PhaseProcess p = GeometricPhaseProcess.of(0.5, 1.0);
        RandomGenerator r = Rngs.create(5);
        for (int t = 0; t < 1000; t++) {
            p.next(r);
            assertTrue(p.startedNewPhase());
        }
    }

    @Test
    void rejectsOutOfRangeParametersNamingThem() {
        for (double b : new double[]{0, 1, 1.5, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeometricPhaseProcess.of(b, 0.1));
            assertTrue(e.getMessage().contains("invalid value for 'b': " + b + " (allowed: 0 < value < 1)"), e.getMessage());
        }
        for (double p : new double[]{0, 1.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeometricPhaseProcess.of(0.5, p));
            assertTrue(e.getMessage().contains("invalid value for 'switch-prob': " + p + " (allowed: 0 < value <= 1)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PeriodicPhaseProcess.of(0));
        assertThrows(IllegalArgumentException.class, () -> RandomBlockPhaseProcess.of(0.5, 0));
    }

    @Test
    void occupancyIsB() {
        assertEquals(0.7, create().positiveOccupancy());
        assertEquals(20.0, create().meanPhaseLength(), 1e-12);
    }
}

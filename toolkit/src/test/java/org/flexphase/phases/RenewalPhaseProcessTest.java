package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class RenewalPhaseProcessTest extends PhaseProcessContractTest {
    @Override
    PhaseProcess create() {
        return RenewalPhaseProcess.of(0.4, LengthLaws.uniform(2, 12), LengthLaws.geometric(0.25));
    }

    @Override
    double lengthSecondMomentBound() {
        // Same-type phases merge: a run is a geometric number (mean <= 1/0.4) of phases of length <= 12 or geometric(0.25).
        return 2 * 12.0 / 0.4 + 2 * 8.0 / 0.4;
    }

    @Test
    void unequalFixedLengthsGiveOccupancyFromTheMeansNotB() {
        PhaseProcess p = RenewalPhaseProcess.of(0.5, LengthLaws.fixed(3), LengthLaws.fixed(7));
        assertEquals(0.3, p.positiveOccupancy(), 1e-15);
        RandomGenerator r = Rngs.create(9);
        long plus = 0;
        int n = 200_000;
        for (int t = 0; t < n; t++) {
            plus += p.next(r).isPositive() ? 1 : 0;
        }
        double observed = plus / (double) n;
        // Phases have mean length 5, so ~40,000 phases; the + fraction's sd is below 0.005, far from 0.5.
        assertEquals(0.3, observed, 0.02);
        assertTrue(Math.abs(observed - 0.5) > 0.1, "a naive occupancy b = 0.5 would be visibly wrong");
    }

    @Test
    void alternatingProcessAlternatesAndUsesLengths() {
        PhaseProcess p = RenewalPhaseProcess.alternating(LengthLaws.fixed(2), LengthLaws.fixed(1));
        RandomGenerator r = Rngs.create(1);
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < 9; t++) {
            s.append(p.next(r).symbol());
        }
        assertEquals("++-++-++-", s.toString());
        assertEquals(2.0 / 3, p.positiveOccupancy(), 1e-15);
    }

    @Test
    void lengthLawsHaveTheirMeansAndSupport() {
        RandomGenerator r = Rngs.create(4);
        LengthLaw u = LengthLaws.uniform(3, 6);
        LengthLaw g = LengthLaws.geometric(0.2);
        LengthLaw d = LengthLaws.discrete(0.5, 0, 0.5);
        double su = 0;
        double sg = 0;
        double sd = 0;
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            int a = u.sample(r);
            assertTrue(a >= 3 && a <= 6);
            su += a;
            int b = g.sample(r);
            assertTrue(b >= 1);
            sg += b;
            int c = d.sample(r);
            assertTrue(c == 1 || c == 3);
            sd += c;
        }
        // sd of the sample mean: uniform 1.12/sqrt(n), geometric sqrt(20)/sqrt(n), discrete 1/sqrt(n); z = 5.
        assertEquals(4.5, su / n, 5 * 1.12 / Math.sqrt(n));
        assertEquals(5.0, sg / n, 5 * Math.sqrt(20) / Math.sqrt(n));
        assertEquals(2.0, sd / n, 5 * 1.0 / Math.sqrt(n));
        assertEquals(1, LengthLaws.geometric(1.0).sample(r));
        assertEquals(2.0, d.mean(), 1e-15);
    }

    @Test
    void rejectsBadLaws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LengthLaws.discrete(0.5, 0.4));
        assertTrue(e.getMessage().contains("pmf must sum to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LengthLaws.fixed(0));
        assertThrows(IllegalArgumentException.class, () -> LengthLaws.uniform(5, 4));
        assertThrows(IllegalArgumentException.class, () -> LengthLaws.geometric(0));
        assertThrows(IllegalArgumentException.class, () -> RenewalPhaseProcess.of(1.0, LengthLaws.fixed(1), LengthLaws.fixed(1)));
    }
}

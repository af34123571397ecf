package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Checks every {@link PhaseProcess} must pass; one subclass per implementation supplies instances.
 *
 * <p>Tolerances for long-run averages: over {@code N} steps with phases of mean length {@code m}, the number of
 * phases is about {@code N/m}; the fraction of {@code +} time is a ratio of renewal-reward sums whose standard
 * deviation is at most {@code sigma = sqrt(m2 / (N m))}, where {@code m2} bounds the second moment of a phase
 * length over its mean ({@link #lengthSecondMomentBound()}). With {@code z = 5} a correct process fails with
 * probability below 6e-7; the seeds are fixed, so each run is reproducible.
 */
abstract class PhaseProcessContractTest {
    static final int STEPS = 400_000;
    static final double Z = 5.0;

    abstract PhaseProcess create();

    /** An upper bound on {@code E[L^2] / E[L]} for the process's phase lengths. */
    abstract double lengthSecondMomentBound();

    @Test
    void firstStepStartsANewPhase() {
        PhaseProcess p = create();
        p.next(Rngs.create(1));
        assertTrue(p.startedNewPhase());
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        PhaseProcess a = create();
        PhaseProcess b = create();
        RandomGenerator ra = Rngs.create(7);
        RandomGenerator rb = Rngs.create(7);
        for (int t = 0; t < 100_000; t++) {
            assertEquals(a.next(ra), b.next(rb), "step " + t);
            assertEquals(a.startedNewPhase(), b.startedNewPhase(), "step " + t);
        }
    }

    @Test
    void copyHasFreshStateAndSameParameters() {
        PhaseProcess used = create();
        RandomGenerator r = Rngs.create(3);
        for (int t = 0; t < 1234; t++) {
            used.next(r);
        }
        PhaseProcess copy = used.copy();
        PhaseProcess fresh = create();
        RandomGenerator rc = Rngs.create(11);
        RandomGenerator rf = Rngs.create(11);
        for (int t = 0; t < 10_000; t++) {
            assertEquals(fresh.next(rf), copy.next(rc), "step " + t);
            assertEquals(fresh.startedNewPhase(), copy.startedNewPhase(), "step " + t);
        }
        assertEquals(fresh.positiveOccupancy(), copy.positiveOccupancy());
    }

    @Test
    void timeInPositivePhaseConvergesToOccupancy() {
        PhaseProcess p = create();
        RandomGenerator r = Rngs.create(20231);
        long plus = 0;
        double weightedPlus = 0;
        double weightedMinus = 0;
        long phases = 0;
        for (int t = 0; t < STEPS; t++) {
            Phase z = p.next(r);
            if (p.startedNewPhase()) {
                phases++;
            }
            if (z.isPositive()) {
                plus++;
                weightedPlus += p.weight(z);
            } else {
                weightedMinus += p.weight(z);
            }
        }
        double rho = p.positiveOccupancy();
        double sigma = Math.sqrt(lengthSecondMomentBound() / (STEPS * 1.0 / p.meanPhaseLength() * p.meanPhaseLength()));
        double tol = Z * sigma + 1.0 / STEPS * lengthSecondMomentBound();
        assertEquals(rho, plus / (double) STEPS, tol, "fraction of + steps");
        // T3: the weights 1/rho+ and -1/rho- make the weighted indicators average to +1 and -1.
        assertEquals(1.0, weightedPlus / STEPS, tol / rho, "time average of w(z) 1{z=+}");
        assertEquals(-1.0, weightedMinus / STEPS, tol / (1 - rho), "time average of w(z) 1{z=-}");
        double observedMeanLength = STEPS / (double) phases;
        assertEquals(p.meanPhaseLength(), observedMeanLength, 0.05 * p.meanPhaseLength() + 1.0, "mean phase length");
    }

    @Test
    void weightsAreInverseOccupancies() {
        PhaseProcess p = create();
        assertEquals(1 / p.positiveOccupancy(), p.weight(Phase.POSITIVE), 1e-12);
        assertEquals(-1 / p.negativeOccupancy(), p.weight(Phase.NEGATIVE), 1e-12);
    }
}

package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * What each phase process reports about itself (its parameters and description, which go into every run's
 * summary), and the edges of what {@link RenewalPhaseProcess} and {@link LengthLaws} accept.
 */
class PhaseProcessParametersTest {

    @Test
    void processesReportTheParametersTheyWereBuiltWith() {
        GeometricPhaseProcess geometric = GeometricPhaseProcess.of(0.3, 0.1);
        assertEquals(0.3, geometric.positiveProbability());
        assertEquals(0.1, geometric.switchProbability());
        assertEquals(0.5, PeriodicPhaseProcess.of(4).positiveProbability());
        assertEquals(0.35, RandomBlockPhaseProcess.of(0.35, 4).positiveProbability());
        assertEquals(0.45, RenewalPhaseProcess.of(0.45, LengthLaws.fixed(2), LengthLaws.fixed(3)).positiveProbability());
    }

    @Test
    void descriptionsNameTheKindAndEveryParameter() {
        assertEquals("geometric(b=0.3, p=0.1)", GeometricPhaseProcess.of(0.3, 0.1).describe());
        assertEquals("periodic(T=4)", PeriodicPhaseProcess.of(4).describe());
        assertEquals("random-block(b=0.35, T=4)", RandomBlockPhaseProcess.of(0.35, 4).describe());
        assertEquals("renewal(b=0.45, plus=fixed(2), minus=uniform(1, 3))",
                RenewalPhaseProcess.of(0.45, LengthLaws.fixed(2), LengthLaws.uniform(1, 3)).describe());
        assertEquals("alternating-renewal(plus=geometric(0.25), minus=discrete[0.5, 0.5])",
                RenewalPhaseProcess.alternating(LengthLaws.geometric(0.25), LengthLaws.discrete(0.5, 0.5)).describe());
        assertEquals("geometric(0.25)", LengthLaws.geometric(0.25).toString());
    }

    @Test
    void lengthLawsOfMeanExactlyOneAreAcceptedAndInfiniteMeansAreNot() {
        PhaseProcess everyStep = RenewalPhaseProcess.of(0.5, LengthLaws.fixed(1), LengthLaws.geometric(1.0));
        RandomGenerator rng = Rngs.create(5);
        for (int t = 0; t < 100; t++) {
            everyStep.next(rng);
            assertTrue(everyStep.startedNewPhase(), "a phase of length 1 ends after one step; step " + t);
        }
        LengthLaw heavyTailed = law("heavy", Double.POSITIVE_INFINITY, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RenewalPhaseProcess.of(0.5, LengthLaws.fixed(1), heavyTailed));
        assertTrue(e.getMessage().contains("minus") && e.getMessage().contains("Infinity"), e.getMessage());
    }

    @Test
    void aUserLawThatReturnsALengthBelowOneIsReportedByName() {
        // With b = 0.999 the first phase is + and with b = 0.001 it is - (seed 1's first draw is in between):
        // the message names the law of that phase.
        for (double b : new double[] {0.999, 0.001}) {
            PhaseProcess process = RenewalPhaseProcess.of(b, law("broken-plus", 1.0, 0), law("broken-minus", 1.0, 0));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> process.next(Rngs.create(1)));
            String law = b > 0.5 ? "broken-plus" : "broken-minus";
            assertTrue(e.getMessage().contains(law + " returned a length < 1: 0"), e.getMessage());
        }
    }

    @Test
    void discreteLawsMayGiveZeroProbabilityToSomeLengths() {
        LengthLaw law = LengthLaws.discrete(0.0, 0.25, 0.0, 0.75);
        assertEquals(2 * 0.25 + 4 * 0.75, law.mean(), 1e-15);
        RandomGenerator rng = Rngs.create(17);
        int fours = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            int length = law.sample(rng);
            assertTrue(length == 2 || length == 4, "length " + length + " has probability 0");
            fours += length == 4 ? 1 : 0;
        }
        // Binomial(n, 0.75): sd = sqrt(n * 0.75 * 0.25) ~ 87; 6 sd is a false-failure rate of 2e-9.
        assertEquals(0.75 * n, fours, 6 * Math.sqrt(n * 0.75 * 0.25));
    }

    /** A user-supplied law (the interface is public for that) reporting {@code mean} and always drawing {@code length}. */
    private static LengthLaw law(String name, double mean, int length) {
        return new LengthLaw() {
            @Override
            public int sample(RandomGenerator rng) {
                return length;
            }

            @Override
            public double mean() {
                return mean;
            }

            @Override
            public double pmf(int n) {
                return n == length ? 1 : 0;
            }

            @Override
            public double variance() {
                return 0;
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}

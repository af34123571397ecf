package org.flexphase.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.exact.PhaseChain.Transition;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * {@link PhaseChain#of}, the door for processes the factories do not cover: every transition must join two of the
 * chain's states with a probability, and the probabilities out of each state must sum to 1 within 1e-12. Each edge of
 * those ranges is tried on both sides; a chain that passes is the one given (a copy), with its exact occupancy.
 */
class PhaseChainValidationTest {
    static final Phase[] TWO = {Phase.POSITIVE, Phase.NEGATIVE};

    /** Strict alternation with a stay of probability {@code stay} in +: rho+ = 1 / (1 + (1 - stay)). */
    static List<Transition> alternation(double stay) {
        List<Transition> t = new ArrayList<>();
        t.add(new Transition(0, 0, stay, false));
        t.add(new Transition(0, 1, 1 - stay, true));
        t.add(new Transition(1, 0, 1.0, true));
        return t;
    }

    static IllegalArgumentException refused(List<Transition> t) {
        return assertThrows(IllegalArgumentException.class, () -> PhaseChain.of(TWO, t));
    }

    @Test
    void transitionsOutsideTheStatesOrWithoutAProbabilityAreRefused() {
        for (Transition bad : List.of(new Transition(-1, 0, 0, false), new Transition(2, 0, 0, false),
                new Transition(0, -1, 0, false), new Transition(0, 2, 0, false), new Transition(1, 1, -1e-300, false),
                new Transition(1, 1, 1 + 1e-15, false), new Transition(1, 1, Double.NaN, false))) {
            List<Transition> t = alternation(0.5);
            t.add(bad);
            IllegalArgumentException e = refused(t);
            assertEquals("transition " + bad + " is outside the 2 states or not a probability", e.getMessage());
        }
        // The edges themselves are allowed: states 0 and 1, probabilities 0 and 1.
        List<Transition> edges = alternation(0.0);
        edges.add(new Transition(1, 1, 0.0, false));
        edges.add(new Transition(0, 1, 0.0, false));
        assertEquals(0.5, PhaseChain.of(TWO, edges).positiveOccupancy(), 1e-15);
    }

    @Test
    void outgoingProbabilitiesMustSumToOneWithinOneInTenToTheTwelve() {
        List<Transition> over = alternation(0.5);
        over.add(new Transition(1, 1, 4e-12, false));
        IllegalArgumentException e = refused(over);
        assertTrue(e.getMessage().startsWith("transitions out of state 1 sum to 1.000000000004"), e.getMessage());

        List<Transition> under = alternation(0.5);
        under.set(1, new Transition(0, 1, 0.5 - 4e-12, true));
        assertTrue(refused(under).getMessage().startsWith("transitions out of state 0 sum to 0.99999999999"));

        List<Transition> close = alternation(0.5);
        close.set(1, new Transition(0, 1, 0.5 - 5e-13, true));
        assertEquals(1 / (1 + (0.5 - 5e-13)), PhaseChain.of(TWO, close).positiveOccupancy(), 1e-12,
                "within 1e-12 is accepted");
    }

    @Test
    void anAcceptedChainIsACopyWithItsPhasesTransitionsAndExactOccupancy() {
        Phase[] phases = TWO.clone();
        List<Transition> t = alternation(0.75);
        PhaseChain chain = PhaseChain.of(phases, t);
        phases[0] = Phase.NEGATIVE;
        t.clear();
        assertEquals(2, chain.size());
        assertEquals(Phase.POSITIVE, chain.phase(0), "the caller's array is copied");
        assertEquals(3, chain.transitions().size(), "the caller's list is copied");
        assertArrayEquals(new double[] {0.75, 0.25}, chain.transitionMatrix()[0], 0.0);
        assertArrayEquals(new double[] {1.0, 0.0}, chain.transitionMatrix()[1], 0.0);
        // Stationary: pi0 = pi0 * 0.75 + pi1, pi1 = 0.25 pi0, so rho+ = 1 / 1.25.
        assertEquals(0.8, chain.positiveOccupancy(), 1e-15);
    }
}

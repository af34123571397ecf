package org.flexphase.phases;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * Geometric switching, as the published code runs it: a phase starts at the first step; at every later step a new
 * phase begins with probability {@code p}, and each new phase is {@code +} with probability {@code b} (so a new
 * phase may repeat the previous type). Phase lengths are geometric with mean {@code 1/p}; occupancy {@code b}.
 * Consumes one {@code nextDouble()} per step after the first (the switch), plus one when a phase begins (its type).
 *
 * <pre>{@code
 * PhaseProcess p = GeometricPhaseProcess.of(0.5, 0.05);   // mean phase length 20, rho+ = 0.5
 * Phase z = p.next(rng);
 * double w = p.weight(z);                                      // +2 in +, -2 in -
 * }</pre>
 */
public final class GeometricPhaseProcess implements PhaseProcess {
    private final double b;
    private final double p;
    private boolean started;
    private boolean newPhase;
    private Phase current;

    private GeometricPhaseProcess(double b, double p) {
        this.b = b;
        this.p = p;
    }

    /** Geometric switching with positive probability {@code b} and switching probability {@code p}. */
    public static GeometricPhaseProcess of(double b, double p) {
        return new GeometricPhaseProcess(Checks.requireOpenProbability(b, "b"),
                Checks.requireHalfOpenProbability(p, "switch-prob"));
    }

    @Override
    public Phase next(RandomGenerator rng) {
        newPhase = !started || rng.nextDouble() < p;
        started = true;
        if (newPhase) {
            current = rng.nextDouble() < b ? Phase.POSITIVE : Phase.NEGATIVE;
        }
        return current;
    }

    @Override
    public boolean startedNewPhase() {
        return newPhase;
    }

    @Override
    public double positiveProbability() {
        return b;
    }

    /** Probability of a switch per step. */
    public double switchProbability() {
        return p;
    }

    @Override
    public double positiveOccupancy() {
        return b;
    }

    @Override
    public double meanPhaseLength() {
        return 1.0 / p;
    }

    @Override
    public GeometricPhaseProcess copy() {
        return new GeometricPhaseProcess(b, p);
    }

    @Override
    public String describe() {
        return "geometric(b=" + b + ", p=" + p + ")";
    }
}

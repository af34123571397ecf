package org.flexphase.phases;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * ISD blocks: phases of fixed length {@code T}, each independently {@code +} with probability {@code b}.
 * Consumes one {@code nextDouble()} at the first step of each phase. Occupancy {@code b}.
 */
public final class RandomBlockPhaseProcess implements PhaseProcess {
    private final double b;
    private final int length;
    private long step = -1;
    private Phase current;

    private RandomBlockPhaseProcess(double b, int length) {
        this.b = b;
        this.length = length;
    }

    /** Blocks of {@code length} steps, each {@code +} with probability {@code b}. */
    public static RandomBlockPhaseProcess of(double b, int length) {
        return new RandomBlockPhaseProcess(Checks.requireOpenProbability(b, "b"),
                Checks.requireAtLeast(length, 1, "phase-length"));
    }

    @Override
    public Phase next(RandomGenerator rng) {
        step++;
        if (step % length == 0) {
            current = rng.nextDouble() < b ? Phase.POSITIVE : Phase.NEGATIVE;
        }
        return current;
    }

    @Override
    public boolean startedNewPhase() {
        return step % length == 0;
    }

    @Override
    public double positiveProbability() {
        return b;
    }

    @Override
    public double positiveOccupancy() {
        return b;
    }

    @Override
    public double meanPhaseLength() {
        return length;
    }

    @Override
    public RandomBlockPhaseProcess copy() {
        return new RandomBlockPhaseProcess(b, length);
    }

    @Override
    public String describe() {
        return "random-block(b=" + b + ", T=" + length + ")";
    }
}

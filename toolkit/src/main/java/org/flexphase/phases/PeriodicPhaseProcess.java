package org.flexphase.phases;

import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;

/**
 * Standard CL: {@code +, -, +, -, ...}, every phase exactly {@code length} steps, starting with {@code +}. Consumes no random numbers.
 *
 * <pre>{@code
 * PhaseProcess standard = PeriodicPhaseProcess.of(20);   // 20 steps +, 20 steps -, ...
 * }</pre>
 */
public final class PeriodicPhaseProcess implements PhaseProcess {
    private final int length;
    private long step = -1;

    private PeriodicPhaseProcess(int length) {
        this.length = length;
    }

    /** Alternating {@code +} and {@code -} phases of {@code length} steps each. */
    public static PeriodicPhaseProcess of(int length) {
        return new PeriodicPhaseProcess(Checks.requireAtLeast(length, 1, "phase-length"));
    }

    @Override
    public Phase next(RandomGenerator rng) {
        step++;
        return (step / length) % 2 == 0 ? Phase.POSITIVE : Phase.NEGATIVE;
    }

    @Override
    public boolean startedNewPhase() {
        return step % length == 0;
    }

    @Override
    public double positiveProbability() {
        return 0.5;
    }

    @Override
    public double positiveOccupancy() {
        return 0.5;
    }

    @Override
    public double meanPhaseLength() {
        return length;
    }

    @Override
    public PeriodicPhaseProcess copy() {
        return new PeriodicPhaseProcess(length);
    }

    @Override
    public String describe() {
        return "periodic(T=" + length + ")";
    }
}

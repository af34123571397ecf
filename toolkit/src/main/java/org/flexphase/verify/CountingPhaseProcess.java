package org.flexphase.verify;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;

/**
 * A phase process that counts the steps it gave in each phase and otherwise is its delegate: same phases, same
 * random numbers, same weights. Check (e) needs the counts to subtract each run's equilibrated value.
 */
final class CountingPhaseProcess implements PhaseProcess {
    private final PhaseProcess delegate;
    long positive;
    long negative;

    CountingPhaseProcess(PhaseProcess delegate) {
        this.delegate = delegate;
    }

    @Override
    public Phase next(RandomGenerator rng) {
        Phase z = delegate.next(rng);
        if (z.isPositive()) {
            positive++;
        } else {
            negative++;
        }
        return z;
    }

    @Override
    public boolean startedNewPhase() {
        return delegate.startedNewPhase();
    }

    @Override
    public double positiveProbability() {
        return delegate.positiveProbability();
    }

    @Override
    public double positiveOccupancy() {
        return delegate.positiveOccupancy();
    }

    @Override
    public double meanPhaseLength() {
        return delegate.meanPhaseLength();
    }

    /** Not a copy of the counts: the kit hands a counting process to one loop and reads it afterwards. */
    @Override
    public PhaseProcess copy() {
        return this;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}

package org.flexphase.phases;

import java.util.random.RandomGenerator;

/**
 * A stochastic process of phases {@code z_t} in {+, -}, consumed one step at a time (docs/theory.md section 2).
 *
 * <p>Order of use: call {@link #next} once per time step; afterwards {@link #startedNewPhase()} tells
 * whether the phase returned began at that step (always true at the first step). The process holds the
 * state of the current phase (type, age, remaining length) and is not thread-safe; {@link #copy()} gives
 * a process with the same parameters and fresh state.
 *
 * <p>{@link #positiveOccupancy()} is the exact long-run fraction of steps spent in {@code +}, computed from
 * the parameters, {@code rho+ = b E[L+] / (b E[L+] + (1-b) E[L-])}. Temporally local learning weights
 * each step by {@link #weight(Phase)} = {@code +1/rho+} or {@code -1/rho-} so the long-run mean of the
 * weighted statistic is {@code E+[phi] - E-[phi]} for any length laws.
 *
 * <pre>{@code
 * PhaseProcess p = GeometricPhaseProcess.of(0.3, 0.05);
 * for (int t = 0; t < steps; t++) {
 *     Phase z = p.next(rng);
 *     if (p.startedNewPhase() && z.isPositive()) state.clamp(rows[cycle.next(rng)]);
 *     rbm.gibbsStep(state, z, rng);
 *     rbm.addStatistic(state, eta * p.weight(z), rbm.parameters());
 * }
 * }</pre>
 */
public interface PhaseProcess {

    /** Advances one step and returns the phase of this step. Random numbers consumed are documented per implementation. */
    Phase next(RandomGenerator rng);

    /** Whether the phase returned by the last {@link #next} began at that step. */
    boolean startedNewPhase();

    /** Probability {@code b} that a newly begun phase is {@code +} (for periodic alternation, 1/2). */
    double positiveProbability();

    /** Exact long-run fraction of steps spent in {@code +}: {@code rho+}. */
    double positiveOccupancy();

    /** Exact long-run fraction of steps spent in {@code -}: {@code rho- = 1 - rho+}. */
    default double negativeOccupancy() {
        return 1.0 - positiveOccupancy();
    }

    /** The importance weight of temporally local learning: {@code +1/rho+} in {@code +}, {@code -1/rho-} in {@code -}. */
    default double weight(Phase phase) {
        return phase.isPositive() ? 1.0 / positiveOccupancy() : -1.0 / negativeOccupancy();
    }

    /** Mean phase length in steps, averaged over phase types by how often each begins: {@code b E[L+] + (1-b) E[L-]}. */
    double meanPhaseLength();

    /** A process with the same parameters and fresh state (no phase begun yet). */
    PhaseProcess copy();

    /** A short human-readable description with parameters, e.g. {@code geometric(b=0.5, p=0.05)}. */
    String describe();
}

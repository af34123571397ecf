package org.flexphase.circuits;

import org.flexphase.util.Checks;

/**
 * Settings of one coupled-learning run. {@code steps} counts relaxation sweeps of one network in every mode (a
 * standard update costs {@code 2 phaseLength} sweeps; a twin step sweeps both copies and counts once). {@code lr} is
 * per update: per step in twin and local, per pair of phases in standard.
 *
 * @param mode            standard, twin or local
 * @param b               probability that a new phase is clamped (local)
 * @param switchProb      geometric switching probability p (local)
 * @param presentProb     probability per step that a new example is drawn (twin and local; standard draws one per update)
 * @param phaseLength     sweeps per phase in standard mode
 * @param lr              learning rate alpha
 * @param steps           budget in sweeps
 * @param evalEvery       checkpoint interval in sweeps
 * @param seed            the run's seed
 */
public record CouplingConfig(CouplingMode mode, double b, double switchProb, double presentProb, int phaseLength,
                             double lr, long steps, long evalEvery, long seed) {

    /** Checks every setting, naming it and its range. */
    public CouplingConfig {
        Checks.requireOpenProbability(b, "b");
        Checks.requireHalfOpenProbability(switchProb, "switch-prob");
        Checks.requireHalfOpenProbability(presentProb, "present-prob");
        Checks.requireAtLeast(phaseLength, 1, "phase-length");
        Checks.requirePositive(lr, "lr");
        Checks.requireFinite(lr, "lr");
        Checks.requireAtLeast(steps, 1, "steps");
        Checks.requireAtLeast(evalEvery, 1, "eval-every");
    }
}

package org.flexphase.verify;

import java.util.random.RandomGenerator;
import org.flexphase.learning.Presentation;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;

/**
 * The paired (standard two-phase) estimate of each phase's stationary mean of phi, computed through the system's own
 * {@link ContrastiveSystem#step} and {@link ContrastiveSystem#addStatistic}: for each phase alone, blocks that begin
 * the phase (the presentation is told {@code phaseBegan}), relax uncounted, then average phi. The state carries over
 * from block to block, as it would in a long phase. Errors are batch means over 20 groups of blocks.
 *
 * <p>Random numbers: phase {@code +} from stream (seed, 1), phase {@code -} from stream (seed, 2) ({@link Rngs#stream}),
 * each with its own fresh state and presentation; the parameters are read, never written.
 */
final class PairedEstimator {
    /** Groups of blocks whose means give the standard error. */
    static final int GROUPS = 20;

    private PairedEstimator() {
    }

    static <S, C extends ContrastiveSystem<S>> PhaseMeans phaseMeans(Settings<S, C> s, C system, long seed) {
        BatchMeans plus = phase(s, system, Phase.POSITIVE, Rngs.stream(seed, 1));
        BatchMeans minus = phase(s, system, Phase.NEGATIVE, Rngs.stream(seed, 2));
        return new PhaseMeans(plus.mean(), plus.standardError(), minus.mean(), minus.standardError());
    }

    private static <S, C extends ContrastiveSystem<S>> BatchMeans phase(Settings<S, C> s, C system, Phase z,
                                                                        RandomGenerator rng) {
        Settings.Paired budget = s.paired();
        int blocks = Math.max(GROUPS, budget.blocks() / GROUPS * GROUPS);
        int perGroup = blocks / GROUPS;
        Presentation<S> presentation = s.presentation().apply(system);
        S state = system.newState();
        double[][] groups = new double[GROUPS][system.parameterCount()];
        double weight = 1.0 / (budget.measureSteps() * perGroup);
        for (int block = 0; block < blocks; block++) {
            for (long t = 0; t < budget.relaxSteps(); t++) {
                presentation.beforeStep(state, z, t == 0, rng);
                system.step(state, z, rng);
            }
            double[] sum = groups[block / perGroup];
            for (long t = 0; t < budget.measureSteps(); t++) {
                presentation.beforeStep(state, z, budget.relaxSteps() == 0 && t == 0, rng);
                system.step(state, z, rng);
                system.addStatistic(state, weight, sum);
            }
        }
        return BatchMeans.of(groups);
    }
}

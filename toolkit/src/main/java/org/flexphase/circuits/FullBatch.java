package org.flexphase.circuits;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.learning.LearningLoop;
import org.flexphase.phases.Phase;

/**
 * Full-batch standard coupled learning ({@link BatchMode#FULL}, docs/theory.md section 5.2): per update every example
 * in turn runs standard mode's pair of phases from the persistent potentials (a free phase of {@code T} sweeps, its
 * state held, a clamped phase of {@code T} sweeps with the outputs held at the nudge of the measured free outputs), its
 * rule is added into a buffer with weight {@code 1/M}, and one update applies the loop's rate times the buffer: the
 * mean over the {@code M} examples of the two-phase rules, so a rate that suits one example's update suits the mean.
 * An update costs {@code 2 T M} sweeps and is not started unless it fits the budget. Consumes no random numbers (the
 * examples go in order {@code 0..M-1}).
 */
final class FullBatch {
    private final CoupledLearning sys;
    private final int phaseLength;

    FullBatch(CoupledLearning sys, int phaseLength) {
        this.sys = sys;
        this.phaseLength = phaseLength;
    }

    /** Sweeps one update costs: {@code 2 T M}. */
    long stepsPerUpdate() {
        return 2L * phaseLength * sys.task().size();
    }

    void run(LearningLoop loop, RandomGenerator rng) {
        int examples = sys.task().size();
        CircuitState state = sys.newState();
        double[] free = new double[state.potentials().length];
        double[] clamp = new double[sys.network().outputCount()];
        double[] mean = new double[sys.parameters().length];
        double[] target = loop.target();
        boolean learning = !loop.frozen();
        double weight = 1.0 / examples;
        while (loop.fits(stepsPerUpdate())) {
            Arrays.fill(mean, 0.0);
            for (int m = 0; m < examples; m++) {
                state.show(m);
                for (int s = 0; s < phaseLength; s++) {
                    sys.step(state, Phase.NEGATIVE, rng);
                }
                System.arraycopy(state.potentials(), 0, free, 0, free.length);
                sys.nudgedFrom(free, m, clamp);
                state.holdClamp(m, clamp);
                for (int s = 0; s < phaseLength; s++) {
                    sys.step(state, Phase.POSITIVE, rng);
                }
                sys.addRule(free, state.potentials(), weight, mean);
            }
            double eta = loop.rate();
            for (int e = 0; e < mean.length; e++) {
                target[e] += eta * mean[e];
            }
            if (learning) {
                sys.parametersChanged();
            }
            loop.countUpdate();
            loop.advance(Phase.NEGATIVE, (long) phaseLength * examples);
            loop.advance(Phase.POSITIVE, (long) phaseLength * examples);
        }
    }
}

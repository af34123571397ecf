package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.learning.ExamplePresentation;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.PairedPhases;
import org.flexphase.phases.Phase;

/**
 * The twin and standard loops of coupled learning, shared by {@link CouplingTrainer} (resistors) and
 * {@link NonlinearTrainer} (nonlinear elements), so the two schemes run the same operations in the same order and
 * consume the same random numbers whatever the element.
 */
final class CouplingLoops {
    /** What the loops need of a coupled-learning system besides stepping: its task, its clamp and its rule. */
    interface System extends ContrastiveSystem<CircuitState> {
        CouplingTask task();

        ResistorNetwork network();

        /** The clamp {@code p_O + eta_c (t - p_O)} from the outputs of the potentials {@code p}. */
        void nudgedFrom(double[] p, int m, double[] clamp);

        /** Adds {@code weight} times the two-phase rule on the free and clamped potentials into {@code target}. */
        void addRule(double[] pf, double[] pc, double weight, double[] target);
    }

    /** Whether a pair of phases makes no update, judged on the free state of its example (update-on-error). */
    interface Skip {
        boolean skip(double[] free, int example);
    }

    private CouplingLoops() {
    }

    /** Examples of {@code sys}'s task, redrawn uniformly at each step with probability {@code q}. */
    static ExamplePresentation<CircuitState> presentation(System sys, double q) {
        return ExamplePresentation.redrawnWithProbability(sys.task().size(), q, CircuitState::show);
    }

    /**
     * Twin networks: every step the free copy steps, the clamped copy's outputs are held at the nudge of the free
     * copy's current outputs and it steps, and the conductances (shared by both) take the rule on the two states.
     */
    static void twin(System sys, double presentProb, LearningLoop loop, RandomGenerator rng) {
        ExamplePresentation<CircuitState> presentation = presentation(sys, presentProb);
        CircuitState free = sys.newState();
        CircuitState clamped = sys.newState();
        double[] clamp = new double[sys.network().outputCount()];
        double[] target = loop.target();
        boolean learning = !loop.frozen();
        while (loop.running()) {
            presentation.beforeStep(free, Phase.NEGATIVE, false, rng);
            int m = free.example();
            clamped.show(m);
            sys.step(free, Phase.NEGATIVE, rng);
            sys.nudgedFrom(free.potentials(), m, clamp);
            clamped.holdClamp(m, clamp);
            sys.step(clamped, Phase.POSITIVE, rng);
            sys.addRule(free.potentials(), clamped.potentials(), loop.rate(), target);
            if (learning) {
                sys.parametersChanged();
            }
            loop.countUpdate();
            loop.advance(Phase.NEGATIVE, 1);
        }
    }

    /**
     * Standard coupled learning: per update a fresh uniform example, a free phase of {@code phaseLength} steps from
     * the persistent potentials, the free state held, a clamped phase of {@code phaseLength} steps with the outputs
     * held at the nudge of the measured free outputs, then one update on the two end states, unless {@code skip}
     * (null: never) says the free state needs none; {@code made} runs after every update made.
     */
    static PairedPhases<CircuitState> standard(System sys, int phaseLength, Skip skip, Runnable made) {
        double[] clamp = new double[sys.network().outputCount()];
        boolean[] skipping = new boolean[1];
        PairedPhases.Pairing<CircuitState> pairing = new PairedPhases.Pairing<>() {
            @Override
            public void prepare(CircuitState state, CircuitState free, RandomGenerator rng) {
                state.show(rng.nextInt(sys.task().size()));
            }

            @Override
            public void hold(CircuitState state, CircuitState free, RandomGenerator rng) {
                java.lang.System.arraycopy(state.potentials(), 0, free.potentials(), 0, free.potentials().length);
                sys.nudgedFrom(free.potentials(), state.example(), clamp);
                state.holdClamp(state.example(), clamp);
                // update-on-error: an example the free state already classifies makes no update (the clamped phase
                // still runs, so the time and the random stream stay those of a run without the rule)
                skipping[0] = skip != null && skip.skip(free.potentials(), state.example());
            }

            @Override
            public void addContrast(CircuitState free, CircuitState state, double weight, double[] target) {
                if (skipping[0]) {
                    return;
                }
                sys.addRule(free.potentials(), state.potentials(), weight, target);
                made.run();
            }
        };
        return new PairedPhases<>(sys, pairing, Phase.NEGATIVE, phaseLength, phaseLength);
    }
}

package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.Phase;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link CoupledLearning} system in one of the three {@link CouplingMode}s on the shared {@link LearningLoop}
 * (step counting, rate, checkpoints, NaN/Inf checks keeping the last finite conductances). Local learning is
 * {@link LocalLearning} itself; the standard and twin schemes are loop bodies here. Same seed, same run, bit for bit.
 */
public final class CouplingTrainer {
    private CouplingTrainer() {
    }

    /**
     * Trains {@code sys} in place. {@code listener} sees step 0, every {@code evalEvery} sweeps and the end. Returns the
     * finished loop (steps, updates, divergence message or null).
     */
    public static LearningLoop train(CoupledLearning sys, CouplingConfig cfg, LearningLoop.CheckpointListener listener) {
        LearningLoop loop = new LearningLoop(sys.parameters(), null, LearningRateSchedule.constant(cfg.lr()),
                cfg.steps(), cfg.evalEvery(), Long.MAX_VALUE, 1, listener);
        RandomGenerator rng = Rngs.create(cfg.seed());
        if (loop.begin()) {
            switch (cfg.mode()) {
                case LOCAL -> local(sys, cfg).run(loop, sys.newState(), rng);
                case TWIN -> twin(sys, cfg, loop, rng);
                case STANDARD -> standard(sys, cfg, loop, rng);
                default -> throw new IllegalStateException(cfg.mode().toString());
            }
        }
        loop.finish();
        return loop;
    }

    /** Flexible phases: local learning under geometric switching, scale {@code 1/eta_c}. */
    public static LocalLearning<CircuitState> local(CoupledLearning sys, CouplingConfig cfg) {
        return new LocalLearning<>(sys, new ExamplePresentation(sys.task().size(), cfg.presentProb()),
                GeometricPhaseProcess.of(cfg.b(), cfg.switchProb())).scale(1 / sys.nudge());
    }

    /**
     * Twin networks: every step the free copy sweeps, the clamped copy's outputs are held at the nudge of the free
     * copy's current outputs and it sweeps, and the conductances (shared by both) take the rule on the two states.
     */
    static void twin(CoupledLearning sys, CouplingConfig cfg, LearningLoop loop, RandomGenerator rng) {
        ExamplePresentation presentation = new ExamplePresentation(sys.task().size(), cfg.presentProb());
        CircuitState free = sys.newState();
        CircuitState clamped = sys.newState();
        double[] clamp = new double[sys.network().outputCount()];
        double[] target = loop.target();
        while (loop.running()) {
            presentation.beforeStep(free, Phase.NEGATIVE, false, rng);
            int m = free.example();
            clamped.show(m);
            sys.step(free, Phase.NEGATIVE, rng);
            sys.nudgedFrom(free.potentials(), m, clamp);
            clamped.holdClamp(m, clamp);
            sys.step(clamped, Phase.POSITIVE, rng);
            sys.addRule(free.potentials(), clamped.potentials(), loop.rate(), target);
            sys.parametersChanged();
            loop.countUpdate();
            loop.advance(Phase.NEGATIVE, 1);
        }
    }

    /**
     * Standard coupled learning: per update a fresh uniform example, a free phase of {@code T} sweeps from the
     * persistent potentials, the free state stored, a clamped phase of {@code T} sweeps with the outputs held at the
     * nudge of the measured free outputs, then one update on the two end states.
     */
    static void standard(CoupledLearning sys, CouplingConfig cfg, LearningLoop loop, RandomGenerator rng) {
        int t = cfg.phaseLength();
        CircuitState state = sys.newState();
        double[] clamp = new double[sys.network().outputCount()];
        double[] held = new double[state.potentials().length];
        double[] target = loop.target();
        while (loop.fits(2L * t)) {
            int m = rng.nextInt(sys.task().size());
            state.show(m);
            for (int s = 0; s < t; s++) {
                sys.step(state, Phase.NEGATIVE, rng);
            }
            System.arraycopy(state.potentials(), 0, held, 0, held.length);
            sys.nudgedFrom(held, m, clamp);
            state.holdClamp(m, clamp);
            for (int s = 0; s < t; s++) {
                sys.step(state, Phase.POSITIVE, rng);
            }
            sys.addRule(held, state.potentials(), loop.rate(), target);
            sys.parametersChanged();
            loop.countUpdate();
            loop.advance(Phase.NEGATIVE, t);
            loop.advance(Phase.POSITIVE, t);
        }
    }
}

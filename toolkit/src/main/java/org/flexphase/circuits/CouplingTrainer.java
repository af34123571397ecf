package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ExamplePresentation;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.PairedPhases;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link CoupledLearning} system in one of the three {@link CouplingMode}s on the shared {@link LearningLoop}
 * (step counting, rate, checkpoints, NaN/Inf checks keeping the last finite conductances). Local learning is
 * {@link LocalLearning} and standard coupled learning {@link PairedPhases}; the twin scheme, two copies stepped side
 * by side rather than two phases in time, is a loop body here. Same seed, same run, bit for bit.
 *
 * <pre>{@code
 * LearningLoop loop = new CouplingTrainer(settings).train(sys, l -> history.record(l.step(), sys.cost()));
 * }</pre>
 */
public final class CouplingTrainer {
    private final NetworkSettings settings;
    /** Standard updates that changed the conductances in the current or last run (update-on-error skips others). */
    private long updatesMade;

    /** A trainer with these settings (validated here); it draws its random numbers from their seed. */
    public CouplingTrainer(NetworkSettings settings) {
        settings.validate();
        this.settings = settings;
    }

    /** The settings. */
    public NetworkSettings settings() {
        return settings;
    }

    /**
     * Trains {@code sys} in place on its task. {@code listener} sees step 0, every {@code evalEvery} sweeps and the
     * end. Returns the finished loop (steps, updates, divergence message or null).
     */
    public LearningLoop train(CoupledLearning sys, LearningLoop.CheckpointListener listener) {
        updatesMade = 0;
        double rate = updateRate() * (fullBatch() && settings.relax() == Relaxation.Kind.ODE ? sys.task().size() : 1);
        LearningLoop loop = new LearningLoop(sys.parameters(), null, settings.rateSchedule(rate),
                settings.steps(), settings.evalEvery(), Long.MAX_VALUE, 1, listener);
        if (loop.begin()) {
            run(sys, loop);
        }
        loop.finish();
        return loop;
    }

    /**
     * The learning rate per update: {@code lr} itself, or with continuous-time relaxation ({@code relax} ode, where
     * {@code lr} is alpha per unit time) alpha times the physical time an update stands for: {@code dt} per step in
     * twin and local, {@code 2 T dt} per pair of phases in standard. So {@code alpha t} is the same learning time in
     * every mode, and {@code R = alpha / gamma}. A full-batch update ({@link BatchMode#FULL}) stands for {@code M}
     * pairs of phases, so {@link #train} multiplies this by the example count {@code M} under ode.
     */
    public double updateRate() {
        if (settings.relax() != Relaxation.Kind.ODE) {
            return settings.lr();
        }
        double time = settings.mode() == CouplingMode.STANDARD ? 2.0 * settings.phaseLength() * settings.dtValue()
                : settings.dtValue();
        return settings.lr() * time;
    }

    /**
     * Standard mode's updates that changed the conductances so far in the current or last {@link #train}: every
     * update, or with {@code update_on_error} only those on an example the free state misclassified (the loop's update
     * count still counts every free-and-clamped pair, the time it took); 0 in the other modes.
     */
    public long updatesMade() {
        return updatesMade;
    }

    /**
     * Runs this configuration for {@code steps} sweeps with the conductances frozen, adding every increment at rate 1
     * (times the mode's {@code 1/eta_c}) into {@code increments}; divided by the loop's update count it estimates the
     * mean update at these conductances (docs/theory.md T14, T16).
     */
    public LearningLoop sumIncrements(CoupledLearning sys, long steps, double[] increments) {
        LearningLoop loop = new LearningLoop(sys.parameters(), increments, LearningRateSchedule.constant(1), steps,
                steps, Long.MAX_VALUE, 1, null);
        run(sys, loop);
        return loop;
    }

    private void run(CoupledLearning sys, LearningLoop loop) {
        RandomGenerator rng = Rngs.create(settings.seed());
        switch (settings.mode()) {
            case LOCAL -> local(sys).run(loop, sys.newState(), rng);
            case TWIN -> twin(sys, loop, rng);
            case STANDARD -> {
                if (fullBatch()) {
                    new FullBatch(sys, settings.phaseLength()).run(loop, rng);
                } else {
                    standard(sys).run(loop, sys.newState(), rng);
                }
            }
            default -> throw new IllegalStateException(settings.mode().toString());
        }
    }

    private boolean fullBatch() {
        return settings.batchValue() == BatchMode.FULL;
    }

    /** Examples of {@code sys}'s task, redrawn uniformly at each step with probability {@code q}. */
    public static ExamplePresentation<CircuitState> presentation(CoupledLearning sys, double q) {
        return CouplingLoops.presentation(sys, q);
    }

    /** Flexible phases: local learning under geometric switching, scale {@code 1/eta_c}. */
    public LocalLearning<CircuitState> local(CoupledLearning sys) {
        return new LocalLearning<>(sys, presentation(sys, settings.presentProb()),
                GeometricPhaseProcess.of(settings.b(), settings.switchProb())).scale(1 / sys.nudge());
    }

    /** Twin networks ({@link CouplingLoops#twin}): both copies sweep every step, one update per step. */
    private void twin(CoupledLearning sys, LearningLoop loop, RandomGenerator rng) {
        CouplingLoops.twin(sys, settings.presentProb(), loop, rng);
    }

    /**
     * Standard coupled learning ({@link CouplingLoops#standard}), with update-on-error skipping the examples the free
     * state classifies right.
     */
    private PairedPhases<CircuitState> standard(CoupledLearning sys) {
        return CouplingLoops.standard(sys, settings.phaseLength(),
                settings.updateOnErrorValue() ? sys::classifiesRight : null, () -> updatesMade++);
    }
}

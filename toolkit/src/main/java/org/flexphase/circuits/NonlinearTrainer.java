package org.flexphase.circuits;

import java.util.random.RandomGenerator;
import org.flexphase.learning.ExamplePresentation;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.PairedPhases;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;

/**
 * Trains a {@link NonlinearCoupledLearning} system in one of the three {@link CouplingMode}s, the way
 * {@link CouplingTrainer} trains a linear one and with the same operation order (so with the linear element and
 * uniform relaxation the runs agree with {@link CouplingTrainer}'s to rounding): standard coupled learning on
 * {@link PairedPhases}, flexible phases on {@link LocalLearning} under geometric switching with scale
 * {@code 1/eta_c}, and twin networks as a loop body. Reads from {@link NetworkSettings} the mode, budget, checkpoints,
 * rate, phase length, presentation and switching probabilities and the seed; the element and the relaxation rate are
 * the system's. Uniform relaxation only (a nonlinear Jacobi sweep or continuous-time step is not built), and no
 * potential trace. Same seed, same run, bit for bit.
 */
public final class NonlinearTrainer {
    private final NetworkSettings settings;

    /** A trainer with these settings (validated here; relax must be uniform, no trace). */
    public NonlinearTrainer(NetworkSettings settings) {
        settings.validate();
        InvalidSetting.require(settings.relax() == Relaxation.Kind.UNIFORM, "relax", InvalidSetting.label(
                settings.relax()), "uniform (the only relaxation built for nonlinear elements)");
        InvalidSetting.require(settings.traceTau() == null, "trace_tau", settings.traceTau(),
                "unset or 0 (no potential trace for nonlinear elements)");
        // Settings this trainer does not act on are refused rather than ignored, so a run is what its spec says.
        InvalidSetting.require(settings.batch() == null, "batch", InvalidSetting.label(settings.batchValue()),
                "example (no full batch for nonlinear elements)");
        InvalidSetting.require(settings.powerWeight() == null, "power_weight", settings.powerWeight(),
                "unset or 0 (no power term for nonlinear elements)");
        InvalidSetting.require(settings.updateOnError() == null, "update_on_error", true,
                "false (no classification for nonlinear elements)");
        InvalidSetting.require(settings.terminals() == null, "terminals", InvalidSetting.label(
                settings.terminalsValue()), "node (no edge terminals for nonlinear elements)");
        this.settings = settings;
    }

    /** The settings. */
    public NetworkSettings settings() {
        return settings;
    }

    /** Trains {@code sys} in place; {@code listener} sees step 0, every {@code evalEvery} sweeps and the end. */
    public LearningLoop train(NonlinearCoupledLearning sys, LearningLoop.CheckpointListener listener) {
        LearningLoop loop = new LearningLoop(sys.parameters(), null, settings.rateSchedule(settings.lr()),
                settings.steps(), settings.evalEvery(), Long.MAX_VALUE, 1, listener);
        if (loop.begin()) {
            run(sys, loop);
        }
        loop.finish();
        return loop;
    }

    /** Runs {@code steps} sweeps with the conductances frozen, adding every increment at rate 1 into {@code increments}. */
    public LearningLoop sumIncrements(NonlinearCoupledLearning sys, long steps, double[] increments) {
        LearningLoop loop = new LearningLoop(sys.parameters(), increments, LearningRateSchedule.constant(1), steps,
                steps, Long.MAX_VALUE, 1, null);
        run(sys, loop);
        return loop;
    }

    private void run(NonlinearCoupledLearning sys, LearningLoop loop) {
        RandomGenerator rng = Rngs.create(settings.seed());
        switch (settings.mode()) {
            case LOCAL -> local(sys).run(loop, sys.newState(), rng);
            case TWIN -> twin(sys, loop, rng);
            case STANDARD -> standard(sys).run(loop, sys.newState(), rng);
            default -> throw new IllegalStateException(settings.mode().toString());
        }
    }

    /** Examples of {@code sys}'s task, redrawn uniformly at each step with probability {@code q}. */
    public static ExamplePresentation<CircuitState> presentation(NonlinearCoupledLearning sys, double q) {
        return CouplingLoops.presentation(sys, q);
    }

    /** Flexible phases: local learning under geometric switching, scale {@code 1/eta_c}. */
    public LocalLearning<CircuitState> local(NonlinearCoupledLearning sys) {
        return new LocalLearning<>(sys, presentation(sys, settings.presentProb()),
                GeometricPhaseProcess.of(settings.b(), settings.switchProb())).scale(1 / sys.nudge());
    }

    /** Twin networks ({@link CouplingLoops#twin}): the free and the clamped copy step, one update per step. */
    private void twin(NonlinearCoupledLearning sys, LearningLoop loop, RandomGenerator rng) {
        CouplingLoops.twin(sys, settings.presentProb(), loop, rng);
    }

    /** Standard coupled learning ({@link CouplingLoops#standard}): T free steps held, T clamped steps, one update. */
    private PairedPhases<CircuitState> standard(NonlinearCoupledLearning sys) {
        return CouplingLoops.standard(sys, settings.phaseLength(), null, () -> { });
    }
}

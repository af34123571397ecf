package org.flexphase.learning;


import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;

/**
 * The bookkeeping every training loop shares, whatever the model family: the step budget and counts per phase, the
 * rate schedule, where increments go (the parameters, or a separate sum while they are frozen), the Polyak average,
 * NaN/Inf checks that keep the last finite parameters, and checkpoints every {@code evalEvery} steps.
 *
 * <p>A loop's body asks {@link #running()}, takes {@link #rate()}, adds its increment into {@link #target()}, then
 * calls {@link #countUpdate()} and {@link #advance(Phase, long)} with the time steps it spent. {@link #begin()} and
 * {@link #finish()} bracket the run. Steps are the system's time steps (Gibbs steps, relaxation sweeps), so every
 * mode of a family is charged the same physical work.
 *
 * <pre>{@code
 * LearningLoop loop = new LearningLoop(system.parameters(), null, schedule, steps, evalEvery, averageFrom, 1,
 *         l -> history.record(l.step(), l.averagedParameters()));
 * if (loop.begin()) {
 *     new LocalLearning<>(system, presentation, phases).run(loop, system.newState(), rng);
 * }
 * loop.finish();
 * }</pre>
 */
public final class LearningLoop {
    /** The {@code averageFrom} that starts the Polyak average at half the steps. */
    public static final long AVERAGE_FROM_HALF = -1;
    /** How often (in steps) parameters are checked for NaN/Inf between checkpoints. */
    private static final long FINITE_CHECK_EVERY = 1 << 16;

    /** Told at step 0, every {@code evalEvery} steps and at the end; reads what it needs from the loop. */
    @FunctionalInterface
    public interface CheckpointListener {
        /** Called at every checkpoint; the loop's parameters are finite then. */
        void onCheckpoint(LearningLoop loop);
    }

    private final double[] theta;
    private final double[] target;
    private final boolean frozen;
    private final LearningRateSchedule schedule;
    private final long steps;
    private final long evalEvery;
    private final ParameterAverage average;
    private final CheckpointListener listener;
    private final double[] lastFinite;
    private final long startNanos = System.nanoTime();
    private long step;
    private long positiveSteps;
    private long negativeSteps;
    private long updates;
    private long nextCheckpoint;
    private long lastCheckpointStep = -1;
    private String divergence;

    /**
     * A loop over the live parameter vector {@code theta}.
     *
     * @param frozenSum null to learn; otherwise the parameters stay fixed, every increment is added into this array
     *                  at rate 1, and checkpoints are not reported
     * @param averageFrom first step of the Polyak average ({@link #AVERAGE_FROM_HALF} for half the steps)
     */
    public LearningLoop(double[] theta, double[] frozenSum, LearningRateSchedule schedule, long steps, long evalEvery,
                        long averageFrom, int averageStride, CheckpointListener listener) {
        Checks.requirePositive(steps, "steps");
        Checks.requirePositive(evalEvery, "eval-every");
        if (frozenSum != null && frozenSum.length != theta.length) {
            throw new IllegalArgumentException("increments must have " + theta.length
                    + " entries (the parameters): " + frozenSum.length);
        }
        this.theta = theta;
        this.frozen = frozenSum != null;
        this.target = frozen ? frozenSum : theta;
        this.schedule = schedule;
        this.steps = steps;
        this.evalEvery = evalEvery;
        long from = averageFrom == AVERAGE_FROM_HALF ? steps / 2 : averageFrom;
        this.average = new ParameterAverage(theta.length, from, averageStride);
        this.listener = frozen || listener == null ? l -> { } : listener;
        this.lastFinite = theta.clone();
    }

    /**
     * Takes the step-0 checkpoint. Returns false, with {@link #divergence()} set, if the parameters are already
     * non-finite: nothing should be trained then.
     */
    public boolean begin() {
        checkpoint();
        if (!Checks.allFinite(theta)) {
            divergence = "parameters are NaN or infinite at step 0, before any training (initial weights too large?)";
            return false;
        }
        return true;
    }

    /**
     * Takes the final checkpoint if the last step was not one; after a divergence restores the last finite parameters
     * and the Polyak average as the last checkpoint saw them (the steps since may have averaged NaN or infinities).
     */
    public void finish() {
        if (divergence == null && step != lastCheckpointStep) {
            checkpoint();
        }
        if (divergence != null) {
            System.arraycopy(lastFinite, 0, theta, 0, theta.length);
            average.rewindToMark();
        }
    }

    /** Whether budget is left and the run has not diverged. */
    public boolean running() {
        return step < steps && divergence == null;
    }

    /** Whether {@code n} more steps fit in the budget and the run has not diverged. */
    public boolean fits(long n) {
        return step + n <= steps && divergence == null;
    }

    /** The schedule's rate at this step; 1 when the parameters are frozen and increments are summed. */
    public double rate() {
        return frozen ? 1.0 : schedule.rate(step);
    }

    /** Where increments go: the parameters when learning, the separate sum when they are frozen. */
    public double[] target() {
        return target;
    }

    /** Whether the parameters are frozen (increments are summed instead of applied). */
    public boolean frozen() {
        return frozen;
    }

    /** Counts one parameter update (one increment added to {@link #target()}). */
    public void countUpdate() {
        updates++;
    }

    /** Advances by {@code n} time steps of phase {@code z}: averages, checks for NaN/Inf and checkpoints. */
    public void advance(Phase z, long n) {
        for (long s = 0; s < n; s++) {
            step++;
            average.observe(step, theta);
        }
        if (z.isPositive()) {
            positiveSteps += n;
        } else {
            negativeSteps += n;
        }
        boolean due = step >= nextCheckpoint || step >= steps;
        if ((due || step % FINITE_CHECK_EVERY < n) && !Checks.allFinite(theta)) {
            divergence = "parameters became NaN or infinite by step " + step
                    + "; stopped, keeping the results up to the last checkpoint (step " + lastCheckpointStep + ")";
            return;
        }
        if (due) {
            checkpoint();
        }
    }

    private void checkpoint() {
        System.arraycopy(theta, 0, lastFinite, 0, theta.length);
        average.mark();
        lastCheckpointStep = step;
        nextCheckpoint = (step / evalEvery + 1) * evalEvery;
        listener.onCheckpoint(this);
    }

    /**
     * The step of the last checkpoint: after a divergence, the step of the parameters {@link #finish()} restored
     * (what a summary's final metrics are computed from).
     */
    public long lastCheckpointStep() {
        return lastCheckpointStep;
    }

    /** Time steps taken so far. */
    public long step() {
        return step;
    }

    /** The step budget. */
    public long steps() {
        return steps;
    }

    /** Time steps taken in {@code +}. */
    public long positiveSteps() {
        return positiveSteps;
    }

    /** Time steps taken in {@code -}. */
    public long negativeSteps() {
        return negativeSteps;
    }

    /** Parameter updates (increments) so far. */
    public long updates() {
        return updates;
    }

    /** Why the run stopped early on non-finite parameters, or null. */
    public String divergence() {
        return divergence;
    }

    /** The Polyak average so far, or a copy of the current parameters while nothing has been averaged. */
    public double[] averagedParameters() {
        return average.meanOr(theta);
    }

    /** Seconds since the loop was created. */
    public double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

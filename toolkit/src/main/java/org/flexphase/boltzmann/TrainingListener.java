package org.flexphase.boltzmann;


/**
 * Called by a {@link BoltzmannTrainer} at step 0, every {@code evalEvery} Gibbs steps and at the end, so callers can
 * evaluate and write results incrementally. The models passed are snapshots the listener may keep.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A checkpoint: the step, the current and the Polyak-averaged parameters, and phase step counts so far. */
    record Checkpoint(long step, BoltzmannMachine current, BoltzmannMachine averaged,
                      long positiveSteps, long negativeSteps) {
    }

    /** Called at every checkpoint. */
    void onCheckpoint(Checkpoint checkpoint);
}

package org.flexphase.boltzmann;


/**
 * What a training run returns: the final and averaged models, the Gibbs steps done (by phase), the wall time,
 * and, if the run stopped early because parameters became non-finite, why ({@code divergence} is null otherwise;
 * the models are then the last finite snapshot).
 */
public record TrainingResult(BoltzmannMachine model, BoltzmannMachine averaged, long steps, long positiveSteps,
                             long negativeSteps, double wallSeconds, String divergence) {

    /** Whether the run stopped early on non-finite parameters. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Gibbs steps per wall-clock second. */
    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps / wallSeconds : Double.NaN;
    }
}

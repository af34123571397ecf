package org.flexphase.hopfield;

import org.flexphase.learning.LearningLoop;
import org.flexphase.phases.LengthLaws;

/**
 * The bias of flexible-phase EP with persistent relaxation (docs/theory.md T13), measured through the production
 * trainer: one example, geometric switching with probability p, {@code sweepsPerStep} sweeps per step, parameters
 * frozen. From each run's summed increments the exact equilibrated value given that run's own phase counts,
 * {@code (N+/rho+ phi(s^beta) - N-/rho- phi(s^0)) / beta}, is subtracted, so the phase noise cancels and only the
 * transients after switches remain; their mean over {@code runs} independent runs is the bias vector.
 */
public final class PersistentBias {
    private PersistentBias() {
    }

    /** The bias's Euclidean norm and its standard error (from the runs' spread). */
    public record Estimate(double p, double norm, double standardError) {
    }

    /** phi at the fixed point of F with nudge {@code beta}, after {@code sweeps} sweeps from rest. */
    public static double[] statisticAtFixedPoint(HopfieldNetwork net, double[] x, double[] t, double beta, int sweeps) {
        HopfieldState state = net.newState();
        state.show(x, t, -1);
        for (int s = 0; s < sweeps; s++) {
            net.sweep(state, beta, false);
        }
        double[] phi = new double[net.parameterCount()];
        net.addStatistic(state, 1.0, phi);
        return phi;
    }

    /** The bias at switching probability {@code p}: {@code runs} runs of {@code switches / p} steps each. */
    public static Estimate measure(HopfieldNetwork net, double[] x, double[] t, double beta, double b, double p,
                                   int sweepsPerStep, int runs, int switches, long seed) {
        double[] plus = statisticAtFixedPoint(net, x, t, beta, 1000);
        double[] minus = statisticAtFixedPoint(net, x, t, 0, 1000);
        Examples one = new Examples(new double[][]{x}, new double[][]{t}, new int[1]);
        long steps = Math.round(switches / p);
        double[] mean = new double[net.parameterCount()];
        double[] second = new double[mean.length];
        for (int r = 0; r < runs; r++) {
            double[] sum = new double[mean.length];
            EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(EpSettings.DEFAULTS
                    .withMode(EquilibriumPropagationTrainer.Mode.LOCAL).withBeta(beta).withFreeSteps(1)
                    .withNudgeSteps(1).withB(b).withSwitchProb(p).withSweepsPerStep(sweepsPerStep).withSeed(seed + r))
                    .withPresentationLaw(LengthLaws.fixed(1));
            LearningLoop loop = trainer.sumIncrements(net, one, steps, sum);
            double rho = trainer.phaseProcess().positiveOccupancy();
            for (int q = 0; q < sum.length; q++) {
                double equilibrated = (loop.positiveSteps() / rho * plus[q]
                        - loop.negativeSteps() / (1 - rho) * minus[q]) / beta;
                double d = (sum[q] - equilibrated) / loop.updates();
                mean[q] += d / runs;
                second[q] += d * d / runs;
            }
        }
        double norm = 0;
        double variance = 0;
        for (int q = 0; q < mean.length; q++) {
            norm += mean[q] * mean[q];
            variance += Math.max(0, second[q] - mean[q] * mean[q]) * runs / (runs - 1.0) / runs;
        }
        return new Estimate(p, Math.sqrt(norm), Math.sqrt(variance));
    }
}

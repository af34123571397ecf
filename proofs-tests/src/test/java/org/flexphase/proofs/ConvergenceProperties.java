package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.FVBM_PROBLEM;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.exact.FixedPoints;
import org.flexphase.exact.JointChain;
import org.flexphase.exact.PhaseChain;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.TrainingResult;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.junit.jupiter.api.Test;

/**
 * T6: temporally local learning under random geometric phases with Robbins-Monro steps converges to the exact
 * maximum-likelihood {@code theta*} when phases are equilibrated, and to the biased zero {@code theta*_p} of the
 * persistent mean field when states persist. Long-run simulations: each example runs the toolkit's trainer with a
 * fixed seed derived from the example; the tolerance is the Polyak-Juditsky one of {@link Averages}.
 */
class ConvergenceProperties {
    static final long STEPS = 8_000_000;
    static final long AVERAGE_FROM = 2_000_000;

    /**
     * Robbins-Monro steps sized so one phase moves the parameters little: a phase lasts about 1/p steps with
     * weights up to 1/min(b, 1-b), so eta0 = 0.1 p min(b, 1-b) bounds the mean kick of a phase by about 0.1. For
     * p above 0.1 the rate stays at its p = 0.1 value: the Polyak average carries a bias of order eta (Markov noise,
     * curved field) that the calibration of T6a measured at 2-3 sd with the uncapped rate at p = 0.5 (README).
     */
    static TrainSettings withSchedule(TrainSettings settings, Generators.Problem pr) {
        return settings.withLr(0.1 * Math.min(pr.p(), 0.1) * Math.min(pr.b(), 1 - pr.b())).withLrSchedule("rm")
                .withLrTau(100_000).withLrKappa(0.6);
    }

    static JointChain chain(double[] theta, Generators.Problem pr, JointChain.Start start) {
        return JointChain.of(FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0, theta), pr.data(),
                PhaseChain.geometric(pr.b(), pr.p()), start);
    }

    static double[] field(double[] theta, Generators.Problem pr, JointChain.Start start) {
        return chain(theta, pr, start).meanUpdate(pr.b());
    }

    static TrainingResult train(Generators.Problem pr, NegativeStart negativeStart) {
        return train(pr, negativeStart, new double[FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0)
                .parameterCount()]);
    }

    /** A run of T6's schedule from {@code start}. */
    static TrainingResult train(Generators.Problem pr, NegativeStart negativeStart, double[] start) {
        TrainSettings config = withSchedule(TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withB(pr.b())
                .withSwitchProb(pr.p()).withNegativeStart(negativeStart).withEquilibriumRefresh(0), pr).withSteps(STEPS)
                .withAverageFrom(AVERAGE_FROM).withAverageStride(1).withEvalEvery(STEPS).withSeed(pr.seed());
        return new BoltzmannTrainer(config).train(fvbm(start), pr.rows(), null);
    }

    static FullyVisibleBoltzmannMachine fvbm(double[] theta) {
        return FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0, theta);
    }

    /** T6a's Polyak-Juditsky covariance of the averaged iterate around theta* for one instance. */
    static double[][] equilibratedCovariance(Generators.Problem pr, double[][] j) {
        return Averages.covariance(j, chain(pr.optimum(), pr, JointChain.Start.RESET).asymptoticCovariance(pr.b()),
                STEPS - AVERAGE_FROM);
    }

    /**
     * Calibration of T6a (run with {@code -Dproofs.calibrate=S}): T6a's instances, each trained with S trainer seeds,
     * every coordinate's signed z = (average - theta*) / sd written to {@code target/t6a-calibration.csv}.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "proofs.calibrate", matches = "\\d+")
    void calibrateEquilibratedConvergence() throws java.io.IOException {
        int seeds = Integer.parseInt(System.getProperty("proofs.calibrate"));
        java.nio.file.Path out = java.nio.file.Path.of("target", "t6a-calibration.csv");
        // Each instance's seeds run apart from the others' when -Dproofs.calibrate.instances=1,2 lists some.
        java.nio.file.Files.writeString(out, "instance,seed,coordinate,z\n");
        int[] instance = {0};
        Proofs.qt(6).forAll(FVBM_PROBLEM).checkAssert(pr -> {
            double[][] j = FixedPoints.jacobian(t -> field(t, pr, JointChain.Start.RESET), pr.optimum());
            double[] sd = Averages.standardDeviations(equilibratedCovariance(pr, j));
            instance[0]++;
            String only = System.getProperty("proofs.calibrate.instances", "");
            if (!only.isBlank() && !java.util.Arrays.asList(only.split(",")).contains(String.valueOf(instance[0]))) {
                return;
            }
            for (int s = 1; s <= seeds; s++) {
                Generators.Problem run = new Generators.Problem(pr.units(), pr.rows(), pr.data(), pr.optimum(), pr.b(),
                        pr.p(), 1_000_003L * s + pr.seed(), pr.dataDescription());
                double[] avg = train(run, NegativeStart.EQUILIBRIUM).averaged().parameters();
                StringBuilder lines = new StringBuilder();
                for (int k = 0; k < avg.length; k++) {
                    lines.append(instance[0]).append(',').append(run.seed()).append(',').append(k).append(',')
                            .append((avg[k] - pr.optimum()[k]) / sd[k]).append('\n');
                }
                try {
                    java.nio.file.Files.writeString(out, lines, java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    void equilibratedPhasesConvergeToTheMaximumLikelihoodParameters() {
        Proofs.qt(6).forAll(FVBM_PROBLEM).checkAssert(pr -> {
            JointChain.Start reset = JointChain.Start.RESET;
            double[][] j = FixedPoints.jacobian(t -> field(t, pr, reset), pr.optimum());
            double[][] v = equilibratedCovariance(pr, j);
            double[] sd = Averages.standardDeviations(v);
            double[] avg = train(pr, NegativeStart.EQUILIBRIUM).averaged().parameters();
            double z = Averages.worstZ(avg, pr.optimum(), sd);
            assertTrue(z <= Averages.Z, "averaged iterate " + Arrays.toString(avg) + " is " + z
                    + " sd from theta* (sd " + Arrays.toString(sd) + ")");
            // KL gap = (1/2) d^T F d + O(|d|^3) with d ~ N(0, V) and F = -J (the Fisher information): a weighted
            // sum of chi^2_1 with weights summing to tr(FV), so it exceeds Z^2 tr(FV) with odds at most P(chi^2_1 > 36).
            double trFV = 0;
            for (int k = 0; k < v.length; k++) {
                for (int l = 0; l < v.length; l++) {
                    trFV += -j[k][l] * v[l][k];
                }
            }
            double gap = ExactAnalysis.metrics(fvbm(avg), pr.data()).kl()
                    - ExactAnalysis.metrics(fvbm(pr.optimum()), pr.data()).kl();
            assertTrue(gap <= 0.5 * Averages.Z * Averages.Z * trFV, "KL gap " + gap + " above the bound "
                    + 0.5 * Averages.Z * Averages.Z * trFV);
            assertTrue(gap >= -1e-12, "theta* is the KL minimiser, yet the gap is " + gap);
            System.out.printf("T6a b=%.3f p=%.3f: |avg - theta*| = %.2f sd (max), KL gap %.2e <= %.2e%n",
                    pr.b(), pr.p(), z, gap, 0.5 * Averages.Z * Averages.Z * trFV);
        });
    }

    /** Newton's root theta*_p of the persistent mean field, or an exception if Newton fails. */
    static double[] persistentRoot(Generators.Problem pr) {
        FixedPoints.Result root = FixedPoints.newton(t -> field(t, pr, JointChain.Start.PERSISTENT), pr.optimum(),
                1e-12, 50);
        if (!root.converged()) {
            throw new IllegalStateException("Newton on h_p: residual " + root.residual() + " for " + pr);
        }
        return root.theta();
    }

    /** The Polyak-Juditsky sd of a persistent run's average around theta*_p. */
    static double[] persistentSd(Generators.Problem pr, double[] biased) {
        return Averages.standardDeviations(FixedPoints.jacobian(t -> field(t, pr, JointChain.Start.PERSISTENT), biased),
                chain(biased, pr, JointChain.Start.PERSISTENT).asymptoticCovariance(pr.b()), STEPS - AVERAGE_FROM);
    }

    /** The regime T6b and T8 need: theta*_p at least 2 Z = 12 sd (of a persistent run) from theta*. */
    static boolean separated(Generators.Problem pr) {
        double[] biased = persistentRoot(pr);
        return Averages.worstZ(biased, pr.optimum(), persistentSd(pr, biased)) >= 2 * Averages.Z;
    }

    @Test
    void persistentStatesConvergeToTheBiasedZeroOfThePersistentMeanField() {
        // Only instances where theta*_p is >= 12 sd from theta* (clustered data, short phases). The run starts at
        // theta* itself and must move to within 6 sd of theta*_p, so reject theta*; QuickTheories fails if the domain
        // yields too few such instances.
        Proofs.qtSimulation(6, 5).forAll(Generators.SLOW_FVBM_PROBLEM).assuming(ConvergenceProperties::separated)
                .checkAssert(pr -> {
                    double[] biased = persistentRoot(pr);
                    double[] sd = persistentSd(pr, biased);
                    double[] avg = train(pr, NegativeStart.PERSISTENT, pr.optimum()).averaged().parameters();
                    double z = Averages.worstZ(avg, biased, sd);
                    double separation = Averages.worstZ(biased, pr.optimum(), sd);
                    double fromOptimum = Averages.worstZ(avg, pr.optimum(), sd);
                    System.out.printf("T6b b=%.3f p=%.3f: |avg - theta*_p| = %.2f sd, |theta*_p - theta*| = %.1f sd, "
                            + "|avg - theta*| = %.1f sd%n", pr.b(), pr.p(), z, separation, fromOptimum);
                    assertTrue(z <= Averages.Z, "averaged iterate " + Arrays.toString(avg) + " is " + z
                            + " sd from theta*_p " + Arrays.toString(biased) + " (sd " + Arrays.toString(sd) + ")");
                    assertTrue(fromOptimum > Averages.Z, "the run cannot tell theta*_p from theta* although they are "
                            + separation + " sd apart");
                });
    }

    @Test
    void persistentBiasedPointApproachesTheOptimumAtRateP() {
        // Exact (no sampling): |theta*_p - theta*| = c p + O(p^2), so it shrinks with p and its ratio to p settles.
        double[] ps = {0.4, 0.2, 0.1, 0.05, 0.025};
        Proofs.qt(20).forAll(FVBM_PROBLEM).checkAssert(problem -> {
            double[] ratio = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                Generators.Problem pr = problem.withP(ps[i]);
                FixedPoints.Result root = FixedPoints.newton(t -> field(t, pr, JointChain.Start.PERSISTENT),
                        pr.optimum(), 1e-13, 50);
                assertTrue(root.converged(), "Newton on h_p at p=" + ps[i] + ": residual " + root.residual());
                ratio[i] = Averages.distance(root.theta(), pr.optimum()) / ps[i];
                if (i > 0) {
                    assertTrue(ratio[i] * ps[i] < ratio[i - 1] * ps[i - 1], "the bias grows as p shrinks: "
                            + Arrays.toString(ratio));
                }
            }
            double d1 = Math.abs(ratio[2] - ratio[1]);
            double d2 = Math.abs(ratio[3] - ratio[2]);
            double d3 = Math.abs(ratio[4] - ratio[3]);
            assertTrue(d3 <= 0.75 * d2 + 1e-9 && d2 <= 0.75 * d1 + 1e-9,
                    "|theta*_p - theta*| / p does not settle: " + Arrays.toString(ratio));
        });
    }
}

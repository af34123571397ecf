package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.VECTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.random.RandomGenerator;
import org.flexphase.exact.Stationary;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * T1 and T2: the ISD estimator {@code g = w(z) phi_z}, {@code z ~ Bernoulli(b)}, {@code w(+) = 1/b, w(-) = -1/(1-b)},
 * and its generalisation to any phase process, whose weights are {@code +1/rho+, -1/rho-}: over the stationary law of
 * the process's phase chain, {@code E[g] = phi+ - phi-} (T1) and {@code E||g||^2 = ||phi+||^2/rho+ + ||phi-||^2/rho-}
 * (T2). The processes come from {@link PhaseRegistry#anyProcess}, so every law and process type the toolkit ships (and
 * any it registers later) is drawn; rho is the exact stationary occupancy of the registry's (phase, age) chain, never
 * the process's own report.
 */
class IsdEstimatorProperties {
    /** Every registered process type, phase lengths up to 6 (geometric: unbounded). */
    static final Gen<PhaseRegistry.Process> PROCESS = PhaseRegistry.anyProcess(6);

    /** The estimator for phase {@code plus}, weighted by {@code process}: the code under test for T1, T2. */
    static double[] estimate(boolean plus, PhaseProcess process, double[] phiPlus, double[] phiMinus) {
        double w = process.weight(plus ? Phase.POSITIVE : Phase.NEGATIVE);
        double[] g = new double[phiPlus.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = w * (plus ? phiPlus[k] : phiMinus[k]);
        }
        return g;
    }

    /** The estimator under the toolkit's ISD process with blocks of one step (z ~ Bernoulli(b)). */
    static double[] estimate(boolean plus, double b, double[] phiPlus, double[] phiMinus) {
        return estimate(plus, RandomBlockPhaseProcess.of(b, 1), phiPlus, phiMinus);
    }

    /** The exact stationary occupancy of {@code +} in the registry's chain of {@code p}. */
    static double exactOccupancy(PhaseRegistry.Process p) {
        double[] pi = Stationary.distribution(PhaseRegistry.chain(p));
        double rho = 0;
        for (int s = 0; s < PhaseRegistry.positiveStates(p); s++) {
            rho += pi[s];
        }
        return rho;
    }

    static double[] same(double[] a, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = a[k % a.length];
        }
        return out;
    }

    @Test
    void isdEstimatorIsExactlyUnbiasedForAnyPhaseProbability() {
        // Exact expectation over the stationary phase: rho+ g(+) + rho- g(-) = phi+ - phi-, rho from the chain's EJML
        // solve. Tolerance: rounding of the solve and of w = 1/rho (rho >= ~1e-3 here) on entries up to 2.
        Proofs.qt(300).forAll(PROCESS, VECTOR, VECTOR).checkAssert((proc, p, m0) -> {
            double[] m = same(m0, p.length);
            double rho = exactOccupancy(proc);
            double[] gp = estimate(true, proc.process(), p, m);
            double[] gm = estimate(false, proc.process(), p, m);
            for (int k = 0; k < p.length; k++) {
                assertEquals(p[k] - m[k], rho * gp[k] + (1 - rho) * gm[k], 1e-10, "coordinate " + k);
            }
        });
    }

    static final int SAMPLED_EXAMPLES = 60;
    static final int SAMPLED_STEPS = 100_000;
    /** At most 6 coordinates per example share the run's budget. */
    static final double SAMPLED_Z = Tolerances.bonferroniZ(6L * SAMPLED_EXAMPLES);

    /**
     * The start and end of a finite run: besides the CLT's random error, the first phase starts from the process's own
     * start and the last one is cut, each moving the sum by about a mean residual phase length
     * {@code E[L^2] / E[L]} of steps of an unweighted summand bounded by 1 (for a periodic process the long-run
     * variance is 0 and this is the whole error). Twice the sum over both signs, per step of the run.
     */
    static double edgeEffect(PhaseRegistry.Process p, long n) {
        return 2 * (residual(p.plus().law()) + residual(p.minus().law())) / n;
    }

    static double residual(org.flexphase.phases.LengthLaw law) {
        return (law.variance() + law.mean() * law.mean()) / law.mean();
    }

    /** Whether N steps of {@code p} expect at least 100 phases of each sign (exact occupancy over the law's mean). */
    static boolean manyPhases(PhaseRegistry.Process p, long n) {
        double rho = exactOccupancy(p);
        return n * rho / p.plus().law().mean() >= 100 && n * (1 - rho) / p.minus().law().mean() >= 100;
    }

    @Test
    void isdSampleMeanAgreesWithTheContrastWithinACltBound() {
        // B3 for T1: N = 100,000 steps of the process's own next() and weight(). Phases are correlated in time, so coordinate k
        // has sd sqrt(Sigma_kk / N), Sigma the exact long-run covariance of w(z) phi_z on the registry's phase chain
        // (fundamental matrix; Stationary.asymptoticCovariance); for Bernoulli phases it is T2's sigma^2. z from the
        // Bonferroni split over 6 coordinates x 60 examples (false failures < 1e-6 per run). The start state's
        // transient and the cut last phase add O(phase length / N) (edgeEffect). The normal limit needs many phases: processes
        // expecting fewer than 100 phases of either sign in N steps are not drawn (manyPhases). Seeds drawn by
        // QuickTheories.
        Proofs.qt(SAMPLED_EXAMPLES).forAll(PROCESS.assuming(p -> manyPhases(p, SAMPLED_STEPS)), VECTOR, VECTOR,
                        integers().between(1, 1_000_000))
                .checkAssert((proc, p, m0, seed) -> {
                    double[] m = same(m0, p.length);
                    RandomGenerator r = Rngs.create(seed);
                    PhaseProcess process = proc.process().copy();
                    double[] sum = new double[p.length];
                    for (int i = 0; i < SAMPLED_STEPS; i++) {
                        double[] g = estimate(process.next(r).isPositive(), process, p, m);
                        for (int k = 0; k < p.length; k++) {
                            sum[k] += g[k];
                        }
                    }
                    double[][] chain = PhaseRegistry.chain(proc);
                    int np = PhaseRegistry.positiveStates(proc);
                    double rho = exactOccupancy(proc);
                    double[][] f = new double[chain.length][p.length];
                    for (int s = 0; s < chain.length; s++) {
                        for (int k = 0; k < p.length; k++) {
                            f[s][k] = s < np ? p[k] / rho : -m[k] / (1 - rho);
                        }
                    }
                    double[][] sigma = Stationary.asymptoticCovariance(chain, f);
                    double edge = edgeEffect(proc, SAMPLED_STEPS);
                    for (int k = 0; k < p.length; k++) {
                        double sd = Math.sqrt(Math.max(0, sigma[k][k]) / SAMPLED_STEPS);
                        double largest = Math.max(Math.abs(p[k]) / rho, Math.abs(m[k]) / (1 - rho));
                        assertEquals(p[k] - m[k], sum[k] / SAMPLED_STEPS, SAMPLED_Z * sd + edge * largest + 1e-9,
                                "coordinate " + k + " of " + proc);
                    }
                });
    }

    static double norm2(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    @Test
    void isdSecondMomentIsTheFormulaAndNeverBelowTheStandardEstimators() {
        // Over the stationary phase of any registered process: E||g||^2 = ||phi+||^2 / rho+ + ||phi-||^2 / rho-
        // >= (||phi+|| + ||phi-||)^2 >= ||phi+ - phi-||^2 (Cauchy-Schwarz), rho from the chain, g from the process.
        Proofs.qt(300).forAll(PROCESS, VECTOR, VECTOR).checkAssert((proc, p, m0) -> {
            double[] m = same(m0, p.length);
            double rho = exactOccupancy(proc);
            double exact = rho * norm2(estimate(true, proc.process(), p, m))
                    + (1 - rho) * norm2(estimate(false, proc.process(), p, m));
            double formula = norm2(p) / rho + norm2(m) / (1 - rho);
            assertEquals(formula, exact, 1e-10 * formula);
            double bound = Math.pow(Math.sqrt(norm2(p)) + Math.sqrt(norm2(m)), 2);
            assertTrue(exact >= bound * (1 - 1e-12), exact + " < " + bound);
            double[] diff = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                diff[k] = p[k] - m[k];
            }
            assertTrue(exact >= norm2(diff) * (1 - 1e-12), exact + " < " + norm2(diff));
        });
    }

    @Test
    void secondMomentIsMinimisedAtTheNormRatio() {
        // b* = ||phi+|| / (||phi+|| + ||phi-||), where the second moment equals (||phi+|| + ||phi-||)^2; every other b
        // on a fine grid gives at least that value (convex in b). The second moment is taken over the phases of the
        // toolkit's ISD process with its own weights (estimate), so a wrong weight moves the minimiser and fails.
        Proofs.qt(200).forAll(VECTOR, VECTOR).checkAssert((p, m0) -> {
            double[] m = same(m0, p.length);
            double np = Math.sqrt(norm2(p));
            double nm = Math.sqrt(norm2(m));
            double bStar = np / (np + nm);
            double best = isdSecondMoment(bStar, p, m);
            assertEquals((np + nm) * (np + nm), best, 1e-9 * best);
            for (int i = 1; i < 1000; i++) {
                double b = i / 1000.0;
                assertTrue(isdSecondMoment(b, p, m) >= best * (1 - 1e-12), "b = " + b);
            }
        });
    }

    /** E||g||^2 over z ~ Bernoulli(b), with g from the toolkit's ISD weights. */
    static double isdSecondMoment(double b, double[] p, double[] m) {
        return b * norm2(estimate(true, b, p, m)) + (1 - b) * norm2(estimate(false, b, p, m));
    }
}

package org.flexphase.verify;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Rngs;

/**
 * Check (a): at frozen parameters, the production loop's time-averaged increment
 * ({@link LocalLearning#sumIncrements}, the loop training uses) equals the reference mean update.
 *
 * <p>Tolerance. After a burn-in, {@code B} consecutive batches of one run give batch means {@code m_b}; per coordinate
 * {@code z = |mean(m) - ref| / sqrt(se_local^2 + se_ref^2)} ({@code se_ref = 0} for an exact reference). The check
 * fails if any of the {@code K} coordinates has {@code z > t}, {@code t} the two-sided Student quantile at level
 * {@code alpha / K} (Bonferroni) with {@code B - 1} degrees of freedom, or 19 if the reference is the paired
 * estimate (20 groups; the smaller of the two is the conservative choice for the combined error). On a correct
 * system the false-failure probability is then at most {@code alpha} (default 1e-4), to the accuracy of the
 * batch-means approximation (independent, normal batch means: batches of at least 20 mean phase lengths are
 * enforced). With B = 40 and K = 11, t = 5.10. Coordinates with no spread at all (deterministic systems, fixed
 * examples) must agree to {@code 1e-9 (1 + |ref|)}.
 *
 * <p>Random numbers: the run uses {@link Rngs#stream}(seed, 0), the project's generator, as training does.
 */
final class MeanUpdateCheck {
    private MeanUpdateCheck() {
    }

    static <S, C extends ContrastiveSystem<S>> CheckResult run(Settings<S, C> s, PhaseProcess process, long seed,
                                                               double alpha, Check check) {
        C system = s.newSystem();
        double[] before = system.parameters().clone();
        double[][] ref = s.reference(system, process, seed);
        int k = system.parameterCount();
        LocalLearning<S> learning = s.learning(system, process);
        RandomGenerator rng = Rngs.stream(seed, 0);
        S state = system.newState();
        if (s.burnIn() > 0) {
            learning.sumIncrements(state, s.burnIn(), rng, new double[k]);
        }
        double[][] rows = new double[s.batches()][];
        for (int b = 0; b < rows.length; b++) {
            double[] sum = new double[k];
            learning.sumIncrements(state, s.batchSteps(), rng, sum);
            for (int q = 0; q < k; q++) {
                sum[q] /= s.batchSteps();
            }
            rows[b] = sum;
        }
        String where = process.describe() + ", " + s.batches() + " batches of " + s.batchSteps() + " steps after "
                + s.burnIn() + ", reference " + s.referenceName();
        if (!Arrays.equals(before, system.parameters())) {
            return CheckResult.fail(check, "parameters changed while frozen", "parameters untouched by sumIncrements",
                    "bit-exact", 0, seed, where);
        }
        BatchMeans local = BatchMeans.of(rows);
        // an estimated reference (the paired estimator's 20 groups) has fewer degrees of freedom: take the smaller
        int dof = s.batches() - 1;
        for (double se : ref[1]) {
            dof = se > 0 ? Math.min(dof, PairedEstimator.GROUPS - 1) : dof;
        }
        double t = Quantiles.bonferroniStudent(alpha, k, dof);
        double worst = -1;
        int at = 0;
        for (int q = 0; q < k; q++) {
            double z = zScore(local.mean()[q], local.standardError()[q], ref[0][q], ref[1][q]);
            if (z > worst || Double.isNaN(z)) {
                worst = z;
                at = q;
                if (Double.isNaN(z)) {
                    break;
                }
            }
        }
        // the check's power: a reference that is zero everywhere (units clipped, a dead nudge) cannot tell right
        // from wrong, so the report says how far the largest coordinate stands above the noise
        int big = 0;
        for (int q = 1; q < k; q++) {
            big = Math.abs(ref[0][q]) > Math.abs(ref[0][big]) ? q : big;
        }
        where += String.format(Locale.ROOT, "; largest |reference| %.4g at coordinate %d (%.1f se)",
                Math.abs(ref[0][big]), big, Math.abs(ref[0][big]) / Math.hypot(local.standardError()[big], ref[1][big]));
        String measured = String.format(Locale.ROOT, "|z| = %.3g at coordinate %d: local mean %.6g (se %.3g) vs %.6g "
                + "(se %.3g)", worst, at, local.mean()[at], local.standardError()[at], ref[0][at], ref[1][at]);
        String tolerance = String.format(Locale.ROOT, "t = %.3f (Student, %d dof, Bonferroni over %d coordinates)", t,
                dof, k);
        boolean ok = worst <= t;
        return (ok ? CheckResult.pass(check, measured, "|z| <= t for every coordinate", tolerance, alpha, seed, where)
                : CheckResult.fail(check, measured, "|z| <= t for every coordinate", tolerance, alpha, seed, where))
                .withStatistic(worst);
    }

    /** |local - ref| in combined standard errors; without any spread, 0 or infinity by a 1e-9 relative rule. */
    static double zScore(double local, double seLocal, double ref, double seRef) {
        double d = Math.abs(local - ref);
        double se = Math.hypot(seLocal, seRef);
        double floor = 1e-9 * (1 + Math.abs(ref));
        if (se > 1e-3 * floor) {
            return d <= floor ? 0 : d / se;
        }
        return d <= floor ? 0 : Double.POSITIVE_INFINITY;
    }
}

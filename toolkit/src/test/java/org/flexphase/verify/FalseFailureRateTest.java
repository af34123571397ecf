package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures check (a)'s false-failure rate on a correct system: the RBM of {@link Families} (11 parameters, exact
 * reference), seeds 1..200, 40 batches of 5,000 steps each. Two counts from the same runs: failures at the kit's
 * stated rate 1e-4 (Bonferroni Student bound t = 5.10), and exceedances of the bound for rate 0.05 (t = 3.01), a
 * calibration of the batch-means approximation that a rate of 1e-4 cannot give with 200 runs.
 *
 * <p>Limits, each with false-failure probability below 1e-3 if the stated rates hold (binomial upper tails,
 * computed below): at most 2 failures of 200 at 1e-4 (P(X >= 3) = 1.3e-6), and at most 21 exceedances of 200 at 0.05
 * (P(X >= 22) = 4.8e-4; Bonferroni makes the true rate lower than 0.05, never higher). Set
 * {@code -Dverify.print=true} to print the counts.
 */
class FalseFailureRateTest {
    static final int RUNS = 200;

    /** P(X >= k) for X ~ Binomial(n, q). */
    static double upperTail(int n, double q, int k) {
        double tail = 0;
        for (int x = k; x <= n; x++) {
            double log = Quantiles.logGamma(n + 1.0) - Quantiles.logGamma(x + 1.0) - Quantiles.logGamma(n - x + 1.0)
                    + x * Math.log(q) + (n - x) * Math.log1p(-q);
            tail += Math.exp(log);
        }
        return tail;
    }

    @Test
    void meanUpdateCheckFailsACorrectSystemAtMostAtItsStatedRate() {
        double loose = Quantiles.bonferroniStudent(0.05, 11, 39);
        int failures = 0;
        int exceedances = 0;
        double worst = 0;
        for (long seed = 1; seed <= RUNS; seed++) {
            CheckResult r = Families.rbm(x -> x, x -> x).batches(40, 5_000).only(Check.MEAN_UPDATE).seed(seed).check()
                    .results().get(0);
            failures += r.passed() ? 0 : 1;
            exceedances += r.statistic() > loose ? 1 : 0;
            worst = Math.max(worst, r.statistic());
        }
        String summary = String.format(Locale.ROOT, "check (a) on a correct RBM, %d seeds: %d failures at rate 1e-4 "
                + "(t = %.3f), %d exceedances at rate 0.05 (t = %.3f), worst |z| = %.3f", RUNS, failures,
                Quantiles.bonferroniStudent(1e-4, 11, 39), exceedances, loose, worst);
        if (Boolean.getBoolean("verify.print")) {
            System.out.println(summary);
        }
        assertTrue(upperTail(RUNS, 1e-4, 3) < 1e-3 && upperTail(RUNS, 0.05, 22) < 1e-3, "limits as documented");
        assertTrue(failures <= 2, summary);
        assertTrue(exceedances <= 21, summary);
    }
}

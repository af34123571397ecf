package org.flexphase.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Rngs;

/**
 * Check (e): the bias of temporally local learning against the equilibrated (paired) mean update, as the switching
 * probability p shrinks.
 *
 * <p><b>No bias expected</b> (phases that equilibrate within a step, e.g. an RBM whose negative phases start at
 * equilibrium, T4): check (a) at each p, with the rate {@code alpha} split evenly over the p values (Bonferroni), so
 * the false-failure rate is at most {@code alpha}.
 *
 * <p><b>Linear bias expected</b> (persistent relaxation of a deterministic system with one example, T13, T16): per p,
 * R independent runs of {@code switches / p} steps after a burn-in of the same length; from each run's increment sum
 * the equilibrated value given that run's own phase counts, {@code scale (N+/rho+ E+[phi] - N-/rho- E-[phi])}, is
 * subtracted (the phase means from the paired estimator), which cancels the phase noise and leaves the transients
 * after switches. |bias| is the norm of the mean over runs, se the root of the summed coordinate variances of that
 * mean. The log-log least-squares slope of |bias| against p must lie within {@code 1 +- (band + z se_slope)},
 * {@code se_slope} propagated from the relative errors {@code se/|bias|}, z the two-sided normal quantile at
 * {@code alpha} (3.89 for 1e-4); the band (default 0.25) allows the O(p^2) curvature, not noise. The bias at the
 * largest p must be measurable: {@code |bias| > z se}. False-failure rate at most {@code alpha} under the normal
 * approximation, provided the band covers the curvature at the chosen p.
 */
final class BiasOrderCheck {
    private BiasOrderCheck() {
    }

    static <S, C extends ContrastiveSystem<S>> CheckResult run(Settings<S, C> s) {
        double[] ps = s.switching();
        if (s.bias() == Settings.BiasExpectation.NONE) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < ps.length; i++) {
                PhaseProcess process = s.switchingProcess().apply(ps[i]);
                CheckResult r = MeanUpdateCheck.run(s, process, Rngs.mix(s.seed(), 100 + i), s.rate() / ps.length,
                        Check.BIAS_ORDER);
                if (!r.passed()) {
                    return CheckResult.fail(Check.BIAS_ORDER, "at p = " + ps[i] + ": " + r.measured(),
                            "no bias: local mean = reference within noise at every p", r.tolerance(), s.rate(),
                            s.seed(), r.detail());
                }
                seen.add("p=" + ps[i] + ": " + r.measured());
            }
            return CheckResult.pass(Check.BIAS_ORDER, String.join("; ", seen), "no bias at any p",
                    "Student t per p, Bonferroni over p", s.rate(), s.seed(), "");
        }
        return linear(s, ps);
    }

    private static <S, C extends ContrastiveSystem<S>> CheckResult linear(Settings<S, C> s, double[] ps) {
        C system = s.newSystem();
        PhaseMeans means = PairedEstimator.phaseMeans(s, system, Rngs.mix(s.seed(), 99));
        double[] bias = new double[ps.length];
        double[] se = new double[ps.length];
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < ps.length; i++) {
            double[] b = biasAt(s, system, means, ps[i], i);
            bias[i] = b[0];
            se[i] = b[1];
            table.append(String.format(Locale.ROOT, "%sp=%.4g |bias|=%.4g (se %.2g)", i == 0 ? "" : ", ", ps[i],
                    b[0], b[1]));
        }
        double z = Quantiles.twoSidedNormal(s.rate());
        int largest = 0;
        for (int i = 1; i < ps.length; i++) {
            largest = ps[i] > ps[largest] ? i : largest;
        }
        if (!(bias[largest] > z * se[largest])) {
            return CheckResult.fail(Check.BIAS_ORDER, table.toString(), "a measurable bias at the largest p (|bias| > z se)",
                    String.format(Locale.ROOT, "z = %.3f", z), s.rate(), s.seed(),
                    "no transient reaches the statistic: use expectNoBias, or larger p");
        }
        // least squares slope of log|bias| on log p, and its error from the relative errors of |bias|
        double mx = 0;
        for (double p : ps) {
            mx += Math.log(p) / ps.length;
        }
        double sxx = 0;
        for (double p : ps) {
            sxx += (Math.log(p) - mx) * (Math.log(p) - mx);
        }
        double slope = 0;
        double var = 0;
        for (int i = 0; i < ps.length; i++) {
            double c = (Math.log(ps[i]) - mx) / sxx;
            slope += c * Math.log(bias[i]);
            double rel = bias[i] > 0 ? se[i] / bias[i] : Double.POSITIVE_INFINITY;
            var += c * c * rel * rel;
        }
        double allowed = s.slopeBand() + z * Math.sqrt(var);
        String measured = String.format(Locale.ROOT, "log-log slope %.4f (se %.3f); %s", slope, Math.sqrt(var), table);
        String tolerance = String.format(Locale.ROOT, "|slope - 1| <= %.3f (band %.2f + z %.2f x se)", allowed,
                s.slopeBand(), z);
        String detail = s.biasRuns() + " runs of " + s.biasSwitches() + "/p steps per p, processes like "
                + s.switchingProcess().apply(ps[0]).describe();
        CheckResult r = Math.abs(slope - 1) <= allowed
                ? CheckResult.pass(Check.BIAS_ORDER, measured, "bias proportional to p (slope 1)", tolerance, s.rate(),
                s.seed(), detail)
                : CheckResult.fail(Check.BIAS_ORDER, measured, "bias proportional to p (slope 1)", tolerance, s.rate(),
                s.seed(), detail);
        return r.withStatistic(slope);
    }

    /** |mean over runs of (increment sum - equilibrated value) / N| and its standard error, at switching p. */
    private static <S, C extends ContrastiveSystem<S>> double[] biasAt(Settings<S, C> s, C system, PhaseMeans means,
                                                                       double p, int index) {
        int k = system.parameterCount();
        long steps = Math.round(s.biasSwitches() / p);
        double[][] rows = new double[s.biasRuns()][];
        for (int r = 0; r < rows.length; r++) {
            PhaseProcess process = s.switchingProcess().apply(p);
            double rho = process.positiveOccupancy();
            CountingPhaseProcess counting = new CountingPhaseProcess(process);
            LocalLearning<S> learning = s.learning(system, counting);
            var rng = Rngs.stream(Rngs.mix(s.seed(), 200 + index), r);
            S state = system.newState();
            learning.sumIncrements(state, steps, rng, new double[k]);
            long plus0 = counting.positive;
            long minus0 = counting.negative;
            double[] sum = new double[k];
            learning.sumIncrements(state, steps, rng, sum);
            double np = counting.positive - plus0;
            double nm = counting.negative - minus0;
            for (int q = 0; q < k; q++) {
                double equilibrated = s.scale() * (np / rho * means.plus()[q] - nm / (1 - rho) * means.minus()[q]);
                sum[q] = (sum[q] - equilibrated) / steps;
            }
            rows[r] = sum;
        }
        BatchMeans m = BatchMeans.of(rows);
        double norm = 0;
        double var = 0;
        for (int q = 0; q < k; q++) {
            norm += m.mean()[q] * m.mean()[q];
            var += m.standardError()[q] * m.standardError()[q];
        }
        return new double[]{Math.sqrt(norm), Math.sqrt(var)};
    }
}

package org.flexphase.verify;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Check (f): one learning run of the production loop ({@link LocalLearning#run} on a {@link LearningLoop}) under the
 * settings' decaying schedule, with a checkpoint after every update, and after every update: the parameters are
 * finite and inside the declared box, the Polyak average is finite, the loop's counters agree with what the system
 * saw (steps = updates = + steps + - steps, + steps = the + phases the system was asked to step), and the rate the
 * update applied, read off the parameters' change before the projection, is the schedule's at the step count.
 *
 * <p>How the rate is read: a wrapper around the system records, for each update, the parameters before it and right
 * after the system's {@code stepAndAddStatistic} (before {@code parametersChanged()} projects), and the statistic
 * {@code phi} of the state the step left ({@code addStatistic} at weight 1 into a scratch array, with the parameters
 * put back to those the update used, since a statistic may read them). For every coordinate
 * with a clear increment, {@code (theta_after - theta_before) / (scale w(z) phi)} is the rate the update took; it must
 * equal {@code schedule.rate(step)} at the step the update began, to {@code 1e-8} relative (rounding of
 * {@code theta + increment} is about {@code 1e-10} of the increment for the coordinates read). A rate read at the
 * update count instead of the step count, a weight a system caches across steps, or a scale applied twice all show
 * as a wrong rate; a constant schedule would hide the first two, so the schedule must change within the run.
 *
 * <p>Exact: a correct system fails only if its fused step is not its two calls in sequence (the seam's contract).
 */
final class UpdateInvariantCheck {
    /** Relative agreement of the rate read off the parameters with the schedule's. */
    static final double RATE_TOLERANCE = 1e-8;

    private UpdateInvariantCheck() {
    }

    /** The system as the loop sees it, recording each update's phase, weight, parameters before and after, and phi. */
    private static final class Observed<S> extends ForwardingSystem<S> {
        final double[] before;
        final double[] after;
        final double[] phi;
        long updates;
        long plusUpdates;
        Phase phase;

        Observed(ContrastiveSystem<S> inner) {
            super(inner);
            int n = inner.parameterCount();
            before = new double[n];
            after = new double[n];
            phi = new double[n];
        }

        @Override
        public void stepAndAddStatistic(S state, Phase z, RandomGenerator rng, double weight, double[] target) {
            System.arraycopy(target, 0, before, 0, before.length);
            super.stepAndAddStatistic(state, z, rng, weight, target);
            System.arraycopy(target, 0, after, 0, after.length);
            // phi at the parameters the update used: a statistic may read theta (phi = -dE/dtheta often does), so it
            // is taken with the parameters put back for the call, then the update is restored.
            System.arraycopy(before, 0, target, 0, before.length);
            java.util.Arrays.fill(phi, 0);
            delegate().addStatistic(state, 1.0, phi);
            System.arraycopy(after, 0, target, 0, after.length);
            phase = z;
            updates++;
            plusUpdates += z.isPositive() ? 1 : 0;
        }
    }

    /** The first violation seen, or null; and what the run exercised. */
    private static final class Verdict {
        String violation;
        long rateReadings;
        long boundHits;
        long checkpoints;
        double firstRate = Double.NaN;
        double lastRate = Double.NaN;

        void fail(String message) {
            if (violation == null) {
                violation = message;
            }
        }
    }

    static <S, C extends ContrastiveSystem<S>> CheckResult run(Settings<S, C> s) {
        C system = s.newSystem();
        double[][] box = s.box() != null ? s.box().apply(system) : null;
        int n = system.parameterCount();
        if (box != null && (box.length != 2 || box[0].length != n || box[1].length != n)) {
            throw new IllegalArgumentException("box must be {lower, upper} with " + n + " bounds each");
        }
        Observed<S> observed = new Observed<>(system);
        LocalLearning<S> learning = new LocalLearning<>(observed, s.presentation().apply(system), s.phases().copy())
                .scale(s.scale());
        LearningRateSchedule schedule = s.schedule();
        long steps = s.invariantSteps();
        Verdict v = new Verdict();
        double[] theta = system.parameters();
        LearningLoop loop = new LearningLoop(theta, null, schedule, steps, 1, 0, 1, l -> {
            v.checkpoints++;
            if (l.step() > 0) {
                afterUpdate(l, observed, theta, box, schedule, s, v);
            }
        });
        if (loop.begin()) {
            learning.run(loop, system.newState(), Rngs.create(s.seed()));
        }
        if (loop.divergence() != null) {
            v.fail("parameters became NaN or infinite at update " + observed.updates + ": " + loop.divergence());
        }
        loop.finish();
        String where = String.format(Locale.ROOT, "%d updates under %s, %s", steps, schedule.describe(),
                s.phases().describe());
        if (v.violation == null && v.checkpoints != steps + 1) {
            v.fail("the loop reported " + v.checkpoints + " checkpoints for " + steps + " updates with a checkpoint "
                    + "after every step (expected " + (steps + 1) + ")");
        }
        if (v.violation != null) {
            return CheckResult.fail(Check.AFTER_EVERY_UPDATE, v.violation, "every invariant after every update",
                    "exact; rate " + RATE_TOLERANCE + " relative", 0, s.seed(), where);
        }
        if (v.rateReadings == 0) {
            return CheckResult.fail(Check.AFTER_EVERY_UPDATE, "no update changed a parameter clearly",
                    "some update to read the rate from", "-", 0, s.seed(), where
                            + "; a run that learns nothing cannot show its rate");
        }
        if (!(Math.abs(v.firstRate - v.lastRate) > 1e-6 * v.firstRate)) {
            return CheckResult.fail(Check.AFTER_EVERY_UPDATE, "the schedule's rate stayed at " + v.firstRate,
                    "a rate that changes within the run", "-", 0, s.seed(), where
                            + "; under a constant rate a rate read at the wrong step looks right");
        }
        if (box != null && v.boundHits == 0) {
            return CheckResult.fail(Check.AFTER_EVERY_UPDATE, "no parameter reached a bound of the box",
                    "a box that binds", "-", 0, s.seed(), where + "; raise the schedule's rate or tighten the box");
        }
        return CheckResult.pass(Check.AFTER_EVERY_UPDATE, String.format(Locale.ROOT,
                        "%d updates: finite, counters consistent, %d rate readings equal to the schedule's%s", steps,
                        v.rateReadings, box != null ? ", inside the box (" + v.boundHits + " parameters on a bound)" : ""),
                "every invariant after every update", "exact; rate " + RATE_TOLERANCE + " relative", 0, s.seed(), where);
    }

    private static <S> void afterUpdate(LearningLoop l, Observed<S> o, double[] theta, double[][] box,
                                        LearningRateSchedule schedule, Settings<?, ?> s, Verdict v) {
        if (v.violation != null) {
            return;
        }
        long k = o.updates;
        String at = "after update " + k + " (step " + l.step() + ")";
        if (l.step() != k || l.updates() != k) {
            v.fail("counters " + at + ": loop step " + l.step() + ", loop updates " + l.updates() + ", the system was "
                    + "stepped " + k + " times (one step per update)");
            return;
        }
        if (l.positiveSteps() + l.negativeSteps() != l.step() || l.positiveSteps() != o.plusUpdates) {
            v.fail("counters " + at + ": + steps " + l.positiveSteps() + " + - steps " + l.negativeSteps()
                    + " vs steps " + l.step() + "; the system took " + o.plusUpdates + " + steps");
            return;
        }
        if (!Checks.allFinite(theta)) {
            v.fail("parameters not finite " + at);
            return;
        }
        if (!Checks.allFinite(l.averagedParameters())) {
            v.fail("Polyak average not finite " + at + " while the parameters are");
            return;
        }
        if (box != null) {
            for (int p = 0; p < theta.length; p++) {
                if (!(theta[p] >= box[0][p] && theta[p] <= box[1][p])) {
                    v.fail(String.format(Locale.ROOT, "parameter %d = %.6g outside its box [%.6g, %.6g] %s", p,
                            theta[p], box[0][p], box[1][p], at));
                    return;
                }
                v.boundHits += theta[p] == box[0][p] || theta[p] == box[1][p] ? 1 : 0;
            }
        }
        long began = l.step() - 1;
        double expected = schedule.rate(began);
        double w = s.scale() * s.phases().weight(o.phase);
        for (int p = 0; p < theta.length; p++) {
            double inc = expected * w * o.phi[p];
            // Only coordinates whose increment stands clear of the rounding of theta + increment are read.
            if (!(Math.abs(inc) > 1e-6 * (1 + Math.abs(o.before[p])))) {
                continue;
            }
            double rate = (o.after[p] - o.before[p]) / (w * o.phi[p]);
            v.rateReadings++;
            if (Double.isNaN(v.firstRate)) {
                v.firstRate = expected;
            }
            v.lastRate = expected;
            if (!(Math.abs(rate - expected) <= RATE_TOLERANCE * expected)) {
                v.fail(String.format(Locale.ROOT, "update %d (step %d, phase %s) applied rate %.8g to parameter %d, "
                                + "expected the schedule's at step %d: %.8g (at step %d it is %.8g)", k, began,
                        o.phase, rate, p, began, expected, l.step(), schedule.rate(l.step())));
                return;
            }
        }
    }
}

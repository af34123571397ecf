package org.flexphase.verify;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.JumpableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.Phase;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Checks (b), (c) and (d): bit-exact properties of the production learning loop ({@link LocalLearning#run} on a
 * {@link LearningLoop} with a constant rate), so their false-failure rate is 0: a failure is a bug, never noise.
 *
 * <p>Generators. (b) and (d) use the project's generator ({@link Rngs#create}). (c) must store the generator in the
 * checkpoint; the project's {@code L64X128MixRandom} offers no state copy in JDK 17 ({@code split()} starts a new
 * stream, it does not copy), so (c) runs on the JDK's {@code Xoshiro256PlusPlus}, a {@link JumpableGenerator} whose
 * {@code copy()} captures its whole state. Re-deriving a generator per segment from the seed would also be
 * reproducible, but the "uninterrupted" run would then have to switch generators at the checkpoint too, and would no
 * longer be one plain run.
 */
final class ReplayChecks {
    private static final String COPYABLE = "Xoshiro256PlusPlus";

    private ReplayChecks() {
    }

    /** Runs {@code steps} learning steps of {@code learning} on {@code system}; returns the finished loop. */
    private static <S> LearningLoop learn(ContrastiveSystem<S> system, LocalLearning<S> learning, S state, long steps,
                                          long evalEvery, RandomGenerator rng, Settings<?, ?> s) {
        LearningLoop loop = new LearningLoop(system.parameters(), null, LearningRateSchedule.constant(s.learningRate()),
                steps, evalEvery, steps, 1, null);
        if (loop.begin()) {
            learning.run(loop, state, rng);
        }
        loop.finish();
        return loop;
    }

    /** (b) Two runs with the same seed end with the same parameter bits (and the same phase counts). */
    static <S, C extends ContrastiveSystem<S>> CheckResult sameSeedSameBits(Settings<S, C> s) {
        long n = s.replaySteps();
        double[][] theta = new double[2][];
        long[] positive = new long[2];
        double[] initial = null;
        for (int run = 0; run < 2; run++) {
            C system = s.newSystem();
            initial = system.parameters().clone();
            LearningLoop loop = learn(system, s.learning(system, s.phases()), system.newState(), n, n,
                    Rngs.create(s.seed()), s);
            theta[run] = system.parameters().clone();
            positive[run] = loop.positiveSteps();
        }
        String where = n + " learning steps at rate " + s.learningRate() + ", " + s.phases().describe();
        String diff = firstDifference(theta[0], theta[1]);
        if (diff != null || positive[0] != positive[1]) {
            return CheckResult.fail(Check.SAME_SEED_SAME_BITS, diff != null ? diff : "positive steps " + positive[0]
                    + " vs " + positive[1], "identical bits", "bit-exact", 0, s.seed(), where);
        }
        if (firstDifference(initial, theta[0]) == null) {
            return CheckResult.fail(Check.SAME_SEED_SAME_BITS, "parameters never moved", "learning changes them",
                    "bit-exact", 0, s.seed(), where + "; a run that learns nothing cannot show reproducibility");
        }
        return CheckResult.pass(Check.SAME_SEED_SAME_BITS, "identical bits in " + theta[0].length + " parameters",
                "identical bits", "bit-exact", 0, s.seed(), where);
    }

    /**
     * (c) Run N steps, checkpoint (parameters, copyState(state), generator copy), then disturb what the checkpoint must
     * not depend on (parameters shifted with {@code parametersChanged()}, the live state stepped, the live generator
     * advanced), restore and run N more steps: the parameters must be bit-identical to one uninterrupted 2N-step run.
     * The phase process and presentation are the environment and carry on (their interfaces have no snapshot); what
     * the check covers is the learner: parameters with their derived caches, the physical state, the generator.
     */
    static <S, C extends ContrastiveSystem<S>> CheckResult checkpointRestore(Settings<S, C> s) {
        long n = s.replaySteps();
        C whole = s.newSystem();
        learn(whole, s.learning(whole, s.phases()), whole.newState(), 2 * n, 2 * n, copyable(s.seed()), s);

        C system = s.newSystem();
        LocalLearning<S> learning = s.learning(system, s.phases());
        S state = system.newState();
        JumpableGenerator rng = copyable(s.seed());
        learn(system, learning, state, n, n, rng, s);
        double[] savedTheta = system.parameters().clone();
        S savedState = s.copyState().apply(state);
        JumpableGenerator savedRng = rng.copy();

        double[] theta = system.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] += 0.25 * (1 + Math.abs(theta[k]));
        }
        system.parametersChanged();
        RandomGenerator noise = Rngs.stream(s.seed(), 7);
        try {
            for (int t = 0; t < 5; t++) {
                system.step(state, t % 2 == 0 ? Phase.POSITIVE : Phase.NEGATIVE, noise);
            }
        } catch (RuntimeException e) {
            // a system may refuse a step without its presentation; the disturbance is then the parameters' alone
        }
        rng.nextLong();

        System.arraycopy(savedTheta, 0, theta, 0, theta.length);
        system.parametersChanged();
        learn(system, learning, s.copyState().apply(savedState), n, n, savedRng.copy(), s);
        String where = "checkpoint after " + n + " of " + 2 * n + " learning steps, generator " + COPYABLE + ", "
                + s.phases().describe();
        String diff = firstDifference(whole.parameters(), system.parameters());
        return diff == null
                ? CheckResult.pass(Check.CHECKPOINT_RESTORE, "identical bits in " + theta.length + " parameters",
                "the uninterrupted run's bits", "bit-exact", 0, s.seed(), where)
                : CheckResult.fail(Check.CHECKPOINT_RESTORE, "restored run vs uninterrupted run: " + diff,
                "the uninterrupted run's bits", "bit-exact", 0, s.seed(), where
                        + "; is copyState deep, and does parametersChanged() rebuild every cache?");
    }

    /**
     * (d) The statistic turns NaN at a step between checkpoints: the loop must report a divergence, stop, and leave the
     * parameters of the last checkpoint before the NaN, bit for bit those of a clean run stopped there.
     */
    static <S, C extends ContrastiveSystem<S>> CheckResult nonFiniteStop(Settings<S, C> s) {
        long n = Math.max(40, s.replaySteps());
        long every = n / 10;
        long poisonAt = 4 * every + every / 3 + 1;
        long lastCheckpoint = (poisonAt / every) * every;
        C clean = s.newSystem();
        learn(clean, s.learning(clean, s.phases()), clean.newState(), lastCheckpoint, lastCheckpoint,
                Rngs.create(s.seed()), s);

        C inner = s.newSystem();
        PoisonedSystem<S> poisoned = new PoisonedSystem<>(inner, poisonAt);
        LocalLearning<S> learning = new LocalLearning<>(poisoned, s.presentation().apply(inner), s.phases().copy())
                .scale(s.scale());
        LearningLoop loop = learn(poisoned, learning, inner.newState(), n, every, Rngs.create(s.seed()), s);
        String where = String.format(Locale.ROOT, "NaN statistic at update %d of %d, checkpoints every %d steps",
                poisonAt, n, every);
        if (loop.divergence() == null) {
            return CheckResult.fail(Check.NON_FINITE_STOP, "no divergence reported after " + loop.step() + " steps",
                    "divergence() set", "exact", 0, s.seed(), where);
        }
        if (!Checks.allFinite(inner.parameters()) || firstDifference(clean.parameters(), inner.parameters()) != null) {
            return CheckResult.fail(Check.NON_FINITE_STOP, "parameters after the stop: "
                    + firstDifference(clean.parameters(), inner.parameters()), "the bits of the checkpoint at step "
                    + lastCheckpoint, "bit-exact", 0, s.seed(), where + "; divergence: " + loop.divergence());
        }
        return CheckResult.pass(Check.NON_FINITE_STOP, "stopped at step " + loop.step() + " with the checkpoint's "
                + "parameters", "the bits of the checkpoint at step " + lastCheckpoint, "bit-exact", 0, s.seed(),
                where);
    }

    private static JumpableGenerator copyable(long seed) {
        return (JumpableGenerator) RandomGeneratorFactory.of(COPYABLE).create(seed);
    }

    /** Null if the arrays are bit-identical, else where and how they first differ. */
    static String firstDifference(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            if (Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k])) {
                return String.format(Locale.ROOT, "parameter %d is %s vs %s (%d of %d differ)", k, a[k], b[k],
                        countDifferences(a, b), a.length);
            }
        }
        return null;
    }

    private static int countDifferences(double[] a, double[] b) {
        int n = 0;
        for (int k = 0; k < a.length; k++) {
            n += Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k]) ? 1 : 0;
        }
        return n;
    }
}

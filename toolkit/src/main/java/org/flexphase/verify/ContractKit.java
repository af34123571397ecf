package org.flexphase.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.Presentation;
import org.flexphase.learning.ContrastiveSystem;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.PhaseProcess;

/**
 * Runs the contract of temporally local contrastive learning over any {@link ContrastiveSystem}: the production loop
 * ({@link org.flexphase.learning.LocalLearning}) against a reference mean update, reproducibility, checkpoint and
 * restore, the NaN/Inf stop, the order of the bias in the switching probability, and the invariants after every
 * update (finite, in the box, counters, rate = schedule). Each check states its
 * false-failure rate on a correct system: 0 for the exact ones (b, c, d, f), at most {@code falseFailureRate}
 * (default 1e-4) for the statistical ones (a, e) under the normal approximation of batch means.
 *
 * <pre>{@code
 * ContractReport report = ContractKit.forSystem(() -> newRbm())
 *         .phases(GeometricPhaseProcess.of(0.5, 0.05))
 *         .presentation(rbm -> new ClampOrSample(rbm, rows))
 *         .copyState(BoltzmannState::copy)
 *         .reference((rbm, phases) -> ExactAnalysis.gradient(rbm, data))
 *         .expectNoBias(0.2, 0.05)
 *         .seed(7)
 *         .check();
 * report.assertPassed();                   // a ContractViolation naming every failed check, value, tolerance, seed
 * }</pre>
 *
 * <p>The factory must return a new system with the same initial parameters at every call: the checks compare runs of
 * separate instances. The presentation is built per system instance (it may read the system, e.g. to draw an
 * equilibrium sample) and must take its random numbers from the generator it is given.
 */
public final class ContractKit {
    private ContractKit() {
    }

    /** Starts a contract for the systems {@code factory} makes. */
    public static <S, C extends ContrastiveSystem<S>> Builder<S, C> forSystem(Supplier<? extends C> factory) {
        return new Builder<>(Objects.requireNonNull(factory, "factory"));
    }

    /**
     * The settings of one contract run; every setting has a default except the phases, the presentation and the state
     * copy. Sizes: batch means of {@code batches x batchSteps} steps after a burn-in, learning runs of
     * {@code replaySteps} steps.
     */
    public static final class Builder<S, C extends ContrastiveSystem<S>> {
        private final Supplier<? extends C> factory;
        private String name;
        private PhaseProcess phases;
        private Function<? super C, ? extends Presentation<S>> presentation;
        private UnaryOperator<S> copyState;
        private MeanUpdate<? super C> reference;
        private Settings.Paired paired = new Settings.Paired(200, 200, 200);
        private double scale = 1;
        private long seed = 1;
        private double rate = 1e-4;
        private int batches = 40;
        private long batchSteps = 5_000;
        private long burnIn = 5_000;
        private double learningRate = 1e-3;
        private long replaySteps = 1_000;
        private Settings.BiasExpectation bias = Settings.BiasExpectation.NONE;
        private double[] switching = {};
        private DoubleFunction<PhaseProcess> switchingProcess;
        private int biasRuns = 20;
        private double biasSwitches = 100;
        private double slopeBand = 0.25;
        private EnumSet<Check> checks = EnumSet.allOf(Check.class);
        private LearningRateSchedule schedule;
        private Function<? super C, double[][]> box;
        private long invariantSteps = 1_000;

        private Builder(Supplier<? extends C> factory) {
            this.factory = factory;
        }

        /** A name for reports (default: the system's class). */
        public Builder<S, C> name(String name) {
            this.name = name;
            return this;
        }

        /** The phase process of checks (a) to (d); copied (fresh state) for every run. */
        public Builder<S, C> phases(PhaseProcess phases) {
            this.phases = phases;
            return this;
        }

        /** What the world does before each step, built for each new system instance. */
        public Builder<S, C> presentation(Function<? super C, ? extends Presentation<S>> presentation) {
            this.presentation = presentation;
            return this;
        }

        /** A deep copy of a state: what a checkpoint stores (check c). */
        public Builder<S, C> copyState(UnaryOperator<S> copyState) {
            this.copyState = copyState;
            return this;
        }

        /** The exact mean update of the local rule (check a); without it the paired estimator is the reference. */
        public Builder<S, C> reference(MeanUpdate<? super C> reference) {
            this.reference = reference;
            return this;
        }

        /**
         * The paired estimator's budget: {@code blocks} blocks per phase, each beginning the phase, relaxing
         * {@code relaxSteps} uncounted steps and averaging phi over {@code measureSteps} (default 200 x (200 + 200)).
         * It is the reference of (a) when no exact {@link #reference} is given (valid when every step relaxes its
         * phase fully: equilibrated phases), and gives the phase means that {@link #expectLinearBias} subtracts.
         */
        public Builder<S, C> pairedEstimator(int blocks, long relaxSteps, long measureSteps) {
            this.paired = new Settings.Paired(blocks, relaxSteps, measureSteps);
            return this;
        }

        /** The family's normalisation of the increments ({@link org.flexphase.learning.LocalLearning#scale}). */
        public Builder<S, C> scale(double scale) {
            this.scale = scale;
            return this;
        }

        /** The seed every check derives its generators from; printed with every result. */
        public Builder<S, C> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The false-failure probability each statistical check may spend (default 1e-4). */
        public Builder<S, C> falseFailureRate(double rate) {
            this.rate = rate;
            return this;
        }

        /** Batch means for (a): {@code count} batches of {@code steps} steps (default 40 x 5,000). */
        public Builder<S, C> batches(int count, long steps) {
            this.batches = count;
            this.batchSteps = steps;
            return this;
        }

        /** Steps run before the batches of (a), not counted (default 5,000). */
        public Builder<S, C> burnIn(long steps) {
            this.burnIn = steps;
            return this;
        }

        /** The constant learning rate of the learning runs of (b), (c), (d) (default 1e-3). */
        public Builder<S, C> learningRate(double eta) {
            this.learningRate = eta;
            return this;
        }

        /** Steps of each learning run of (b), (c), (d) (default 1,000; (c) runs twice as many). */
        public Builder<S, C> replaySteps(long steps) {
            this.replaySteps = steps;
            return this;
        }

        /**
         * (e) for persistent deterministic dynamics: the bias against the paired estimate is O(p); measured at the
         * switching probabilities {@code ps} (e.g. 0.04, 0.02, 0.01), the log-log slope must be within the band of 1.
         */
        public Builder<S, C> expectLinearBias(double... ps) {
            this.bias = Settings.BiasExpectation.LINEAR;
            this.switching = ps.clone();
            return this;
        }

        /** (e) for a local estimator that is unbiased: check (a) again at each switching probability in {@code ps}. */
        public Builder<S, C> expectNoBias(double... ps) {
            this.bias = Settings.BiasExpectation.NONE;
            this.switching = ps.clone();
            return this;
        }

        /** The process at switching probability p for (e) (default: geometric with the phases' b). */
        public Builder<S, C> switching(DoubleFunction<PhaseProcess> processAt) {
            this.switchingProcess = processAt;
            return this;
        }

        /** (e)'s budget: {@code runs} independent runs of {@code switches / p} steps, and the slope band (0.25). */
        public Builder<S, C> biasBudget(int runs, double switches, double slopeBand) {
            this.biasRuns = runs;
            this.biasSwitches = switches;
            this.slopeBand = slopeBand;
            return this;
        }

        /**
         * (f)'s schedule (default Robbins-Monro {@code eta0 = learningRate, tau = invariantSteps / 10, kappa = 0.7}):
         * it must change from step to step, or a rate read at the wrong counter looks right.
         */
        public Builder<S, C> schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * The box the system keeps its parameters in ({@link ContrastiveSystem#parametersChanged()} projects onto it):
         * {@code {lower, upper}}, one bound per parameter (infinite where unbounded), read from each new system. (f)
         * checks every parameter against it after every update, and fails if no parameter ever reaches a bound (a
         * box that never binds checks nothing: raise (f)'s rate or tighten the box).
         */
        public Builder<S, C> box(Function<? super C, double[][]> box) {
            this.box = Objects.requireNonNull(box, "box");
            return this;
        }

        /** Updates of (f)'s learning run (default 1,000), each checked. */
        public Builder<S, C> invariantSteps(long steps) {
            this.invariantSteps = steps;
            return this;
        }

        /** Runs only these checks (default: all). */
        public Builder<S, C> only(Check first, Check... rest) {
            this.checks = EnumSet.of(first, rest);
            return this;
        }

        /** Validates the settings and runs the checks; failures are in the report, never thrown. */
        public ContractReport check() {
            Settings<S, C> s = build();
            List<CheckResult> results = new ArrayList<>();
            for (Check c : s.checks()) {
                try {
                    results.add(switch (c) {
                        case MEAN_UPDATE -> MeanUpdateCheck.run(s, s.phases(), s.seed(), s.rate(), Check.MEAN_UPDATE);
                        case SAME_SEED_SAME_BITS -> ReplayChecks.sameSeedSameBits(s);
                        case CHECKPOINT_RESTORE -> ReplayChecks.checkpointRestore(s);
                        case NON_FINITE_STOP -> ReplayChecks.nonFiniteStop(s);
                        case BIAS_ORDER -> BiasOrderCheck.run(s);
                        case AFTER_EVERY_UPDATE -> UpdateInvariantCheck.run(s);
                    });
                } catch (RuntimeException e) {
                    // a system that throws under the contract fails that check; the others still run
                    results.add(CheckResult.fail(c, "threw " + e, "no exception", "-", 0, s.seed(), ""));
                }
            }
            return new ContractReport(s.name(), s.seed(), results);
        }

        private Settings<S, C> build() {
            if (phases == null || presentation == null || copyState == null) {
                throw new IllegalStateException("phases, presentation and copyState must be set: " + phases + ", "
                        + presentation + ", " + copyState);
            }
            if (!(rate > 0 && rate < 1)) {
                throw new IllegalArgumentException("false-failure rate must be in (0, 1): " + rate);
            }
            if (batches < 10) {
                throw new IllegalArgumentException("batches must be at least 10 for a batch-means error: " + batches);
            }
            // Batch means are nearly independent only if a batch spans many phases: 20 mean phase lengths at least.
            if (batchSteps < 20 * phases.meanPhaseLength()) {
                throw new IllegalArgumentException("batch steps must be at least 20 mean phase lengths ("
                        + 20 * phases.meanPhaseLength() + " for " + phases.describe() + "): " + batchSteps
                        + "; use longer batches");
            }
            if (checks.contains(Check.BIAS_ORDER) && switching.length < (bias == Settings.BiasExpectation.LINEAR ? 2 : 1)) {
                throw new IllegalStateException("bias-order needs switching probabilities: call expectLinearBias(ps) "
                        + "(at least two) or expectNoBias(ps), or leave the check out with only(...)");
            }
            if (invariantSteps < 2) {
                throw new IllegalArgumentException("invariant steps must be at least 2: " + invariantSteps);
            }
            LearningRateSchedule eta = schedule != null ? schedule
                    : LearningRateSchedule.robbinsMonro(learningRate, Math.max(1, invariantSteps / 10.0), 0.7);
            DoubleFunction<PhaseProcess> at = switchingProcess != null ? switchingProcess
                    : p -> GeometricPhaseProcess.of(phases.positiveProbability(), p);
            String label = name != null ? name : factory.get().getClass().getSimpleName();
            return new Settings<>(label, factory, phases, presentation, copyState, reference, paired, scale, seed,
                    rate, batches, batchSteps, burnIn, learningRate, replaySteps, bias, switching, at, biasRuns,
                    biasSwitches, slopeBand, checks, eta, box, invariantSteps);
        }
    }
}

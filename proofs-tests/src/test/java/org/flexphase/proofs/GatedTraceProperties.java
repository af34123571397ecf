package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.TDistribution;
import org.flexphase.circuits.CircuitState;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.FlexiblePhaseMoments;
import org.flexphase.circuits.Relaxation;
import org.flexphase.hopfield.EquilibriumPropagation;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.HopfieldState;
import org.flexphase.hopfield.TraceMoments;
import org.flexphase.learning.ExamplePresentation;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * G1-G6 (docs/theory.md section 5.3): the phase-gated trace. The trace takes in the state of free steps only (held
 * through nudged ones), the statistic is centred on it, and either both phases learn ({@code FREE_ONLY}) or only the
 * nudged ones ({@code FREE_ONLY_NUDGED_TERM}). Exact mean updates from {@link TraceMoments} (EP, equilibrated phases)
 * and {@link FlexiblePhaseMoments#meanUpdateWithTrace} (coupled learning, persistent linear relaxation); bridges through
 * the production loop ({@link LocalLearning#sumIncrements}) at frozen parameters.
 */
class GatedTraceProperties {
    static final TraceGate[] GATED = {TraceGate.FREE_ONLY, TraceGate.FREE_ONLY_NUDGED_TERM};

    /**
     * A T12 case (network with strictly convex F, 1-4 examples, b, p) with a redraw probability q, trace tau, gate,
     * hold condition and phase-age condition ({@code settleNudged}, {@code settleFree}; 0, 0: none).
     */
    record EpCase(FlexiblePhaseEpProperties.Case c, double q, double tau, int gate, int hold, int settleNudged,
                  int settleFree, boolean commit) {
        EpCase(FlexiblePhaseEpProperties.Case c, double q, double tau, int gate, int hold) {
            this(c, q, tau, gate, hold, 0, 0, false);
        }

        /** This case with the nudged-term rule applied at the end of each nudged phase. */
        EpCase committed() {
            return new EpCase(c, q, tau, TraceGate.FREE_ONLY_NUDGED_TERM.ordinal(), hold, settleNudged, settleFree,
                    true);
        }

        /**
         * This case with switching probability {@code p} and a phase-age condition, on a gated trace (the ungated
         * gate becomes the nudged-term rule).
         */
        EpCase settled(double p, int nudged, int free) {
            FlexiblePhaseEpProperties.Case switched = new FlexiblePhaseEpProperties.Case(c.net(), c.inputs(),
                    c.targets(), c.b(), p, c.presentation(), c.seed());
            return new EpCase(switched, q, tau, gate == 0 ? TraceGate.FREE_ONLY_NUDGED_TERM.ordinal() : gate, hold,
                    nudged, free, false);
        }

        EquilibriumPropagation system(double beta) {
            EquilibriumPropagation sys = EquilibriumPropagation.of(c.net().network(),
                            EquilibriumPropagation.Nudge.ONE_SIDED, beta)
                    .withSweepsPerStep(FlexiblePhaseEpProperties.TO_FIXED_POINT)
                    .withTrace(tau, TraceGate.values()[gate], hold);
            sys = settleNudged + settleFree == 0 ? sys : sys.withPhaseSettle(settleNudged, settleFree);
            return commit ? sys.withCommitAtSwitch(true) : sys;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s q=%.3f tau=%.2f gate=%s hold=%d settle=%d/%d%s", c, q, tau,
                    TraceGate.values()[gate].key(), hold, settleNudged, settleFree, commit ? " commit-at-switch" : "");
        }
    }

    static final Gen<EpCase> EP_CASES = FlexiblePhaseEpProperties.CASES.zip(doubles().between(0.05, 0.3),
            doubles().between(1, 6), integers().between(0, 2), integers().between(0, 2), EpCase::new);

    /**
     * {@link #EP_CASES} on a gated trace with a phase-age condition (each settling count 0-2, not both 0) and fast
     * switching (p in [0.3, 0.7]), where the condition drops a large share of the nudged steps.
     */
    static final Gen<EpCase> SETTLED_CASES = EP_CASES.zip(doubles().between(0.3, 0.7), integers().between(0, 2),
            integers().between(0, 2), (e, p, n, f) -> e.settled(p, n + f == 0 ? 1 : n, f));

    static boolean small(EpCase e) {
        return e.c().net().network().parameterCount() <= 60 && FlexiblePhaseEpProperties.convexForAll(e.c());
    }

    static Examples one(FlexiblePhaseEpProperties.Case c) {
        return new Examples(new double[][]{c.inputs()[0]}, new double[][]{c.targets()[0]}, new int[1]);
    }

    /**
     * G1: with one example and equilibrated phases the gated trace holds exactly the free fixed point, so both gated
     * rules' exact mean update is the paired EP estimator {@code (phi(s^beta) - phi(s^0)) / beta}, for every b, p and
     * tau; the ungated trace's is not (it takes in {@code s^beta} too).
     */
    @Test
    void gatedTraceMeanIsThePairedEstimatorForOneExample() {
        double beta = 0.5;
        double[] ungatedGap = {0};
        Proofs.qt(30).forAll(EP_CASES).assuming(GatedTraceProperties::small).checkAssert(e -> {
            Examples ex = one(e.c());
            EquilibriumPropagation base = EquilibriumPropagation.of(e.c().net().network(),
                    EquilibriumPropagation.Nudge.ONE_SIDED, beta);
            double[] u = TraceMoments.pairedUpdate(base, ex);
            double tol = 1e-8 * (1 + Averages.maxAbs(u));
            for (TraceGate gate : GATED) {
                double[] h = TraceMoments.meanUpdate(base.withTrace(e.tau(), gate, 0), ex, e.c().b(), e.c().p(),
                        e.q());
                double d = FlexiblePhaseMomentProperties.maxDiff(h, u);
                assertTrue(d <= tol, gate.key() + ": mean update " + Generators.fmt(h) + " differs from the paired "
                        + "estimator " + Generators.fmt(u) + " by " + d + " at " + e);
            }
            double[] a = TraceMoments.meanUpdate(base.withTrace(e.tau(), TraceGate.ALWAYS, 0), ex, e.c().b(),
                    e.c().p(), e.q());
            ungatedGap[0] = Math.max(ungatedGap[0],
                    FlexiblePhaseMomentProperties.maxDiff(a, u) / (1 + Averages.maxAbs(u)));
        });
        assertTrue(ungatedGap[0] > 1e-4, "the ungated trace was never told apart from the paired estimator: "
                + ungatedGap[0]);
    }

    /**
     * G2: with several examples the gated trace is stale after an example changes until it has taken in the new free
     * state, so the bias against the paired estimator is O(q): it halves when q halves (ratio in [1.8, 2.2] from
     * q = 0.002 to 0.001) for both gated rules, at fixed b, p and tau.
     */
    @Test
    void gatedTraceBiasIsOrderTheExampleChangeRate() {
        double beta = 0.5;
        double[] qs = {0.002, 0.001};
        Proofs.qt(20).forAll(EP_CASES).assuming(e -> small(e) && e.c().inputs().length >= 2).checkAssert(e -> {
            Examples ex = e.c().examples();
            EquilibriumPropagation base = EquilibriumPropagation.of(e.c().net().network(),
                    EquilibriumPropagation.Nudge.ONE_SIDED, beta);
            double[] u = TraceMoments.pairedUpdate(base, ex);
            for (TraceGate gate : GATED) {
                double[] bias = new double[qs.length];
                for (int i = 0; i < qs.length; i++) {
                    bias[i] = FlexiblePhaseMomentProperties.maxDiff(TraceMoments.meanUpdate(
                            base.withTrace(e.tau(), gate, 0), ex, e.c().b(), e.c().p(), qs[i]), u);
                }
                if (bias[1] <= 1e-9 * (1 + Averages.maxAbs(u))) {
                    continue;   // examples with equal fixed points: nothing goes stale
                }
                double ratio = bias[0] / bias[1];
                assertTrue(ratio >= 1.8 && ratio <= 2.2, gate.key() + ": bias ratio " + ratio + " when q halves, "
                        + "biases " + Generators.fmt(bias) + " at " + e);
            }
        });
    }

    /**
     * G2b: a sample-and-hold (tau = 1) that learns only once the hold is valid (at least one free step of the current
     * example run, {@code hold >= 1}) has exactly the paired estimator's direction with equilibrated phases: its mean
     * update is {@code kappa u}, {@code kappa = P(hold valid | +)} in (0, 1], for every q.
     */
    @Test
    void validSampleAndHoldIsThePairedEstimatorScaled() {
        double beta = 0.5;
        Proofs.qt(20).forAll(EP_CASES).assuming(e -> small(e) && e.c().inputs().length >= 2).checkAssert(e -> {
            Examples ex = e.c().examples();
            EquilibriumPropagation base = EquilibriumPropagation.of(e.c().net().network(),
                    EquilibriumPropagation.Nudge.ONE_SIDED, beta);
            double[] u = TraceMoments.pairedUpdate(base, ex);
            double[] h = TraceMoments.meanUpdate(base.withTrace(1, TraceGate.FREE_ONLY_NUDGED_TERM,
                    Math.max(1, e.hold())), ex, e.c().b(), e.c().p(), e.q());
            double uu = 0;
            double hu = 0;
            for (int k = 0; k < u.length; k++) {
                uu += u[k] * u[k];
                hu += h[k] * u[k];
            }
            if (uu < 1e-20) {
                return;
            }
            double kappa = hu / uu;
            double off = 0;
            for (int k = 0; k < u.length; k++) {
                off = Math.max(off, Math.abs(h[k] - kappa * u[k]));
            }
            assertTrue(kappa > 0 && kappa <= 1 + 1e-9, "kappa " + kappa + " at " + e);
            assertTrue(off <= 1e-8 * (1 + Averages.maxAbs(u)), "mean update leaves the paired direction by " + off
                    + ": " + Generators.fmt(h) + " against kappa = " + kappa + " times " + Generators.fmt(u) + " at " + e);
        });
    }

    /**
     * G2c: the phase-age condition with a valid sample-and-hold (tau = 1, hold >= 1) and equilibrated phases: it only
     * drops nudged steps, so the exact mean update is still {@code kappa' u}, with {@code 0 < kappa' <= kappa} (the
     * hold condition's alone), strictly below it when nudged steps of age 0 are dropped ({@code settleNudged >= 1}).
     */
    @Test
    void settledSampleAndHoldIsThePairedEstimatorScaledDown() {
        double beta = 0.5;
        Proofs.qt(20).forAll(SETTLED_CASES).assuming(e -> small(e) && e.c().inputs().length >= 2).checkAssert(e -> {
            Examples ex = e.c().examples();
            EquilibriumPropagation held = EquilibriumPropagation.of(e.c().net().network(),
                    EquilibriumPropagation.Nudge.ONE_SIDED, beta).withTrace(1, TraceGate.FREE_ONLY_NUDGED_TERM,
                    Math.max(1, e.hold()));
            double[] u = TraceMoments.pairedUpdate(held, ex);
            double[] h0 = TraceMoments.meanUpdate(held, ex, e.c().b(), e.c().p(), e.q());
            double[] h = TraceMoments.meanUpdate(held.withPhaseSettle(e.settleNudged(), e.settleFree()), ex,
                    e.c().b(), e.c().p(), e.q());
            double uu = 0;
            double hu = 0;
            double h0u = 0;
            for (int k = 0; k < u.length; k++) {
                uu += u[k] * u[k];
                hu += h[k] * u[k];
                h0u += h0[k] * u[k];
            }
            if (uu < 1e-20) {
                return;
            }
            double kappa = hu / uu;
            double kappa0 = h0u / uu;
            double off = 0;
            for (int k = 0; k < u.length; k++) {
                off = Math.max(off, Math.abs(h[k] - kappa * u[k]));
            }
            assertTrue(off <= 1e-8 * (1 + Averages.maxAbs(u)), "mean update leaves the paired direction by " + off
                    + ": " + Generators.fmt(h) + " against kappa = " + kappa + " times " + Generators.fmt(u) + " at " + e);
            double ceiling = e.settleNudged() >= 1 ? kappa0 * (1 - 1e-6) : kappa0 * (1 + 1e-9);
            assertTrue(kappa > 0 && kappa <= ceiling, "kappa " + kappa + " against the hold condition's " + kappa0
                    + " at " + e);
        });
    }

    /** A small linear network (6 nodes, one or two examples) with relaxation, b, r, p, q, tau and a gate. */
    record CircuitCase(Circuit circuit, Relaxation.Kind kind, double b, double rate, double p, double q, double tau,
                       int gate, int seed) {
        CoupledLearning system() {
            return new CoupledLearning(circuit.net(), circuit.task(), 0.5, kind, rate)
                    .withTrace(tau, TraceGate.values()[gate]);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s b=%.3f r=%.3f p=%.3f q=%.3f tau=%.2f gate=%s seed=%d %s",
                    kind.key(), b, rate, p, q, tau, TraceGate.values()[gate].key(), seed, circuit);
        }
    }

    static Gen<CircuitCase> circuitCases(int maxExamples) {
        return CircuitGenerators.circuits(6, 6, maxExamples).zip(doubles().between(0.3, 0.7),
                doubles().between(0.3, 0.9), doubles().between(0.05, 0.3), (c, b, r, p) -> new Object[]{c, b, r, p})
                .zip(doubles().between(0.02, 0.2), doubles().between(1, 6), integers().between(0, 2),
                        (o, q, tau, gate) -> new Object[]{o[0], o[1], o[2], o[3], q, tau, gate})
                .zip(Generate.pick(java.util.List.of(Relaxation.Kind.UNIFORM,
                        Relaxation.Kind.JACOBI)), integers().between(1, 1_000_000),
                        (o, kind, seed) -> new CircuitCase((Circuit) o[0], kind, (Double) o[1], (Double) o[2],
                                (Double) o[3], (Double) o[4], (Double) o[5], (Integer) o[6], seed));
    }

    /**
     * G3: coupled learning with persistent relaxation, one example: the gated rules' bias against the two-phase rule
     * comes from the transients after switches (relaxation, and the trace taking in relaxing states), so it is O(p):
     * it halves when p halves (ratio in [1.8, 2.2] from p = 0.005 to 0.0025).
     */
    @Test
    void gatedCoupledLearningBiasIsOrderSwitchingOverRelaxation() {
        double[] ps = {0.005, 0.0025};
        Proofs.qt(12).forAll(circuitCases(1)).checkAssert(c -> {
            CoupledLearning plain = new CoupledLearning(c.circuit().net(), c.circuit().task(), 0.5, c.kind(),
                    c.rate());
            double[] u = plain.twoPhaseUpdate();
            for (TraceGate gate : GATED) {
                double[] bias = new double[ps.length];
                for (int i = 0; i < ps.length; i++) {
                    bias[i] = FlexiblePhaseMomentProperties.maxDiff(FlexiblePhaseMoments.meanUpdateWithTrace(
                            plain.withTrace(c.tau(), gate), c.b(), ps[i], c.q()), u);
                }
                if (bias[1] <= 1e-9 * (1 + Averages.maxAbs(u))) {
                    continue;
                }
                double ratio = bias[0] / bias[1];
                assertTrue(ratio >= 1.8 && ratio <= 2.2, gate.key() + ": bias ratio " + ratio + " when p halves, "
                        + "biases " + Generators.fmt(bias) + " at " + c);
            }
        });
    }

    /**
     * G6: in coupled learning the gated baseline {@code -1/2 (Delta r)^2} does not depend on the current example, and
     * with geometric (memoryless) switching every value the trace takes after a free step is used by exactly one later
     * free step and, on average, by {@code b/(1-b)} nudged steps, independently of its value. So the gated baseline's
     * two weighted terms cancel exactly: the {@code FREE_ONLY} rule (any tau) and the sample-and-hold nudged-term rule
     * ({@code tau = 1}) have exactly the plain flexible rule's mean update (T16), for every b, p, q and relaxation.
     */
    @Test
    void gatedPotentialTraceIsAnExactControlVariate() {
        Proofs.qt(12).forAll(circuitCases(2)).checkAssert(c -> {
            CoupledLearning plain = new CoupledLearning(c.circuit().net(), c.circuit().task(), 0.5, c.kind(),
                    c.rate());
            double[] h = FlexiblePhaseMoments.meanUpdate(plain, c.b(), c.p(), c.q());
            double tol = 1e-9 * (1 + Averages.maxAbs(h));
            double[] both = FlexiblePhaseMoments.meanUpdateWithTrace(plain.withTrace(c.tau(), TraceGate.FREE_ONLY),
                    c.b(), c.p(), c.q());
            double[] held = FlexiblePhaseMoments.meanUpdateWithTrace(plain.withTrace(1,
                    TraceGate.FREE_ONLY_NUDGED_TERM), c.b(), c.p(), c.q());
            assertTrue(FlexiblePhaseMomentProperties.maxDiff(both, h) <= tol, "free-only: " + Generators.fmt(both)
                    + " against the plain rule's " + Generators.fmt(h) + " at " + c);
            assertTrue(FlexiblePhaseMomentProperties.maxDiff(held, h) <= tol, "sample-and-hold nudged term: "
                    + Generators.fmt(held) + " against the plain rule's " + Generators.fmt(h) + " at " + c);
        });
    }

    static final int EP_BRIDGE_CASES = 6;
    static final int RUNS = 12;

    /**
     * G4: the production loop with the gated (or ungated) trace and the hold condition, at frozen parameters and
     * equilibrated phases, averages to {@link TraceMoments#meanUpdate}: R = 12 independent runs (after a burn-in), every
     * coordinate within a Student-t bound (11 degrees of freedom, Bonferroni over cases x 60 coordinates at the 1e-6
     * run budget).
     */
    @Test
    void epLoopWithTraceAveragesToTheExactMeanUpdate() {
        double beta = 0.5;
        double t = new TDistribution(RUNS - 1).inverseCumulativeProbability(1 - Tolerances.RUN_BUDGET
                / (2.0 * EP_BRIDGE_CASES * 60));
        Proofs.qtSimulation(EP_BRIDGE_CASES, 3).forAll(EP_CASES).assuming(GatedTraceProperties::small)
                .checkAssert(e -> bridge(e, beta, t, 1_500));
    }

    /**
     * G4b: as G4, with a phase-age condition on a gated trace: the production loop's phase ages (consecutive steps of a
     * phase type) and the last free step's age decide which nudged steps learn as {@link TraceMoments#meanUpdate}'s
     * chain says. Runs of 12,000 steps: the condition changes the mean by a factor (the share of nudged steps
     * kept), which 1,500 steps do not resolve at this bound.
     */
    @Test
    void epLoopWithPhaseSettleAveragesToTheExactMeanUpdate() {
        double beta = 0.5;
        double t = new TDistribution(RUNS - 1).inverseCumulativeProbability(1 - Tolerances.RUN_BUDGET
                / (2.0 * EP_BRIDGE_CASES * 60));
        Proofs.qtSimulation(EP_BRIDGE_CASES, 3).forAll(SETTLED_CASES).assuming(GatedTraceProperties::small)
                .checkAssert(e -> bridge(e, beta, t, 12_000));
    }

    /**
     * G4c: the commit-at-switch rule (nudged steps' increments summed and applied to the last nudged state when the
     * next free step starts or a new example is shown), with or without a phase-age condition: with equilibrated
     * phases every increment is applied unchanged, so the production loop averages to the per-step rule's exact mean
     * ({@link TraceMoments#meanUpdate}).
     */
    @Test
    void epLoopCommittingAtTheSwitchAveragesToTheExactMeanUpdate() {
        double beta = 0.5;
        double t = new TDistribution(RUNS - 1).inverseCumulativeProbability(1 - Tolerances.RUN_BUDGET
                / (2.0 * EP_BRIDGE_CASES * 60));
        Proofs.qtSimulation(EP_BRIDGE_CASES, 3).forAll(SETTLED_CASES.zip(integers().between(0, 1),
                        (e, plain) -> plain == 1 ? e.settled(e.c().p(), 0, 0).committed() : e.committed()))
                .assuming(GatedTraceProperties::small).checkAssert(e -> bridge(e, beta, t, 12_000));
    }

    static void bridge(EpCase e, double beta, double t, long steps) {
        long burn = 300;
        EquilibriumPropagation sys = e.system(beta);
        Examples ex = e.c().examples();
        double[] exact = TraceMoments.meanUpdate(sys, ex, e.c().b(), e.c().p(), e.q());
        double[][] means = new double[RUNS][];
        for (int r = 0; r < RUNS; r++) {
            LocalLearning<HopfieldState> learning = new LocalLearning<>(sys,
                    ExamplePresentation.redrawnWithProbability(ex.count(), e.q(),
                            (st, k) -> st.show(ex.inputs()[k], ex.targets()[k], -1)),
                    GeometricPhaseProcess.of(e.c().b(), e.c().p())).scale(sys.scale());
            RandomGenerator rng = Rngs.create(e.c().seed() + r);
            HopfieldState state = sys.newState();
            learning.sumIncrements(state, burn, rng, new double[exact.length]);
            double[] sum = new double[exact.length];
            learning.sumIncrements(state, steps, rng, sum);
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= steps;
            }
            means[r] = sum;
        }
        checkMeans(means, exact, t, e.toString());
    }

    static void checkMeans(double[][] means, double[] exact, double t, String where) {
        int runs = means.length;
        for (int k = 0; k < exact.length; k++) {
            double m = 0;
            for (double[] run : means) {
                m += run[k] / runs;
            }
            double v = 0;
            for (double[] run : means) {
                v += (run[k] - m) * (run[k] - m) / (runs - 1);
            }
            double bound = t * Math.sqrt(v / runs) + 1e-9 * (1 + Math.abs(exact[k]));
            assertTrue(Math.abs(m - exact[k]) <= bound, String.format(Locale.ROOT,
                    "coordinate %d: loop mean %.6g, exact %.6g, bound %.3g (t = %.2f) at %s", k, m, exact[k], bound,
                    t, where));
        }
    }

    static final int CL_BRIDGE_CASES = 8;
    static final int BATCHES = 30;
    static final long BATCH = 10_000;

    /**
     * G5: the production coupled-learning loop with a potential trace (any gate) averages to
     * {@link FlexiblePhaseMoments#meanUpdateWithTrace}: 30 consecutive batch means of one run after a burn-in, every
     * edge within a Student-t bound (29 degrees of freedom, Bonferroni over cases x 30 edges at the 1e-6 budget).
     */
    @Test
    void coupledLearningLoopWithTraceAveragesToTheExactMeanUpdate() {
        double t = new TDistribution(BATCHES - 1).inverseCumulativeProbability(1 - Tolerances.RUN_BUDGET
                / (2.0 * CL_BRIDGE_CASES * 30));
        Proofs.qtSimulation(CL_BRIDGE_CASES, 3).forAll(circuitCases(2)).checkAssert(c -> {
            CoupledLearning sys = c.system();
            double[] exact = FlexiblePhaseMoments.meanUpdateWithTrace(sys, c.b(), c.p(), c.q());
            LocalLearning<CircuitState> learning = new LocalLearning<>(sys, CouplingTrainer.presentation(sys, c.q()),
                    GeometricPhaseProcess.of(c.b(), c.p())).scale(1 / sys.nudge());
            RandomGenerator rng = Rngs.create(c.seed());
            CircuitState state = sys.newState();
            learning.sumIncrements(state, 5_000, rng, new double[exact.length]);
            double[][] means = new double[BATCHES][];
            for (int k = 0; k < BATCHES; k++) {
                double[] batch = new double[exact.length];
                learning.sumIncrements(state, BATCH, rng, batch);
                for (int e = 0; e < batch.length; e++) {
                    batch[e] /= BATCH;
                }
                means[k] = batch;
            }
            checkMeans(means, exact, t, c.toString());
        });
    }
}

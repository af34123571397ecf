package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.HopfieldState;
import org.flexphase.learning.LearningLoop;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * T12 and T13 (docs/theory.md section 5.1): flexible-phase Equilibrium Propagation, measured through the production
 * trainer's LOCAL mode at frozen parameters ({@link EquilibriumPropagationTrainer#sumIncrements}), against the standard
 * EP estimator at exact fixed points.
 */
class FlexiblePhaseEpProperties {
    /**
     * Relaxation sweeps that take a small network with strictly convex F to its fixed point; checked on every instance
     * (another 100 sweeps move no unit by 1e-12).
     */
    static final int TO_FIXED_POINT = 100;

    /** A T11-style network, one to four examples, the phase probability b, switching p and a presentation law. */
    record Case(GradientTheoremProperties.Case net, double[][] inputs, double[][] targets, double b, double p,
                int presentation, long seed) {
        Examples examples() {
            return new Examples(inputs, targets, new int[inputs.length]);
        }

        /** Fixed lengths 1..4 (presentation > 0) or geometric with mean 3 (presentation = 0). */
        LengthLaw law() {
            return presentation > 0 ? LengthLaws.fixed(presentation) : LengthLaws.geometric(1.0 / 3);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s examples=%d b=%.3f p=%.3f presentation=%s seed=%d", net,
                    inputs.length, b, p, law().describe(), seed);
        }
    }

    static final Gen<Case> CASES = GradientTheoremProperties.CASES.flatMap(net -> {
        int in = net.x().length;
        int out = net.t().length;
        Gen<double[][]> rows = lists().of(lists().of(doubles().between(0, 1)).ofSize(in)).ofSize(3)
                .map(l -> l.stream().map(Generators::toArray).toArray(double[][]::new));
        Gen<double[][]> targets = lists().of(lists().of(doubles().between(0, 1)).ofSize(out)).ofSize(3)
                .map(l -> l.stream().map(Generators::toArray).toArray(double[][]::new));
        return integers().between(1, 4).zip(rows, targets, (k, x, t) -> new Object[]{k, x, t})
                .zip(doubles().between(0.2, 0.8), doubles().between(0.05, 0.5), integers().between(0, 4),
                        integers().between(1, 1_000_000), (o, b, p, law, seed) -> {
                            int k = (Integer) o[0];
                            double[][] x = new double[k][];
                            double[][] t = new double[k][];
                            x[0] = net.x();
                            t[0] = net.t();
                            for (int i = 1; i < k; i++) {
                                x[i] = ((double[][]) o[1])[i - 1];
                                t[i] = ((double[][]) o[2])[i - 1];
                            }
                            return new Case(net, x, t, b, p, law, seed);
                        });
    });

    /** phi at the fixed point of the total energy with this nudge for example k, relaxed from rest. */
    static double[] statisticAtFixedPoint(HopfieldNetwork net, double[] x, double[] t, double beta) {
        HopfieldState state = net.newState();
        state.show(x, t, -1);
        for (int s = 0; s < TO_FIXED_POINT; s++) {
            net.sweep(state, beta, false);
        }
        double[] reached = state.flatActivations();
        for (int s = 0; s < TO_FIXED_POINT; s++) {
            net.sweep(state, beta, false);
        }
        double[] further = state.flatActivations();
        for (int i = 0; i < reached.length; i++) {
            assertTrue(Math.abs(reached[i] - further[i]) < 1e-12, "not at a fixed point after " + TO_FIXED_POINT
                    + " sweeps: unit " + i + " moved from " + reached[i] + " to " + further[i]);
        }
        double[] phi = new double[net.parameterCount()];
        net.addStatistic(state, 1.0, phi);
        return phi;
    }

    /** The standard EP estimator's expectation over equally frequent examples, (1/beta) E_k[phi(s^beta) - phi(s^0)]. */
    static double[] standardEstimatorMean(HopfieldNetwork net, double[][] inputs, double[][] targets, double beta) {
        double[] mean = new double[net.parameterCount()];
        for (int k = 0; k < inputs.length; k++) {
            double[] nudged = statisticAtFixedPoint(net, inputs[k], targets[k], beta);
            double[] free = statisticAtFixedPoint(net, inputs[k], targets[k], 0);
            for (int q = 0; q < mean.length; q++) {
                mean[q] += (nudged[q] - free[q]) / (beta * inputs.length);
            }
        }
        return mean;
    }

    /**
     * The production trainer in LOCAL mode, one free and one nudged sweep per example in the settings, examples
     * presented by {@code presentation} (a law a run cannot name, hence the trainer's override).
     */
    static EquilibriumPropagationTrainer local(double beta, double b, double p, LengthLaw presentation,
                                               int sweepsPerStep, long seed) {
        return local(beta, b, p, presentation, sweepsPerStep, 0, seed);
    }

    static EquilibriumPropagationTrainer local(double beta, double b, double p, LengthLaw presentation,
                                               int sweepsPerStep, double traceTau, long seed) {
        return new EquilibriumPropagationTrainer(EpSettings.DEFAULTS.withMode(Mode.LOCAL).withBeta(beta)
                .withFreeSteps(1).withNudgeSteps(1).withB(b).withSwitchProb(p).withSweepsPerStep(sweepsPerStep)
                .withTraceTau(traceTau).withLr(1).withLrTauEpochs(0).withSeed(seed))
                .withPresentationLaw(presentation);
    }

    /** Whether the network's F is strictly convex on the box for nudges in [-beta, beta] (a unique fixed point). */
    static boolean convex(HopfieldNetwork net, double[] x, double[] t) {
        HopfieldState state = net.newState();
        state.show(x, t, -1);
        state.setFlatActivations(new double[net.stateSize()]);
        return org.flexphase.hopfield.FixedPoints.solve(state, -0.5, false, 0).stableMinimum();
    }

    @Test
    void equilibratedFlexiblePhasesAverageToTheStandardEstimatorsExpectation() {
        // T12. Each time step relaxes its phase to the fixed point (100 sweeps; the block descent contracts
        // per sweep towards the unique minimum of the strictly convex F; checked per instance), examples change by their own
        // presentation law independently of the geometric phases. The trainer's frozen-parameter increments, averaged
        // over R = 20 independent runs (seeds seed..seed+19) of N = 2,000 steps, must match the exact expectation
        // E_k[(phi(s^beta_k) - phi(s^0_k)) / beta] per coordinate within t * sd / sqrt(R): sd is the sample
        // standard deviation of the run means (the runs are i.i.d., so this is exact Student-t inference whatever the
        // correlation inside a run), t the Student quantile with R - 1 degrees of freedom at the Bonferroni level
        // 1e-6 / (15 examples x 60 coordinates). Runs start from rest with a fresh phase and example cycle; that start
        // costs nothing here because every step relaxes fully.
        checkEquilibratedMean(15, p -> 0);
    }

    @Test
    void activityTraceBaselineKeepsTheMeanUpdate() {
        // T12 with the control variate of docs/theory.md section 5.1: the statistic centred on the activity trace
        // (time constant tau = 20/p steps). E[w(z)] = 0, so a baseline independent of the current phase leaves the
        // mean unchanged; the trace remembers the current phase only through the last ~1/p steps, a relative bias of
        // about 1/(tau p) = 5 %, inside the same Student-t tolerance as above.
        checkEquilibratedMean(8, p -> 20 / p);
    }

    private static void checkEquilibratedMean(int examples, java.util.function.DoubleUnaryOperator traceTau) {
        double beta = 0.5;
        int runs = 20;
        long steps = 2_000;
        double t = new TDistribution(runs - 1).inverseCumulativeProbability(1 - Tolerances.RUN_BUDGET
                / (2.0 * 15 * 60));
        Proofs.qtSimulation(examples, 10).forAll(CASES)
                .assuming(c -> c.net().network().parameterCount() <= 60 && convexForAll(c))
                .checkAssert(c -> {
                    HopfieldNetwork net = c.net().network();
                    double[] exact = standardEstimatorMean(net, c.inputs(), c.targets(), beta);
                    double[][] means = new double[runs][];
                    for (int r = 0; r < runs; r++) {
                        double[] sum = new double[net.parameterCount()];
                        LearningLoop loop = local(beta, c.b(), c.p(), c.law(),
                                TO_FIXED_POINT, traceTau.applyAsDouble(c.p()), c.seed() + r)
                                .sumIncrements(net, c.examples(), steps, sum);
                        means[r] = sum;
                        for (int q = 0; q < sum.length; q++) {
                            sum[q] /= loop.updates();
                        }
                    }
                    for (int q = 0; q < exact.length; q++) {
                        double m = 0;
                        for (double[] run : means) {
                            m += run[q] / runs;
                        }
                        double v = 0;
                        for (double[] run : means) {
                            v += (run[q] - m) * (run[q] - m) / (runs - 1);
                        }
                        double bound = t * Math.sqrt(v / runs) + 1e-12;
                        assertTrue(Math.abs(m - exact[q]) <= bound, String.format(Locale.ROOT,
                                "coordinate %d: trainer mean %.6g, exact %.6g, bound %.3g (t = %.2f)", q, m, exact[q],
                                bound, t));
                    }
                });
    }

    /** The switching probabilities of T13, halving. */
    static final double[] SWITCHING = {0.04, 0.02, 0.01, 0.005};

    /**
     * The persistent mean update's bias at switching probability p, and its standard error: one example, one sweep per
     * step, R = 20 independent runs of 100/p steps (about 100 switches each). Per run the exact equilibrated value
     * given that run's own phase counts, {@code (N+/rho+ phi(s^beta) - N-/rho- phi(s^0)) / (beta N)}, is subtracted:
     * what is left is the transient after each switch, so the phase noise cancels and only the bias remains.
     */
    static double[] persistentBias(HopfieldNetwork net, double[] x, double[] t, double beta, double b, double p,
                                   long seed) {
        double[] plus = statisticAtFixedPoint(net, x, t, beta);
        double[] minus = statisticAtFixedPoint(net, x, t, 0);
        Examples one = new Examples(new double[][]{x}, new double[][]{t}, new int[1]);
        int runs = 20;
        long steps = Math.round(100 / p);
        double[][] deltas = new double[runs][];
        for (int r = 0; r < runs; r++) {
            double[] sum = new double[net.parameterCount()];
            EquilibriumPropagationTrainer trainer = local(beta, b, p, LengthLaws.fixed(1), 1, seed + r);
            LearningLoop loop = trainer.sumIncrements(net, one, steps, sum);
            double rho = trainer.phaseProcess().positiveOccupancy();
            double n = loop.updates();
            for (int q = 0; q < sum.length; q++) {
                double equilibrated = (loop.positiveSteps() / rho * plus[q]
                        - loop.negativeSteps() / (1 - rho) * minus[q]) / beta;
                sum[q] = (sum[q] - equilibrated) / n;
            }
            deltas[r] = sum;
        }
        double norm = 0;
        double variance = 0;
        for (int q = 0; q < net.parameterCount(); q++) {
            double m = 0;
            for (double[] d : deltas) {
                m += d[q] / runs;
            }
            double v = 0;
            for (double[] d : deltas) {
                v += (d[q] - m) * (d[q] - m) / (runs - 1);
            }
            norm += m * m;
            variance += v / runs;
        }
        return new double[]{Math.sqrt(norm), Math.sqrt(variance)};
    }

    @Test
    void persistentRelaxationBiasVanishesAtRateSwitchingOverRelaxation() {
        // T13. One sweep per step (the persistent physical system), geometric switching p = 0.04 .. 0.005. After each
        // switch the state relaxes geometrically to the new phase's fixed point, so each switch adds a bounded
        // transient and the bias is (switches per step) x (mean transient) = c p + O(p^2). Tolerances: se is the
        // standard error of |bias| from the runs' spread (sqrt of the summed coordinate variances, an upper bound for
        // the norm's); the bias must be measurable (|bias| > 5 se at p = 0.04), must fall by a factor in [0.35, 0.7]
        // each time p halves (0.5 + O(p), widened by 3 se), and |bias|/p must settle: its last two values agree
        // within 15 % plus 3 relative se.
        double beta = 0.5;
        List<String> rows = new ArrayList<>();
        Proofs.qtSimulation(8, 5).forAll(CASES)
                .assuming(c -> c.net().network().parameterCount() <= 60 && convexForAll(c))
                .checkAssert(c -> {
                    HopfieldNetwork net = c.net().network();
                    double b = 0.3 + 0.4 * c.b();
                    double[][] bias = new double[SWITCHING.length][];
                    for (int i = 0; i < SWITCHING.length; i++) {
                        bias[i] = persistentBias(net, c.inputs()[0], c.targets()[0], beta, b, SWITCHING[i], c.seed());
                    }
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < SWITCHING.length; i++) {
                        row.append(String.format(Locale.ROOT, " p=%.3f |bias|=%.4g (se %.2g) |bias|/p=%.4g;",
                                SWITCHING[i], bias[i][0], bias[i][1], bias[i][0] / SWITCHING[i]));
                    }
                    rows.add(row.toString());
                    assertTrue(bias[0][0] > 5 * bias[0][1], "bias not measurable at p = 0.04:" + row);
                    for (int i = 1; i < SWITCHING.length; i++) {
                        double ratio = bias[i][0] / bias[i - 1][0];
                        double slack = 3 * (bias[i][1] / bias[i - 1][0] + bias[i - 1][1] * bias[i][0]
                                / (bias[i - 1][0] * bias[i - 1][0]));
                        assertTrue(ratio > 0.35 - slack && ratio < 0.7 + slack, String.format(Locale.ROOT,
                                "|bias| ratio %.4f when p halves to %.4f:%s", ratio, SWITCHING[i], row));
                    }
                    int last = SWITCHING.length - 1;
                    double settle = (bias[last][0] / SWITCHING[last]) / (bias[last - 1][0] / SWITCHING[last - 1]);
                    double relSe = bias[last][1] / bias[last][0] + bias[last - 1][1] / bias[last - 1][0];
                    assertTrue(Math.abs(settle - 1) <= 0.15 + 3 * relSe, String.format(Locale.ROOT,
                            "|bias|/p did not settle (ratio of its last two values %.4f):%s", settle, row));
                });
        rows.forEach(r -> System.out.println("T13" + r));
    }

    static boolean convexForAll(Case c) {
        HopfieldNetwork net = c.net().network();
        for (int k = 0; k < c.inputs().length; k++) {
            if (!convex(net, c.inputs()[k], c.targets()[k])) {
                return false;
            }
        }
        return true;
    }
}

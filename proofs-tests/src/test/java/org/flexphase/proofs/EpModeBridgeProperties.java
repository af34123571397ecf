package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.FixedPoints;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.HopfieldState;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.LengthLaws;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Bridge for every mode of {@link EquilibriumPropagationTrainer} (docs/theory.md section 5.1): the trainer's own loop
 * at frozen parameters ({@link EquilibriumPropagationTrainer#sumIncrements}) adds, per update, exactly the mode's
 * estimator built from the exact free fixed point {@code s^0} (Newton, {@link FixedPoints#solve}):
 * <ul>
 *   <li>standard: {@code (phi(S_beta^n s^0) - phi(s^0)) / beta};</li>
 *   <li>symmetric: {@code (phi(S_{+beta}^n s^0) - phi(S_{-beta}^n s^0)) / (2 beta)}: both nudged phases start from the
 *   free state, none from a nudged one;</li>
 *   <li>CHL: {@code phi(S_clamped^n s^0) - phi(s^0)};</li>
 *   <li>local (flexible phases, every step relaxed to its fixed point): {@code (N+/rho+ phi(s^beta) - N-/rho- phi(s^0))
 *   / beta} summed, with the run's own phase counts {@code N+-}, and {@code s^beta} Newton's nudged fixed point;</li>
 * </ul>
 * where {@code S^n} is {@code n = nudgeSteps} relaxation sweeps of the nudged total energy ({@code n} = 100 reaches the
 * fixed point, then the nudged states are Newton's too; instances whose Newton fixed points leave the box, where the
 * box-confined relaxation cannot follow, are set aside). The free phase runs 100 sweeps from wherever the previous
 * example left the state, which reaches {@code s^0} to 1e-12 on these strictly convex networks. Both sides are exact
 * up to rounding: tolerance 1e-8 (1 + |value|).
 */
class EpModeBridgeProperties {
    static final int FREE = FlexiblePhaseEpProperties.TO_FIXED_POINT;

    record Case(FlexiblePhaseEpProperties.Case ep, Mode mode, double beta, int nudgeSteps) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s beta=%.3f nudge-steps=%d %s", mode, beta, nudgeSteps, ep);
        }
    }

    static final Gen<Case> CASES = FlexiblePhaseEpProperties.CASES.zip(Generate.enumValues(Mode.class),
            doubles().between(0.05, 0.5), Generate.pick(java.util.List.of(1, 2, 3, FREE)), Case::new);

    /** The free fixed point of example {@code k} by Newton from rest, the state left there. */
    static HopfieldState free(HopfieldNetwork net, double[] x, double[] t) {
        HopfieldState state = net.newState();
        state.show(x, t, -1);
        FixedPoints.Solution s = FixedPoints.solve(state, 0, false, FREE);
        assertTrue(s.residual() < 1e-12, "Newton's free fixed point has residual " + s.residual());
        return state;
    }

    /**
     * Whether Newton's free and nudged fixed points of every example are interior minima (1e-3 inside the box): the
     * relaxation is confined to the box, Newton is not, so only then are they the same point. At {@code -beta} the
     * output's drive is amplified by {@code 1/(1 - beta)} and some instances saturate.
     */
    static boolean interior(Case c) {
        HopfieldNetwork net = c.ep().net().network();
        for (int k = 0; k < c.ep().inputs().length; k++) {
            for (double beta : new double[]{0, c.beta(), -c.beta()}) {
                for (boolean clamp : new boolean[]{false, true}) {
                    HopfieldState state = net.newState();
                    state.show(c.ep().inputs()[k], c.ep().targets()[k], -1);
                    if (!FixedPoints.solve(state, clamp ? 0 : beta, clamp, FREE).isInteriorMinimum(1e-3, 1e-12)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** phi after {@code n} sweeps of the nudge from the exact free state (Newton's nudged fixed point when n = FREE). */
    static double[] nudged(HopfieldNetwork net, double[] x, double[] t, double beta, boolean clamp, int n) {
        HopfieldState state = free(net, x, t);
        if (n >= FREE) {
            FixedPoints.Solution s = FixedPoints.solve(state, beta, clamp, FREE);
            assertTrue(s.residual() < 1e-12, "Newton's nudged fixed point has residual " + s.residual());
        } else {
            for (int i = 0; i < n; i++) {
                net.sweep(state, beta, clamp);
            }
        }
        return statistic(net, state);
    }

    static double[] statistic(HopfieldNetwork net, HopfieldState state) {
        double[] phi = new double[net.parameterCount()];
        net.addStatistic(state, 1.0, phi);
        return phi;
    }

    /** The mode's estimator for one example, from the exact free fixed point. */
    static double[] estimator(HopfieldNetwork net, double[] x, double[] t, Mode mode, double beta, int n) {
        double[] phi0 = statistic(net, free(net, x, t));
        double[] e = new double[phi0.length];
        switch (mode) {
            case STANDARD, LOCAL -> {
                double[] up = nudged(net, x, t, beta, false, n);
                for (int q = 0; q < e.length; q++) {
                    e[q] = (up[q] - phi0[q]) / beta;
                }
            }
            case SYMMETRIC -> {
                double[] up = nudged(net, x, t, beta, false, n);
                double[] down = nudged(net, x, t, -beta, false, n);
                for (int q = 0; q < e.length; q++) {
                    e[q] = (up[q] - down[q]) / (2 * beta);
                }
            }
            case CHL -> {
                double[] clamped = nudged(net, x, t, 0, true, n);
                for (int q = 0; q < e.length; q++) {
                    e[q] = clamped[q] - phi0[q];
                }
            }
        }
        return e;
    }

    @Test
    void everyModesLoopAddsItsEstimatorAtTheExactFixedPoints() {
        Proofs.qtSimulation(40, 10).forAll(CASES)
                .assuming(c -> c.ep().net().network().parameterCount() <= 60
                        && FlexiblePhaseEpProperties.convexForAll(c.ep()) && interior(c))
                .checkAssert(c -> {
                    HopfieldNetwork net = c.ep().net().network();
                    Examples ex = c.ep().examples();
                    double[] sum = new double[net.parameterCount()];
                    double[] expected = new double[sum.length];
                    if (c.mode() == Mode.LOCAL) {
                        // One example; every step relaxes its phase to the fixed point (100 sweeps per step).
                        Examples one = new Examples(new double[][]{ex.inputs()[0]}, new double[][]{ex.targets()[0]},
                                new int[1]);
                        long steps = 200;
                        EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(EpSettings.DEFAULTS
                                .withMode(Mode.LOCAL).withBeta(c.beta()).withFreeSteps(1).withNudgeSteps(1)
                                .withB(c.ep().b()).withSwitchProb(c.ep().p()).withSweepsPerStep(FREE)
                                .withSeed(c.ep().seed())).withPresentationLaw(LengthLaws.fixed(3));
                        LearningLoop loop = trainer.sumIncrements(net, one, steps, sum);
                        double[] phi0 = statistic(net, free(net, ex.inputs()[0], ex.targets()[0]));
                        double[] up = nudged(net, ex.inputs()[0], ex.targets()[0], c.beta(), false, FREE);
                        double rho = trainer.phaseProcess().positiveOccupancy();
                        for (int q = 0; q < sum.length; q++) {
                            expected[q] = (loop.positiveSteps() / rho * up[q]
                                    - loop.negativeSteps() / (1 - rho) * phi0[q]) / c.beta();
                        }
                        assertEquals(steps, loop.updates(), "local mode: one update per step");
                    } else {
                        int count = ex.count();
                        EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(EpSettings.DEFAULTS
                                .withMode(c.mode()).withBeta(c.beta()).withFreeSteps(FREE)
                                .withNudgeSteps(c.nudgeSteps()).withSeed(c.ep().seed()));
                        long perExample = FREE + (long) c.nudgeSteps() * (c.mode() == Mode.SYMMETRIC ? 2 : 1);
                        long steps = 2L * count * perExample;
                        LearningLoop loop = trainer.sumIncrements(net, ex, steps, sum);
                        assertEquals(2L * count, loop.updates(), "updates");
                        for (int k = 0; k < count; k++) {
                            double[] e = estimator(net, ex.inputs()[k], ex.targets()[k], c.mode(), c.beta(),
                                    c.nudgeSteps());
                            for (int q = 0; q < sum.length; q++) {
                                expected[q] += 2 * e[q];
                            }
                        }
                    }
                    for (int q = 0; q < sum.length; q++) {
                        assertEquals(expected[q], sum[q], 1e-8 * (1 + Math.abs(expected[q])), String.format(
                                Locale.ROOT, "coordinate %d of the summed increments: trainer %.10g, exact %.10g", q,
                                sum[q], expected[q]));
                    }
                });
    }
}

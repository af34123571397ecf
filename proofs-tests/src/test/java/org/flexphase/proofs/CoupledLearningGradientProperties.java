package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleFunction;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.junit.jupiter.api.Test;

/**
 * T14: the coupled-learning rule with equilibrated phases, {@code u(eta) = (1/eta) 1/2 [(Delta p^F)^2 -
 * (Delta p^C)^2]} averaged over the examples ({@link CoupledLearning#twoPhaseUpdate}), follows the cost gradient to
 * O(eta): {@code u(eta) = -dC_H/dk + eta K}, where {@code C_H = mean_m 1/2 (p_O^F - t)^T H (p_O^F - t)} and {@code H} is
 * the outputs' effective conductance matrix ({@link CoupledLearning#outputConductance}) held at its current value. With
 * one output {@code H} is a positive number, so the rule is a positive multiple of {@code -dC/dk}; with several, the
 * hard clamp measures the error in the metric {@code H}. The gradient is a central finite difference of {@code C_H}
 * with every equilibrium re-solved ({@code h = 1e-6 k_e}: truncation about 1e-12, rounding about 1e-10 relative).
 * Checks: the error ratio when eta halves (0.2 to 0.1) is 2 within 5% (the rule is exactly affine in eta, since the
 * clamped potentials are), and the Richardson extrapolation {@code 2u(eta/2) - u(eta)} equals the gradient to 1e-6
 * of the larger of the gradient and the rule (a network whose free state carries no current past an edge has a zero
 * gradient there and an O(eta) rule).
 */
class CoupledLearningGradientProperties {
    static final double ETA = 0.2;

    @Test
    void couplingRuleFollowsTheCostGradientToFirstOrderInTheNudge() {
        AtomicReference<double[]> ratios = new AtomicReference<>(new double[]{Double.POSITIVE_INFINITY, 0});
        Proofs.qt(40).forAll(CircuitGenerators.circuits(6, 30, 3)).checkAssert(c -> firstOrderInTheNudge(
                eta -> new CoupledLearning(c.net(), c.task(), eta, 1.0), c.toString(), ratios));
        System.out.printf(Locale.ROOT, "T14: error ratio when eta halves (0.2 -> 0.1) in [%.4f, %.4f]%n",
                ratios.get()[0], ratios.get()[1]);
    }

    /**
     * Power-efficient learning: with a power weight {@code lambda > 0} ({@link CoupledLearning#withPowerWeight}) the
     * rule follows the gradient of {@code C_H + lambda P}, {@code P = mean_m 1/2 sum_e k_e (Delta p^F_e)^2} the power
     * at the free equilibria, to O(eta): the Richardson extrapolation is {@code -d(C_H + lambda P)/dk} (central
     * differences of the exact solves) to 1e-6 of the larger of the gradient and the rule. {@code lambda} makes the
     * power term's largest component {@code kappa} times the cost term's, {@code kappa} log-uniform in [0.3, 3], so a
     * power term off by a factor 2 cannot hide below the tolerance.
     */
    @Test
    void powerWeightedRuleFollowsTheGradientOfCostPlusPowerToFirstOrderInTheNudge() {
        Proofs.qt(30).forAll(CircuitGenerators.circuits(6, 24, 3), org.quicktheories.generators.SourceDSL.doubles()
                .between(Math.log(0.3), Math.log(3))).checkAssert((c, logKappa) -> {
            ResistorNetwork net = c.net();
            CoupledLearning plain = new CoupledLearning(net, c.task(), ETA / 2, 1.0);
            double[][] h = plain.outputConductance();
            double[] gCost = CentralDifferences.negativeGradient(plain, h);
            double[] gPower = negativePowerGradient(plain);
            // lambda puts the power term at kappa times the cost term, so neither hides the other
            double lambda = Math.exp(logKappa)
                    * (Averages.maxAbs(gCost) > 0 ? Averages.maxAbs(gCost) / Averages.maxAbs(gPower) : 1);
            double[] u1 = new CoupledLearning(net, c.task(), ETA, 1.0).withPowerWeight(lambda).twoPhaseUpdate();
            double[] u2 = plain.withPowerWeight(lambda).twoPhaseUpdate();
            double[] g = new double[gCost.length];
            for (int e = 0; e < g.length; e++) {
                g[e] = gCost[e] + lambda * gPower[e];
            }
            double scale = Math.max(Averages.maxAbs(g), Averages.maxAbs(u1));
            double rich = 0;
            for (int e = 0; e < g.length; e++) {
                rich = Math.max(rich, Math.abs(2 * u2[e] - u1[e] - g[e]));
            }
            String at = String.format(Locale.ROOT, "%s, lambda %.4g", c, lambda);
            assertTrue(rich <= 1e-6 * scale, "2u(eta/2) - u(eta) misses -d(C_H + lambda P)/dk by " + rich
                    + " (|grad| " + Averages.maxAbs(g) + ") at " + at + "\n u=" + Generators.fmt(u2) + "\n g="
                    + Generators.fmt(g));
        });
    }

    /** {@code -dP/dk} of the mean free power by central differences, every free equilibrium re-solved. */
    static double[] negativePowerGradient(CoupledLearning sys) {
        return CentralDifferences.negativeGradient(sys.network().conductances(), sys::power);
    }

    /** {@code -dC_H/dk} by central differences, re-solving the free equilibria, with {@code H} frozen. */

    /**
     * T14's check on one circuit, for node and edge terminals alike: the rule at {@code eta / 2} follows the frozen-H
     * gradient to first order (Richardson {@code 2u(eta/2) - u(eta)} within 1e-6 of it) and the error halves with the
     * nudge (ratio 2 +- 0.1, recorded in {@code ratios}). Returns the scale of gradient and rule.
     */
    static double firstOrderInTheNudge(DoubleFunction<CoupledLearning> system, String c,
                                       AtomicReference<double[]> ratios) {
        double[] u1 = system.apply(ETA).twoPhaseUpdate();
        CoupledLearning half = system.apply(ETA / 2);
        double[] u2 = half.twoPhaseUpdate();
        double[][] h = half.outputConductance();
        double[] g = CentralDifferences.negativeGradient(half, h);
        double gMax = Averages.maxAbs(g);
        double scale = Math.max(gMax, Averages.maxAbs(u1));
        double e1 = 0;
        double e2 = 0;
        double rich = 0;
        for (int e = 0; e < g.length; e++) {
            e1 = Math.max(e1, Math.abs(u1[e] - g[e]));
            e2 = Math.max(e2, Math.abs(u2[e] - g[e]));
            rich = Math.max(rich, Math.abs(2 * u2[e] - u1[e] - g[e]));
        }
        assertTrue(rich <= 1e-6 * scale, "2u(eta/2) - u(eta) misses -dC_H/dk by " + rich + " (|grad| " + gMax
                + ") at " + c + "\n u=" + Generators.fmt(u2) + "\n g=" + Generators.fmt(g));
        if (e2 > 1e-4 * scale) {
            double ratio = e1 / e2;
            ratios.getAndUpdate(r -> new double[]{Math.min(r[0], ratio), Math.max(r[1], ratio)});
            assertTrue(Math.abs(ratio - 2) <= 0.1, "error ratio " + ratio + " (errors " + e1 + ", " + e2
                    + ") when eta halves at " + c);
        }
        return scale;
    }
}

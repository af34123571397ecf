package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.EquilibriumSolver;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * T15 and T14 with edge terminals (docs/theory.md section 5.2, edge inputs and outputs): inputs are drops imposed
 * across edges (source edges), outputs the drops across edges, the clamped state holds each output edge's drop at
 * {@code y^F + eta (t - y^F)}.
 */
class EdgeTerminalProperties {
    /**
     * T15 with edges: in both phases, and again after the conductances change, every tied pair keeps the drop written
     * before the solve, every free node off the terminals conserves current (1e-10 relative to the currents there),
     * each tied pair conserves current as a whole (what the source pushes in at one node leaves at the other), and
     * every admissible perturbation (zero at the ground, equal on the two nodes of a tied pair) raises the power by its
     * own power.
     */
    @Test
    void edgeEquilibriaConserveCurrentKeepTheDropsAndMinimisePower() {
        AtomicReference<Double> worst = new AtomicReference<>(0.0);
        Proofs.qt(60).forAll(CircuitGenerators.edgeCircuits(8, 200, 1)).checkAssert(c -> {
            ResistorNetwork net = c.net();
            RandomGenerator rng = Rngs.create(c.description().hashCode());
            for (boolean clamped : new boolean[]{false, true}) {
                EquilibriumSolver solver = clamped ? EquilibriumSolver.clamped(net) : EquilibriumSolver.free(net);
                int[] tie = net.ties(clamped);
                for (int round = 0; round < 2; round++) {
                    if (round == 1) {
                        CircuitGenerators.redrawConductances(net, rng);
                    }
                    double[] p = new double[net.graph().nodeCount()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = 4 * rng.nextDouble() - 2;
                    }
                    p[net.ground()] = 0;
                    double[] written = p.clone();
                    solver.solve(p);
                    String where = c + " clamped=" + clamped + " round=" + round;
                    worst.accumulateAndGet(check(net, tie, written, p, rng, where), Math::max);
                }
            }
        });
        System.out.printf(Locale.ROOT, "T15 (edge terminals): worst relative current imbalance %.2e (bound 1e-10)%n",
                worst.get());
    }

    static double check(ResistorNetwork net, int[] tie, double[] written, double[] p, RandomGenerator rng,
                        String where) {
        int n = p.length;
        boolean[] inPair = new boolean[n];
        for (int i = 0; i < n; i++) {
            assertTrue(Double.isFinite(p[i]), "potential of node " + i + " is " + p[i] + " at " + where);
            if (tie[i] >= 0) {
                inPair[i] = true;
                inPair[tie[i]] = true;
                double drop = written[i] - written[tie[i]];
                assertEquals(drop, p[i] - p[tie[i]], 1e-12 * (1 + Math.abs(drop)), "tied node " + i + " lost its "
                        + "drop at " + where);
            }
        }
        assertEquals(0.0, p[net.ground()], 0.0, "the ground moved at " + where);
        // a region that no source drives (a dead end, a tree) sits at 0 up to rounding: its scale is floored at 1e-4 of
        // the largest, so its current is held to 1e-14 of the currents where the sources act
        double floor = 0;
        for (int i = 0; i < n; i++) {
            floor = Math.max(floor, 1e-4 * net.currentScale(i, p));
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (i == net.ground() || inPair[i] && tie[i] < 0) {
                continue; // a pair is checked once, from its tied node
            }
            double current = net.netCurrent(i, p);
            double scale = net.currentScale(i, p);
            if (tie[i] >= 0) {
                current += net.netCurrent(tie[i], p);
                scale += net.currentScale(tie[i], p);
            }
            double rel = Math.abs(current) / Math.max(scale, floor);
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-10, (tie[i] >= 0 ? "tied pair " + i + "-" + tie[i] : "node " + i) + " leaks current "
                    + current + " (scale " + scale + ") at " + where);
        }
        double base = net.power(p);
        for (int trial = 0; trial < 3; trial++) {
            double[] delta = new double[n];
            for (int i = 0; i < n; i++) {
                if (i != net.ground() && tie[i] < 0) {
                    delta[i] = trial == 0 ? 1e-3 * (2 * rng.nextDouble() - 1) : 2 * rng.nextDouble() - 1;
                }
            }
            for (int i = 0; i < n; i++) {
                if (tie[i] >= 0) {
                    delta[i] = delta[tie[i]];
                }
            }
            double[] q = p.clone();
            for (int i = 0; i < n; i++) {
                q[i] += delta[i];
            }
            double own = net.power(delta);
            double rise = net.power(q) - base;
            assertEquals(own, rise, 1e-9 * (base + own) + 1e-15, "power rise is not the perturbation's own power at "
                    + where);
        }
        return worst;
    }

    /**
     * T14 with edges: {@code u(eta) = -dC_H/dk + eta K} with {@code C_H} the cost in the metric of the output edges'
     * effective conductance ({@link CoupledLearning#outputConductance}: the source current through output edge
     * {@code o} per unit drop of output edge {@code o'}), held fixed; the gradient by central differences with every
     * equilibrium re-solved. Richardson's {@code 2u(eta/2) - u(eta)} is the gradient to 1e-6, and the error halves with
     * eta (ratio 2 within 5%).
     */
    @Test
    void edgeCouplingRuleFollowsTheCostGradientToFirstOrderInTheNudge() {
        AtomicReference<double[]> ratios = new AtomicReference<>(new double[]{Double.POSITIVE_INFINITY, 0});
        Proofs.qt(40).forAll(CircuitGenerators.edgeCircuits(8, 30, 3)).checkAssert(c -> {
            double scale = CoupledLearningGradientProperties.firstOrderInTheNudge(eta -> new CoupledLearning(c.net(),
                    c.task(), eta, Relaxation.Kind.UNIFORM, 1.0), c.toString(), ratios);
            assertTrue(scale > 0, "no gradient and no rule at " + c);
        });
        System.out.printf(Locale.ROOT, "T14 (edge terminals): error ratio when eta halves (0.2 -> 0.1) in "
                + "[%.4f, %.4f]%n", ratios.get()[0], ratios.get()[1]);
    }

    /** {@code -dC_H/dk} by central differences over the output edges' drops, re-solving the free equilibria. */
}

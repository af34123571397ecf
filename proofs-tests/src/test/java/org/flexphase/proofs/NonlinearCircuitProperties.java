package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.Element;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.NewtonSolver;
import org.flexphase.circuits.NonlinearCoupledLearning;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.proofs.CircuitGenerators.Circuit;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * T15' and T14' (docs/theory.md section 5.2, nonlinear elements): networks of saturating elements
 * {@code F(v) = v^2/2 + c log cosh v}, {@code c} in [-0.9, 5], on the circuits of {@link CircuitGenerators} with the
 * task's potentials scaled by a gain in [1, 4] (so drops reach the bend of {@code tanh}).
 */
class NonlinearCircuitProperties {

    /** A circuit, an element shape and a gain on the task's inputs and targets. */
    record Case(Circuit circuit, double shape, double gain) {
        Element element() {
            return Element.saturating(shape);
        }

        CouplingTask task() {
            CouplingTask t = circuit.task();
            double[][] x = new double[t.size()][];
            double[][] y = new double[t.size()][];
            for (int m = 0; m < t.size(); m++) {
                x[m] = t.input(m).clone();
                y[m] = t.target(m).clone();
                for (int s = 0; s < x[m].length; s++) {
                    x[m][s] *= gain;
                }
                for (int o = 0; o < y[m].length; o++) {
                    y[m][o] *= gain;
                }
            }
            return new CouplingTask(x, y);
        }

        NonlinearCoupledLearning system(double nudge) {
            return new NonlinearCoupledLearning(circuit.net(), element(), task(), nudge, 1.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "c=%.4f gain=%.3f %s", shape, gain, circuit);
        }
    }

    static Gen<Case> cases(int minNodes, int maxNodes, int maxExamples) {
        return CircuitGenerators.circuits(minNodes, maxNodes, maxExamples).zip(doubles().between(-0.9, 5.0),
                doubles().between(1.0, 4.0), Case::new);
    }

    // ---- T15': Kirchhoff's current law for nonlinear edges, and the co-content's minimum.

    /**
     * Newton's equilibria, in both phases and again after the conductances change, satisfy the nonlinear current law
     * {@code sum_e +-k_e F'(Delta p_e) = 0} at every free node to 1e-10 relative to {@code sum_e k_e (|p_i| + |p_j|)
     * max F''} (the size of the terms), and every perturbation {@code delta} that is zero at the held nodes raises the
     * co-content by an amount between {@code min F''} and {@code max F''} times its own power
     * {@code 1/2 sum_e k_e (Delta delta_e)^2} (strong convexity and zero gradient at the minimum), to 1e-9 relative.
     */
    @Test
    void newtonEquilibriaSatisfyTheNonlinearCurrentLawAndMinimiseTheCoContent() {
        AtomicReference<Double> worst = new AtomicReference<>(0.0);
        Proofs.qt(60).forAll(cases(6, 120, 1)).checkAssert(c -> {
            ResistorNetwork net = c.circuit().net().withConductances(c.circuit().net().conductances());
            RandomGenerator rng = Rngs.create(c.toString().hashCode());
            for (boolean clamped : new boolean[]{false, true}) {
                NewtonSolver solver = new NewtonSolver(net, c.element(), net.heldNodes(clamped));
                for (int round = 0; round < 2; round++) {
                    if (round == 1) {
                        CircuitGenerators.redrawConductances(net, rng);
                    }
                    double[] p = new double[net.graph().nodeCount()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = solver.isHeld(i) ? c.gain() * (4 * rng.nextDouble() - 2) : Double.NaN;
                    }
                    p[net.ground()] = 0;
                    solver.solve(p);
                    worst.accumulateAndGet(checkEquilibrium(net, solver, p, rng, c + " clamped=" + clamped
                            + " round=" + round), Math::max);
                }
            }
        });
        System.out.printf(Locale.ROOT, "T15': worst relative current imbalance %.2e (bound 1e-10)%n", worst.get());
    }

    static double checkEquilibrium(ResistorNetwork net, NewtonSolver solver, double[] p, RandomGenerator rng,
                                   String where) {
        Element el = solver.element();
        Graph g = net.graph();
        double[] k = net.conductances();
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
            assertTrue(Double.isFinite(p[i]), "potential of node " + i + " is " + p[i] + " at " + where);
            if (solver.isHeld(i)) {
                continue;
            }
            double net_ = 0;
            double scale = 0;
            for (int m = 0; m < g.degree(i); m++) {
                int e = g.incidentEdge(i, m);
                int j = g.other(e, i);
                net_ += k[e] * el.current(p[i] - p[j]);
                scale += k[e] * (Math.abs(p[i]) + Math.abs(p[j])) * el.maxCurvature();
            }
            double rel = scale == 0 ? Math.abs(net_) : Math.abs(net_) / scale;
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-10, "node " + i + " leaks current " + net_ + " (scale " + scale + ") at " + where);
        }
        double base = solver.coContent(p);
        for (int trial = 0; trial < 3; trial++) {
            double[] q = p.clone();
            double own = 0;
            double[] delta = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                if (!solver.isHeld(i)) {
                    delta[i] = trial == 0 ? 1e-3 * (2 * rng.nextDouble() - 1) : 2 * rng.nextDouble() - 1;
                    q[i] += delta[i];
                }
            }
            for (int e = 0; e < k.length; e++) {
                double d = delta[g.from(e)] - delta[g.to(e)];
                own += 0.5 * k[e] * d * d;
            }
            double rise = solver.coContent(q) - base;
            double slack = 1e-9 * (Math.abs(base) + own) + 1e-15;
            assertTrue(own > 0, "a perturbation of the free nodes has no power at " + where);
            assertTrue(rise >= el.minCurvature() * own - slack, "a perturbation raised the co-content by " + rise
                    + ", less than min F'' x its power = " + el.minCurvature() * own + " at " + where);
            assertTrue(rise <= el.maxCurvature() * own + slack, "a perturbation raised the co-content by " + rise
                    + ", more than max F'' x its power = " + el.maxCurvature() * own + " at " + where);
        }
        return worst;
    }

    // ---- T14': the nonlinear rule follows the cost gradient in the outputs' differential conductance metric.

    static final double ETA = 0.02;

    /**
     * The nonlinear coupled-learning rule with equilibrated phases, {@code u(eta) = (1/eta) [F(Delta p^F) -
     * F(Delta p^C)]} averaged over the examples, tends to {@code -dC_H/dk} as {@code eta -> 0}, with
     * {@code C_H = mean_m 1/2 (p_O^F - t)^T H_m (p_O^F - t)} and {@code H_m} the outputs' differential conductance
     * matrix at example m's free equilibrium, held at its current value (one output: a positive multiple of
     * {@code -dC/dk}). Unlike the linear case the rule is not affine in eta (the clamped potentials are not), so the
     * error is {@code eta K + O(eta^2)}: when eta halves (0.02 to 0.01) the error ratio is 2 within 10%, and the
     * Richardson extrapolation {@code 2u(eta/2) - u(eta)}, whose error is O(eta^2), is at most a tenth of
     * {@code u(eta/2)}'s error (or 1e-6 of the gradient's scale, whichever is larger). The gradient is a central
     * difference of {@code C_H} with every Newton equilibrium re-solved ({@code h = 1e-6 k_e}).
     */
    @Test
    void nonlinearRuleFollowsTheCostGradientInTheDifferentialConductanceMetric() {
        AtomicReference<double[]> ratios = new AtomicReference<>(new double[]{Double.POSITIVE_INFINITY, 0, 0});
        Proofs.qt(40).forAll(cases(6, 30, 3)).checkAssert(c -> {
            double[] u1 = c.system(ETA).twoPhaseUpdate();
            NonlinearCoupledLearning half = c.system(ETA / 2);
            double[] u2 = half.twoPhaseUpdate();
            double[][][] h = new double[half.task().size()][][];
            for (int m = 0; m < h.length; m++) {
                h[m] = half.outputConductance(m);
            }
            double[] g = negativeGradient(half, h);
            double scale = Math.max(Averages.maxAbs(g), Averages.maxAbs(u1));
            double e1 = 0;
            double e2 = 0;
            double rich = 0;
            for (int e = 0; e < g.length; e++) {
                e1 = Math.max(e1, Math.abs(u1[e] - g[e]));
                e2 = Math.max(e2, Math.abs(u2[e] - g[e]));
                rich = Math.max(rich, Math.abs(2 * u2[e] - u1[e] - g[e]));
            }
            String where = " at " + c + "\n u=" + Generators.fmt(u2) + "\n g=" + Generators.fmt(g);
            assertTrue(rich <= Math.max(0.1 * e2, 1e-6 * scale), "2u(eta/2) - u(eta) misses -dC_H/dk by " + rich
                    + " against u(eta/2)'s " + e2 + where);
            if (e2 > 1e-4 * scale) {
                double ratio = e1 / e2;
                double rr = rich / e2;
                ratios.getAndUpdate(r -> new double[]{Math.min(r[0], ratio), Math.max(r[1], ratio), Math.max(r[2], rr)});
                assertTrue(Math.abs(ratio - 2) <= 0.2, "error ratio " + ratio + " (errors " + e1 + ", " + e2
                        + ") when eta halves" + where);
            }
        });
        System.out.printf(Locale.ROOT, "T14': error ratio when eta halves (0.02 -> 0.01) in [%.4f, %.4f]; Richardson "
                + "error at most %.3g of u(eta/2)'s%n", ratios.get()[0], ratios.get()[1], ratios.get()[2]);
    }

    /** {@code -dC_H/dk} by central differences, re-solving the free equilibria, with every {@code H_m} frozen. */
    static double[] negativeGradient(NonlinearCoupledLearning sys, double[][][] h) {
        return CentralDifferences.negativeGradient(sys.network().conductances(), () -> weightedCost(sys, h));
    }

    static double weightedCost(NonlinearCoupledLearning sys, double[][][] h) {
        ResistorNetwork net = sys.network();
        double[] p = new double[net.graph().nodeCount()];
        double c = 0;
        for (int m = 0; m < sys.task().size(); m++) {
            sys.freeEquilibrium(m, p);
            double[] t = sys.task().target(m);
            for (int o = 0; o < t.length; o++) {
                for (int o2 = 0; o2 < t.length; o2++) {
                    c += 0.5 * (p[net.output(o)] - t[o]) * h[m][o][o2] * (p[net.output(o2)] - t[o2]);
                }
            }
        }
        return c / sys.task().size();
    }
}

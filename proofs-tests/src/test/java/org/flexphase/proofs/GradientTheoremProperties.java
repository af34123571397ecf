package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.flexphase.hopfield.FixedPoints;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.hopfield.HopfieldState;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * T11, the gradient theorem of Equilibrium Propagation (docs/theory.md T11): at exact fixed points,
 * {@code (1/beta)(phi(s^beta) - phi(s^0))} tends to {@code -dC(s^0_theta)/dtheta} with error O(beta), and the
 * symmetric estimate {@code (phi(s^beta) - phi(s^-beta)) / (2 beta)} with error O(beta^2).
 */
class GradientTheoremProperties {
    /** A small layered network with one example; its parameters are drawn so that fixed points are mostly interior. */
    record Case(int[] sizes, double[] theta, double[] star, double[] x, double[] t) {
        HopfieldNetwork network() {
            HopfieldNetwork net = HopfieldNetwork.of(sizes);
            System.arraycopy(theta, 0, net.parameters(), 0, theta.length);
            return net;
        }

        @Override
        public String toString() {
            return "hopfield" + java.util.Arrays.toString(sizes) + " theta=" + Generators.fmt(theta) + " x="
                    + Generators.fmt(x) + " t=" + Generators.fmt(t);
        }
    }

    /**
     * Input 1..4, one or two hidden layers of 1..4, output 1..3; weights in [-0.4, 0.4] (so F's Hessian {@code I - A} is mostly positive definite), inputs and targets in [0, 1].
     * The biases are set so that a drawn interior state {@code s* in [0.2, 0.8]} is the free fixed point
     * ({@code b_l = s*_l - W_l^T s*_{l-1} - W_{l+1} s*_{l+1}}), so that interior fixed points are the rule.
     */
    static final Gen<Case> CASES = integers().between(1, 4).flatMap(in -> lists().of(integers().between(1, 4))
            .ofSizeBetween(1, 2).flatMap(hidden -> integers().between(1, 3).flatMap(out -> {
                int[] sizes = new int[hidden.size() + 2];
                sizes[0] = in;
                for (int l = 0; l < hidden.size(); l++) {
                    sizes[l + 1] = hidden.get(l);
                }
                sizes[sizes.length - 1] = out;
                HopfieldNetwork shape = HopfieldNetwork.of(sizes);
                int weights = shape.biasOffset(1);
                return lists().of(doubles().between(-0.4, 0.4)).ofSize(weights)
                        .zip(lists().of(doubles().between(0.2, 0.8)).ofSize(shape.stateSize()),
                                lists().of(doubles().between(0, 1)).ofSize(in),
                                lists().of(doubles().between(0, 1)).ofSize(out),
                                (w, star, x, t) -> new Case(sizes, withBiases(sizes, w, Generators.toArray(star),
                                        Generators.toArray(x)), Generators.toArray(star), Generators.toArray(x),
                                        Generators.toArray(t)));
            })));

    /** The weights followed by the biases that make {@code star} a fixed point of the free relaxation. */
    static double[] withBiases(int[] sizes, List<Double> weights, double[] star, double[] x) {
        HopfieldNetwork net = HopfieldNetwork.of(sizes);
        double[] theta = net.parameters();
        for (int k = 0; k < weights.size(); k++) {
            theta[k] = weights.get(k);
        }
        HopfieldState state = net.newState();
        state.show(x, new double[net.outputSize()], -1);
        state.setFlatActivations(star);
        double[] g = FixedPoints.gradient(state, 0);
        // g = s* - drive(s*) with zero biases, so b = g makes dF/ds vanish at s*.
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                theta[net.biasOffset(l) + j] = g[at++];
            }
        }
        return theta;
    }

    static double[] concat(List<Double> a, List<Double> b) {
        double[] out = new double[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            out[i] = a.get(i);
        }
        for (int i = 0; i < b.size(); i++) {
            out[a.size() + i] = b.get(i);
        }
        return out;
    }

    /** phi = -dE/dtheta at the fixed point of F with this beta, started from {@code start}. */
    static double[] statisticAtFixedPoint(HopfieldState state, double[] start, double beta) {
        state.setFlatActivations(start);
        FixedPoints.solve(state, beta, false, 0);
        double[] phi = new double[state.network().parameterCount()];
        state.network().addStatistic(state, 1.0, phi);
        return phi;
    }

    /** Central differences of C(s^0_theta), the free fixed point re-solved by Newton for each perturbed theta. */
    static double[] costGradient(HopfieldState state, double[] free, double h) {
        HopfieldNetwork net = state.network();
        double[] theta = net.parameters();
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double keep = theta[k];
            theta[k] = keep + h;
            net.parametersChanged();
            state.setFlatActivations(free);
            FixedPoints.solve(state, 0, false, 0);
            double up = net.cost(state);
            theta[k] = keep - h;
            net.parametersChanged();
            state.setFlatActivations(free);
            FixedPoints.solve(state, 0, false, 0);
            double down = net.cost(state);
            theta[k] = keep;
            net.parametersChanged();
            g[k] = (up - down) / (2 * h);
        }
        return g;
    }

    /** |estimate + dC/dtheta|, Euclidean. */
    static double error(double[] estimate, double[] costGradient) {
        double e = 0;
        for (int k = 0; k < estimate.length; k++) {
            double r = estimate[k] + costGradient[k];
            e += r * r;
        }
        return Math.sqrt(e);
    }

    static double[] contrast(double[] plus, double[] minus, double divisor) {
        double[] out = new double[plus.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (plus[k] - minus[k]) / divisor;
        }
        return out;
    }

    /** The free fixed point s*, when it is a minimum of F and the nudged ones are interior with margin 0.02. */
    static double[] interiorFreeFixedPoint(Case c) {
        HopfieldState state = c.network().newState();
        state.show(c.x(), c.t(), -1);
        state.setFlatActivations(c.star());
        FixedPoints.Solution free = FixedPoints.solve(state, 0, false, 0);
        if (!free.isInteriorMinimum(0.02, 1e-12)) {
            return null;
        }
        for (double beta : new double[]{-0.02, 0.02}) {
            state.setFlatActivations(free.activations());
            if (!FixedPoints.solve(state, beta, false, 0).isInteriorMinimum(0.02, 1e-12)) {
                return null;
            }
        }
        return free.activations();
    }

    @Test
    void equilibriumPropagationEstimatesTheCostGradientWithErrorOrderBetaOneSidedAndBetaSquaredSymmetric() {
        // Tolerances. Inside (0, 1) F is quadratic in s, so Newton's fixed points are exact to rounding (1e-14) and
        // C(s^0_theta) is a smooth rational function of theta: central differences with h = 1e-5 are off by
        // O(h^2) ~ 1e-10 plus rounding ~ 1e-16 / 1e-5 = 1e-11. The one-sided error is c1 beta + c2 beta^2, so halving
        // beta divides it by 2 (1 + O(beta c2/c1)); at beta = 5e-4 that is 2 within 0.1 when |c2/c1| < 200. The
        // symmetric error is c3 beta^2 + O(beta^4): halving beta = 8e-3 divides it by 4 within 0.2. Cases whose
        // errors are within 1e3 times the difference noise (gradient ~ 0: the output already at its target) carry no
        // signal and are skipped, as are fixed points within 0.02 of the box (the hard sigmoid's kinks).
        double h = 1e-5;
        java.util.List<double[]> ratios = new java.util.ArrayList<>();
        Proofs.qtSimulation(100, 20).forAll(CASES).assuming(c -> interiorFreeFixedPoint(c) != null).checkAssert(c -> {
            double[] free = interiorFreeFixedPoint(c);
            HopfieldState state = c.network().newState();
            state.show(c.x(), c.t(), -1);
            double[] phi0 = statisticAtFixedPoint(state, free, 0);
            double[] dc = costGradient(state, free, h);
            double noise = 1e-10 * Math.sqrt(dc.length);
            double beta1 = 5e-4;
            double e1 = error(contrast(statisticAtFixedPoint(state, free, beta1), phi0, beta1), dc);
            double e1Half = error(contrast(statisticAtFixedPoint(state, free, beta1 / 2), phi0, beta1 / 2), dc);
            double beta2 = 8e-3;
            double e2 = error(contrast(statisticAtFixedPoint(state, free, beta2),
                    statisticAtFixedPoint(state, free, -beta2), 2 * beta2), dc);
            double e2Half = error(contrast(statisticAtFixedPoint(state, free, beta2 / 2),
                    statisticAtFixedPoint(state, free, -beta2 / 2), beta2), dc);
            if (e1Half < 1e3 * noise || e2Half < 1e3 * noise) {
                return;
            }
            // The relaxation the trainers run (sweeps of block coordinate descent from the free fixed point) reaches
            // the same nudged fixed point as Newton's method: block descent contracts to the minimum of the locally
            // convex F, so 3,000 sweeps leave much less than 1e-9.
            state.setFlatActivations(free);
            for (int k = 0; k < 3000; k++) {
                state.network().sweep(state, beta2, false);
            }
            double[] relaxed = state.flatActivations();
            state.setFlatActivations(free);
            FixedPoints.solve(state, beta2, false, 0);
            double[] newton = state.flatActivations();
            for (int i = 0; i < relaxed.length; i++) {
                assertTrue(Math.abs(relaxed[i] - newton[i]) < 1e-9, "relaxed unit " + i + ": " + relaxed[i]
                        + " but Newton's fixed point " + newton[i]);
            }
            double oneSided = e1 / e1Half;
            double symmetric = e2 / e2Half;
            ratios.add(new double[]{oneSided, symmetric});
            assertTrue(Math.abs(oneSided - 2) < 0.1, "one-sided error ratio when beta halves: " + oneSided
                    + " (errors " + e1 + ", " + e1Half + ")");
            assertTrue(Math.abs(symmetric - 4) < 0.2, "symmetric error ratio when beta halves: " + symmetric
                    + " (errors " + e2 + ", " + e2Half + ")");
        });
        java.util.DoubleSummaryStatistics one = ratios.stream().mapToDouble(r -> r[0]).summaryStatistics();
        java.util.DoubleSummaryStatistics sym = ratios.stream().mapToDouble(r -> r[1]).summaryStatistics();
        System.out.printf(java.util.Locale.ROOT, "T11 over %d cases: one-sided ratio %.4f..%.4f (mean %.4f),"
                + " symmetric ratio %.4f..%.4f (mean %.4f)%n", one.getCount(), one.getMin(), one.getMax(),
                one.getAverage(), sym.getMin(), sym.getMax(), sym.getAverage());
    }
}

package org.flexphase.proofs;

import java.util.function.DoubleSupplier;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.ResistorNetwork;

/**
 * The reference gradients of the circuit properties: central differences over the conductances, which the caller's
 * cost re-solves at every evaluation. One copy, so the properties that compare coupled learning with a gradient
 * (plain, power, edge terminals, nonlinear elements) cannot drift apart in their reference.
 */
final class CentralDifferences {
    /**
     * Relative step: the costs are smooth in {@code k} and solved to rounding, so the truncation error {@code ~h²}
     * and the cancellation error {@code ~ε/h} balance near {@code 1e-6 · k}.
     */
    static final double RELATIVE_STEP = 1e-6;

    private CentralDifferences() {
    }

    /**
     * {@code -d cost / dk} by central differences; {@code k} is the live conductance array the cost reads, restored
     * to its values before returning.
     */
    static double[] negativeGradient(double[] k, DoubleSupplier cost) {
        double[] g = new double[k.length];
        for (int e = 0; e < k.length; e++) {
            double keep = k[e];
            double step = RELATIVE_STEP * keep;
            k[e] = keep + step;
            double up = cost.getAsDouble();
            k[e] = keep - step;
            double down = cost.getAsDouble();
            k[e] = keep;
            g[e] = -(up - down) / (2 * step);
        }
        return g;
    }

    /**
     * {@code -dC_H/dk} of coupled learning's cost with every weight {@code H} frozen, by central differences, every
     * free equilibrium re-solved; node and edge terminals alike (an output is its node's potential or its edge's
     * drop).
     */
    static double[] negativeGradient(CoupledLearning sys, double[][] h) {
        return negativeGradient(sys.network().conductances(), () -> weightedCost(sys, h));
    }

    /** {@code C_H = mean over examples of 1/2 (y - t)^T H (y - t)} at the free equilibria, {@code y} the outputs. */
    static double weightedCost(CoupledLearning sys, double[][] h) {
        ResistorNetwork net = sys.network();
        double[] p = new double[net.graph().nodeCount()];
        double c = 0;
        for (int m = 0; m < sys.task().size(); m++) {
            sys.freeEquilibrium(m, p);
            double[] t = sys.task().target(m);
            for (int o = 0; o < t.length; o++) {
                for (int o2 = 0; o2 < t.length; o2++) {
                    c += 0.5 * (net.outputValue(o, p) - t[o]) * h[o][o2] * (net.outputValue(o2, p) - t[o2]);
                }
            }
        }
        return c / sys.task().size();
    }
}

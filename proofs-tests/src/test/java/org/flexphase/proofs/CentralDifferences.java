package org.flexphase.proofs;

import java.util.function.DoubleSupplier;

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
}

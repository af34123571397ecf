package org.flexphase.circuits;

import org.ejml.data.DMatrixRMaj;
import org.flexphase.util.Checks;

/**
 * Relaxation of the potentials at a finite rate {@code r} in (0, 1]: one damped Jacobi sweep per time step toward the
 * current phase's equilibrium, {@code p_i <- (1-r) p_i + r (sum_j k_ij p_j) / (sum_j k_ij)} at every free node, all
 * from the previous potentials (a node relaxes toward the conductance-weighted mean of its neighbours, i.e. gradient
 * flow on the dissipated power with step {@code r / sum_j k_ij}); held nodes keep the values the caller wrote. The
 * sweep is linear, {@code p_t = A p_{t-1} + c}, and {@link #affineMap} gives that map exactly (docs/theory.md T16).
 */
public final class Relaxation {
    private final ResistorNetwork net;
    private final double rate;
    private final double[] scratch;

    /** Relaxation of {@code net} at rate {@code rate} in (0, 1]. */
    public Relaxation(ResistorNetwork net, double rate) {
        this.net = net;
        this.rate = Checks.requireInRange(rate, Double.MIN_NORMAL, 1.0, "relax-rate");
        scratch = new double[net.graph().nodeCount()];
    }

    /** The rate r. */
    public double rate() {
        return rate;
    }

    /** One sweep: the free nodes (not {@code held}) move toward their neighbours' weighted mean, in place. */
    public void sweep(double[] p, boolean[] held) {
        Graph g = net.graph();
        double[] k = net.conductances();
        for (int i = 0; i < p.length; i++) {
            if (held[i]) {
                scratch[i] = p[i];
                continue;
            }
            double s = 0;
            double d = 0;
            for (int m = 0; m < g.degree(i); m++) {
                int e = g.incidentEdge(i, m);
                s += k[e] * p[g.other(e, i)];
                d += k[e];
            }
            scratch[i] = (1 - rate) * p[i] + rate * s / d;
        }
        System.arraycopy(scratch, 0, p, 0, p.length);
    }

    /**
     * The sweep as an affine map of the previous potentials, {@code p_t = A p_{t-1} + c}, when the held nodes are set to
     * {@code heldValues} (read at held nodes only) just before it: returns {@code A} (n x n) and writes {@code c}.
     */
    public DMatrixRMaj affineMap(boolean[] held, double[] heldValues, double[] c) {
        Graph g = net.graph();
        double[] k = net.conductances();
        int n = g.nodeCount();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            c[i] = 0;
            if (held[i]) {
                c[i] = heldValues[i];
                continue;
            }
            double d = 0;
            for (int m = 0; m < g.degree(i); m++) {
                d += k[g.incidentEdge(i, m)];
            }
            a.add(i, i, 1 - rate);
            for (int m = 0; m < g.degree(i); m++) {
                int e = g.incidentEdge(i, m);
                int j = g.other(e, i);
                double w = rate * k[e] / d;
                if (held[j]) {
                    c[i] += w * heldValues[j];
                } else {
                    a.add(i, j, w);
                }
            }
        }
        return a;
    }
}

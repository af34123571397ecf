package org.flexphase.circuits;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.flexphase.util.Checks;

/**
 * Relaxation of the potentials at a finite rate {@code r} in (0, 1], one step per time step toward the current phase's
 * equilibrium (held nodes keep the values the caller wrote before the step). Two dynamics, both linear,
 * {@code p_t = A p_{t-1} + c}, with {@link #affineMap} giving that map exactly (docs/theory.md T16):
 * <ul>
 *   <li>{@link Kind#JACOBI}: local physics, one damped Jacobi sweep, {@code p_i <- (1-r) p_i + r (sum_j k_ij p_j) /
 *   (sum_j k_ij)} at every free node from the previous potentials (gradient flow on the dissipated power with step
 *   {@code r / sum_j k_ij}). Slow modes relax slowly: a network of hundreds of nodes with a few held nodes needs
 *   thousands of sweeps.</li>
 *   <li>{@link Kind#UNIFORM}: every mode relaxes at the same rate, {@code p <- (1-r) p + r p*}, with {@code p*} the exact
 *   equilibrium of the phase (a sparse solve per step). The distance to equilibrium shrinks by {@code 1-r} per step, so
 *   {@code p / r} measures switching against relaxation.</li>
 * </ul>
 */
public final class Relaxation {
    /** The relaxation dynamics. */
    public enum Kind {
        /** Uniform-rate approach to the exact equilibrium. */
        UNIFORM,
        /** One damped Jacobi sweep per step (local). */
        JACOBI;

        /** Lower-case name. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ResistorNetwork net;
    private final Kind kind;
    private final double rate;
    private final double[] scratch;
    private final EquilibriumSolver freeSolver;
    private final EquilibriumSolver clampedSolver;

    /** Relaxation of {@code net} at rate {@code rate} in (0, 1]. */
    public Relaxation(ResistorNetwork net, Kind kind, double rate) {
        this.net = net;
        this.kind = kind;
        this.rate = Checks.requireInRange(rate, Double.MIN_NORMAL, 1.0, "relax-rate");
        scratch = new double[net.graph().nodeCount()];
        freeSolver = kind == Kind.UNIFORM ? EquilibriumSolver.free(net) : null;
        clampedSolver = kind == Kind.UNIFORM ? EquilibriumSolver.clamped(net) : null;
    }

    /** The rate r. */
    public double rate() {
        return rate;
    }

    /** The dynamics. */
    public Kind kind() {
        return kind;
    }

    /**
     * One step, in place: the free nodes (not {@code held}, which is the held set of the free phase or of the clamped
     * phase) move toward the phase's equilibrium.
     */
    public void sweep(double[] p, boolean[] held) {
        if (kind == Kind.UNIFORM) {
            System.arraycopy(p, 0, scratch, 0, p.length);
            solverFor(held).solve(scratch);
            for (int i = 0; i < p.length; i++) {
                if (!held[i]) {
                    p[i] += rate * (scratch[i] - p[i]);
                }
            }
            return;
        }
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

    private EquilibriumSolver solverFor(boolean[] held) {
        int o = net.output(0);
        return held[o] ? clampedSolver : freeSolver;
    }

    /**
     * The step as an affine map of the previous potentials, {@code p_t = A p_{t-1} + c}, when the held nodes are set to
     * {@code heldValues} (read at held nodes only) just before it: returns {@code A} (n x n) and writes {@code c}.
     */
    public DMatrixRMaj affineMap(boolean[] held, double[] heldValues, double[] c) {
        Graph g = net.graph();
        double[] k = net.conductances();
        int n = g.nodeCount();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        double[] eq = null;
        if (kind == Kind.UNIFORM) {
            eq = heldValues.clone();
            solverFor(held).solve(eq);
        }
        for (int i = 0; i < n; i++) {
            c[i] = 0;
            if (held[i]) {
                c[i] = heldValues[i];
                continue;
            }
            a.add(i, i, 1 - rate);
            if (kind == Kind.UNIFORM) {
                c[i] = rate * eq[i];
                continue;
            }
            double d = 0;
            for (int m = 0; m < g.degree(i); m++) {
                d += k[g.incidentEdge(i, m)];
            }
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

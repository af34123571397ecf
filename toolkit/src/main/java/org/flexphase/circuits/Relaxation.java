package org.flexphase.circuits;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.flexphase.util.Checks;

/**
 * Relaxation of the potentials at a finite rate, one step per time step toward the current phase's equilibrium (held
 * nodes keep the values the caller wrote before the step). Three dynamics, all linear,
 * {@code p_t = A p_{t-1} + c}, with {@link #affineMap} giving that map exactly (docs/theory.md T16):
 * <ul>
 *   <li>{@link Kind#JACOBI}: local physics, one damped Jacobi sweep, {@code p_i <- (1-r) p_i + r (sum_j k_ij p_j) /
 *   (sum_j k_ij)} at every free node from the previous potentials (gradient flow on the dissipated power with step
 *   {@code r / sum_j k_ij}). Slow modes relax slowly: a network of hundreds of nodes with a few held nodes needs
 *   thousands of sweeps.</li>
 *   <li>{@link Kind#UNIFORM}: every mode relaxes at the same rate, {@code p <- (1-r) p + r p*}, with {@code p*} the exact
 *   equilibrium of the phase (a sparse solve per step). The distance to equilibrium shrinks by {@code 1-r} per step, so
 *   {@code p / r} measures switching against relaxation.</li>
 *   <li>{@link Kind#ODE}: continuous time, {@code dp_f/dt = -gamma (L p)_f} at the free nodes (each free node's
 *   potential moves at rate {@code gamma} times the net current into it), one step of physical length {@code dt} by
 *   backward Euler, {@code (I + gamma dt L_ff) p_f' = p_f - gamma dt L_fh p_h}: unconditionally stable (every mode of
 *   {@code L_ff}, eigenvalue {@code lambda}, shrinks by {@code 1 / (1 + gamma dt lambda)}, in (0, 1)), first-order
 *   accurate in {@code gamma dt lambda}, exact at equilibrium. A sparse Cholesky solve per step, factorised again
 *   when the conductances change.</li>
 * </ul>
 */
public final class Relaxation {
    /** The relaxation dynamics. */
    public enum Kind {
        /** Uniform-rate approach to the exact equilibrium. */
        UNIFORM,
        /** One damped Jacobi sweep per step (local). */
        JACOBI,
        /** Continuous time at rate gamma, one backward-Euler step of length dt per step. */
        ODE;

        /** Lower-case name. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ResistorNetwork net;
    private final Kind kind;
    private final double rate;
    private final double gamma;
    private final double dt;
    private final double[] scratch;
    private final EquilibriumSolver freeSolver;
    private final EquilibriumSolver clampedSolver;

    /** Relaxation of {@code net} at rate {@code rate} in (0, 1] ({@link Kind#UNIFORM} or {@link Kind#JACOBI}). */
    public Relaxation(ResistorNetwork net, Kind kind, double rate) {
        this(net, kind, rate, Double.NaN, Double.NaN);
    }

    /**
     * Continuous-time relaxation of {@code net} at rate {@code gamma > 0} (per unit time), steps of length
     * {@code dt > 0} ({@link Kind#ODE}).
     */
    public static Relaxation continuous(ResistorNetwork net, double gamma, double dt) {
        return new Relaxation(net, Kind.ODE, 1.0, gamma, dt);
    }

    /** Relaxation of the given kind: {@code rate} is read by uniform and Jacobi, {@code gamma} and {@code dt} by ode. */
    public static Relaxation of(ResistorNetwork net, Kind kind, double rate, double gamma, double dt) {
        return kind == Kind.ODE ? continuous(net, gamma, dt) : new Relaxation(net, kind, rate);
    }

    private Relaxation(ResistorNetwork net, Kind kind, double rate, double gamma, double dt) {
        this.net = net;
        this.kind = kind;
        this.rate = Checks.requireInRange(rate, Double.MIN_NORMAL, 1.0, "relax-rate");
        scratch = new double[net.graph().nodeCount()];
        if (kind == Kind.JACOBI && net.edgeTerminals()) {
            throw new IllegalArgumentException("relax jacobi moves each node alone and cannot keep an edge terminal's "
                    + "drop; use relax uniform or ode with edge terminals");
        }
        if (kind == Kind.ODE) {
            this.gamma = requireFinitePositive(gamma, "gamma");
            this.dt = requireFinitePositive(dt, "dt");
            double shift = 1 / (gamma * dt);
            if (!(shift > 0 && shift < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("gamma * dt must be a finite positive number whose inverse is "
                        + "finite: " + gamma + " * " + dt);
            }
            freeSolver = new EquilibriumSolver(net, net.heldNodes(false), net.ties(false), shift);
            clampedSolver = new EquilibriumSolver(net, net.heldNodes(true), net.ties(true), shift);
        } else {
            this.gamma = Double.NaN;
            this.dt = Double.NaN;
            freeSolver = kind == Kind.UNIFORM ? EquilibriumSolver.free(net) : null;
            clampedSolver = kind == Kind.UNIFORM ? EquilibriumSolver.clamped(net) : null;
        }
    }

    private static double requireFinitePositive(double v, String name) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite value > 0: " + v);
        }
        return v;
    }

    /** The relaxation rate gamma per unit time (ode; NaN otherwise). */
    public double gamma() {
        return gamma;
    }

    /** The physical length of a step (ode; NaN otherwise). */
    public double dt() {
        return dt;
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
        sweep(p, held, held[net.output(0)]);
    }

    /**
     * As {@link #sweep(double[], boolean[])}, the phase given: {@code clamped} picks the clamped phase's solver (with
     * edge terminals the held nodes alone do not tell the phases apart). With edge terminals the caller writes each tied
     * pair's drop into {@code p} first; uniform relaxation keeps it, as a convex combination of two states that have it.
     */
    public void sweep(double[] p, boolean[] held, boolean clamped) {
        if (kind == Kind.ODE) {
            (clamped ? clampedSolver : freeSolver).solve(p);
            return;
        }
        if (kind == Kind.UNIFORM) {
            System.arraycopy(p, 0, scratch, 0, p.length);
            (clamped ? clampedSolver : freeSolver).solve(scratch);
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
        if (net.edgeTerminals()) {
            throw new UnsupportedOperationException("the affine map of a step is written for node terminals only");
        }
        Graph g = net.graph();
        double[] k = net.conductances();
        int n = g.nodeCount();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        if (kind == Kind.ODE) {
            return continuousMap(held, heldValues, c);
        }
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

    /**
     * The backward-Euler step as a dense affine map: {@code p_f' = M^{-1} (s p_f + K_fh p_h)} with
     * {@code M = L_ff + s I}, {@code s = 1/(gamma dt)}; held nodes map to their held values.
     */
    private DMatrixRMaj continuousMap(boolean[] held, double[] heldValues, double[] c) {
        Graph g = net.graph();
        double[] k = net.conductances();
        int n = g.nodeCount();
        double s = 1 / (gamma * dt);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            if (held[i]) {
                m.set(i, i, 1);
                continue;
            }
            m.add(i, i, s);
            for (int q = 0; q < g.degree(i); q++) {
                int e = g.incidentEdge(i, q);
                int j = g.other(e, i);
                m.add(i, i, k[e]);
                if (held[j]) {
                    b[i] += k[e] * heldValues[j];
                } else {
                    m.add(i, j, -k[e]);
                }
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(m, inv)) {
            throw new IllegalStateException("the backward-Euler matrix is singular");
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            c[i] = 0;
            if (held[i]) {
                c[i] = heldValues[i];
                continue;
            }
            // M is block diagonal (held rows are the identity, free rows carry the held terms in b).
            for (int j = 0; j < n; j++) {
                if (!held[j]) {
                    c[i] += inv.get(i, j) * b[j];
                    a.set(i, j, inv.get(i, j) * s);
                }
            }
        }
        return a;
    }
}

package org.flexphase.circuits;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.flexphase.util.Checks;

/**
 * Equilibria of one phase of a network of nonlinear {@link Element}s (docs/theory.md section 5.2, nonlinear elements):
 * the free nodes' potentials that minimise the total co-content {@code E(p) = sum_e k_e F(Delta p_e)} given the held
 * nodes, i.e. the nonlinear current law {@code sum_e +-k_e F'(Delta p_e) = 0} at every free node. Damped Newton: the
 * gradient is the net current out of each free node, the Hessian the weighted Laplacian of the free block with weights
 * {@code k_e F''(Delta p_e)} (positive: {@code F''} is at least {@code min(1, 1+c)}), factorised by EJML's sparse
 * Cholesky with its symbolic structure locked after the first factorisation (the pattern is the graph's, whatever the
 * weights), in reverse Cuthill-McKee order. Each Newton step is backtracked (halved) until the co-content falls by
 * Armijo's 1e-4 of the predicted decrease; once the Newton step's largest move is at most
 * {@link #STEP_TOLERANCE} of the potentials' scale it is taken whole and the solve stops (the error after it is of the
 * order of its square), and the solve throws
 * after {@link #MAX_ITERATIONS} steps. With the linear element one step solves exactly (up to rounding), and the
 * Hessian is refactorised only when its weights change. Not thread-safe.
 */
public final class NewtonSolver {
    /** Largest Newton move, relative to {@code 1 + max |p|}, after which the solve stops. */
    public static final double STEP_TOLERANCE = 1e-9;
    /** Newton steps after which the solve gives up (strict convexity makes 10-20 ample on any start). */
    public static final int MAX_ITERATIONS = 60;

    private final ResistorNetwork net;
    private final Element element;
    private final boolean[] held;
    private final int[] free;
    private final int[] position;
    private final LaplacianPattern pattern;
    private final DMatrixSparseCSC matrix;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver;
    private final double[] weights;
    private final double[] factored;
    private final DMatrixRMaj gradient;
    private final DMatrixRMaj step;
    private final double[] trial;
    private int lastIterations;
    private long factorisations;

    /** A solver of {@code net}'s equilibria with {@code element} on every edge when exactly the {@code held} nodes are held. */
    public NewtonSolver(ResistorNetwork net, Element element, boolean[] held) {
        this.net = net;
        this.element = element;
        this.held = held.clone();
        Graph g = net.graph();
        boolean[] keep = new boolean[g.nodeCount()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !held[i];
        }
        free = g.reverseCuthillMcKee(keep);
        position = new int[g.nodeCount()];
        Arrays.fill(position, -1);
        for (int r = 0; r < free.length; r++) {
            position[free[r]] = r;
        }
        int n = free.length;
        pattern = new LaplacianPattern(g, position, n);
        matrix = pattern.matrix;
        solver = pattern.solver;
        weights = new double[g.edgeCount()];
        factored = new double[g.edgeCount()];
        Arrays.fill(factored, Double.NaN);
        gradient = new DMatrixRMaj(n, 1);
        step = new DMatrixRMaj(n, 1);
        trial = new double[g.nodeCount()];
    }

    /** The free phase's solver (inputs and ground held). */
    public static NewtonSolver free(ResistorNetwork net, Element element) {
        return new NewtonSolver(net, element, net.heldNodes(false));
    }

    /** The clamped phase's solver (inputs, ground and outputs held). */
    public static NewtonSolver clamped(ResistorNetwork net, Element element) {
        return new NewtonSolver(net, element, net.heldNodes(true));
    }

    /**
     * Sets the free entries of {@code p} to the equilibrium given its held entries (read, unchanged), starting Newton
     * from the free entries' current values, or from 0 where one is not finite. The result depends on the start only
     * through rounding and the stopping point (within {@link #STEP_TOLERANCE} squared). Non-finite conductances (a
     * diverged run) give NaN at every free node, as the linear solve does, instead of an exception.
     */
    public void solve(double[] p) {
        if (!Checks.allFinite(net.conductances())) {
            // as the linear solve does: a diverged run's potentials are NaN, and its loop's divergence check stops it
            for (int node : free) {
                p[node] = Double.NaN;
            }
            lastIterations = 0;
            return;
        }
        for (int node : free) {
            if (!Double.isFinite(p[node])) {
                p[node] = 0;
            }
        }
        double scale = 1;
        for (double v : p) {
            scale = Math.max(scale, Math.abs(v));
        }
        double energy = coContent(p);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            fillGradientAndWeights(p);
            refactor();
            solver.solve(gradient, step);
            // The Newton direction is -step; slope = g . (-step) < 0 whenever g != 0 (the Hessian is positive definite).
            double slope = 0;
            double largest = 0;
            for (int r = 0; r < free.length; r++) {
                slope -= gradient.data[r] * step.data[r];
                largest = Math.max(largest, Math.abs(step.data[r]));
            }
            if (largest <= STEP_TOLERANCE * scale) {
                // Inside the quadratic region: the step changes E by O(step^2), below the rounding of E's terms (for
                // c < 0, v^2/2 and c log cosh v nearly cancel), so E cannot judge it; take it whole and stop.
                for (int r = 0; r < free.length; r++) {
                    p[free[r]] -= step.data[r];
                }
                lastIterations = it;
                return;
            }
            double t = 1;
            double next = energy;
            // -slope is the squared Newton decrement, about twice E - min E: once it is below E's rounding (the terms
            // of E may cancel), E cannot judge the step, and the full step is safe (the start is next to the minimum).
            boolean judged = -slope > 1e-12 * Math.abs(energy);
            while (judged) {
                System.arraycopy(p, 0, trial, 0, p.length);
                for (int r = 0; r < free.length; r++) {
                    trial[free[r]] -= t * step.data[r];
                }
                next = coContent(trial);
                if (next <= energy + 1e-4 * t * slope || t < 1e-12) {
                    break;
                }
                t *= 0.5;
            }
            if (!judged) {
                System.arraycopy(p, 0, trial, 0, p.length);
                for (int r = 0; r < free.length; r++) {
                    trial[free[r]] -= step.data[r];
                }
                next = coContent(trial);
            }
            System.arraycopy(trial, 0, p, 0, p.length);
            energy = next;
        }
        throw new IllegalStateException("Newton did not converge in " + MAX_ITERATIONS + " steps (element shape "
                + element.shape() + ")");
    }

    /** Total co-content {@code sum_e k_e F(Delta p_e)} of the potentials {@code p}. */
    public double coContent(double[] p) {
        Graph g = net.graph();
        double[] k = net.conductances();
        double s = 0;
        for (int e = 0; e < k.length; e++) {
            s += k[e] * element.coContent(p[g.from(e)] - p[g.to(e)]);
        }
        return s;
    }

    /** The gradient of the co-content at the free nodes (net currents out) and the Hessian's edge weights. */
    private void fillGradientAndWeights(double[] p) {
        Graph g = net.graph();
        double[] k = net.conductances();
        Arrays.fill(gradient.data, 0.0);
        for (int e = 0; e < k.length; e++) {
            double v = p[g.from(e)] - p[g.to(e)];
            double current = k[e] * element.current(v);
            weights[e] = k[e] * element.curvature(v);
            int a = position[g.from(e)];
            int b = position[g.to(e)];
            if (a >= 0) {
                gradient.data[a] += current;
            }
            if (b >= 0) {
                gradient.data[b] -= current;
            }
        }
    }

    private void refactor() {
        if (Arrays.equals(weights, factored)) {
            return;
        }
        pattern.fill(weights);
        pattern.factor("the Hessian is not positive definite (is a held node missing?)");
        System.arraycopy(weights, 0, factored, 0, weights.length);
        factorisations++;
    }

    /** Whether node {@code i} is held in this phase. */
    public boolean isHeld(int i) {
        return held[i];
    }

    /** The element on every edge. */
    public Element element() {
        return element;
    }

    /** Newton steps the last solve took. */
    public int lastIterations() {
        return lastIterations;
    }

    /** Numeric factorisations of the Hessian so far. */
    public long factorisations() {
        return factorisations;
    }
}

package org.flexphase.hopfield;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Exact fixed points of a small {@link HopfieldNetwork}'s relaxation (docs/theory.md section 5.1): Newton's method on
 * {@code G(s) = dF/ds = s - rho'(s) * (A rho(s) + b + W_1^T x) + beta (y - t) = 0}, with {@code A} the symmetric
 * layer coupling. Inside the box (0, 1) the hard sigmoid is the identity, so F is quadratic there and an interior
 * fixed point solves one linear system; Newton from any start inside the right linear region lands on it, and the
 * iteration is repeated until the residual is at rounding level. A solution is a stable minimum of F when the Hessian
 * {@code I - A + beta P_out} (restricted to free units) is positive definite (checked by Cholesky).
 */
public final class FixedPoints {
    private FixedPoints() {
    }

    /**
     * A fixed point: the activations {@code (s_1..s_L)}, the max-norm residual of G, the smallest distance of a free
     * unit to the box's edges (positive: interior), and whether F's Hessian there is positive definite.
     */
    public record Solution(double[] activations, double residual, double margin, boolean stableMinimum) {
        /** Interior with at least {@code margin} to 0 and 1, residual below {@code tolerance}, and a minimum of F. */
        public boolean isInteriorMinimum(double minMargin, double tolerance) {
            return margin >= minMargin && residual <= tolerance && stableMinimum;
        }
    }

    /**
     * Relaxes {@code state} (whose example is shown) by {@code sweeps} sweeps of block coordinate descent, then polishes
     * the result by Newton's method on {@code dF/ds = 0}. The state is left at the solution. With {@code clampOutput} the
     * output is held at the target and only the hidden units are solved for.
     */
    public static Solution solve(HopfieldState state, double beta, boolean clampOutput, int sweeps) {
        HopfieldNetwork net = state.network();
        for (int k = 0; k < sweeps; k++) {
            net.sweep(state, beta, clampOutput);
        }
        if (clampOutput) {
            System.arraycopy(state.t, 0, state.output(), 0, net.outputSize());
        }
        int n = net.stateSize();
        int free = clampOutput ? n - net.outputSize() : n;
        double[] s = state.flatActivations();
        double residual = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 50; iter++) {
            state.setFlatActivations(s);
            double[] g = gradient(state, beta);
            residual = 0;
            for (int i = 0; i < free; i++) {
                residual = Math.max(residual, Math.abs(g[i]));
            }
            if (residual < 1e-14 || !Double.isFinite(residual)) {
                break;
            }
            DMatrixRMaj jac = jacobian(state, beta, free, true);
            DMatrixRMaj rhs = new DMatrixRMaj(free, 1);
            for (int i = 0; i < free; i++) {
                rhs.data[i] = g[i];
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(free);
            if (!solver.setA(jac)) {
                break;
            }
            DMatrixRMaj step = new DMatrixRMaj(free, 1);
            solver.solve(rhs, step);
            for (int i = 0; i < free; i++) {
                s[i] -= step.data[i];
            }
        }
        state.setFlatActivations(s);
        double margin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < free; i++) {
            margin = Math.min(margin, Math.min(s[i], 1 - s[i]));
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(free, true);
        boolean stable = chol.decompose(jacobian(state, beta, free, false));
        return new Solution(s, residual, margin, stable);
    }

    /** {@code dF/ds} at the state's activations, flattened {@code (s_1..s_L)}. */
    public static double[] gradient(HopfieldState state, double beta) {
        HopfieldNetwork net = state.network();
        double[] g = new double[net.stateSize()];
        int at = 0;
        int top = net.layers();
        for (int l = 1; l <= top; l++) {
            double[] s = state.s[l];
            double[] drive = new double[s.length];
            // drive() reads rho(s) of the neighbours; the stored activations may leave [0, 1] during Newton.
            double[][] saved = clipNeighbours(state, l);
            net.drive(state, l, drive);
            restore(state, l, saved);
            for (int j = 0; j < s.length; j++) {
                double slope = s[j] > 0 && s[j] < 1 ? 1 : 0;
                g[at + j] = s[j] - slope * drive[j] + (l == top ? beta * (s[j] - state.t[j]) : 0);
            }
            at += s.length;
        }
        return g;
    }

    private static double[][] clipNeighbours(HopfieldState state, int l) {
        double[][] saved = new double[2][];
        int top = state.network().layers();
        if (l > 1) {
            saved[0] = state.s[l - 1].clone();
            clip(state.s[l - 1]);
        }
        if (l < top) {
            saved[1] = state.s[l + 1].clone();
            clip(state.s[l + 1]);
        }
        return saved;
    }

    private static void restore(HopfieldState state, int l, double[][] saved) {
        if (saved[0] != null) {
            System.arraycopy(saved[0], 0, state.s[l - 1], 0, saved[0].length);
        }
        if (saved[1] != null) {
            System.arraycopy(saved[1], 0, state.s[l + 1], 0, saved[1].length);
        }
    }

    private static void clip(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = HopfieldNetwork.rho(v[i]);
        }
    }

    /**
     * The Jacobian of G over the first {@code free} units: {@code I - D A D + beta P_out} with D the hard sigmoid's
     * slopes (all taken as 1 when {@code withSlopes} is false, giving F's Hessian in the interior).
     */
    static DMatrixRMaj jacobian(HopfieldState state, double beta, int free, boolean withSlopes) {
        HopfieldNetwork net = state.network();
        int n = net.stateSize();
        double[] slope = new double[n];
        double[] flat = state.flatActivations();
        for (int i = 0; i < n; i++) {
            slope[i] = !withSlopes || (flat[i] > 0 && flat[i] < 1) ? 1 : 0;
        }
        DMatrixRMaj jac = new DMatrixRMaj(free, free);
        for (int i = 0; i < free; i++) {
            jac.set(i, i, 1.0);
        }
        int top = net.layers();
        int out = n - net.outputSize();
        if (free == n) {
            for (int i = out; i < n; i++) {
                jac.add(i, i, beta);
            }
        }
        double[] theta = net.parameters();
        int lowerAt = 0;
        for (int l = 2; l <= top; l++) {
            int rows = net.size(l - 1);
            int cols = net.size(l);
            int upperAt = lowerAt + rows;
            int w = net.weightOffset(l);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int a = lowerAt + i;
                    int b = upperAt + j;
                    if (a < free && b < free) {
                        double v = -slope[a] * theta[w + i * cols + j] * slope[b];
                        jac.add(a, b, v);
                        jac.add(b, a, v);
                    }
                }
            }
            lowerAt = upperAt;
        }
        return jac;
    }
}

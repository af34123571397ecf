package org.flexphase.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * EJML's LU with partial pivoting, plus the one thing it does not report: whether the factored matrix is
 * numerically singular. EJML 0.44's {@code LinearSolverLu_DDRM.setA} returns {@code true} for every square matrix
 * (also the 2 x 2 zero matrix and {@code [[1, 1], [1, 1]]}), and {@code solve} then returns infinities, NaN or
 * garbage; so the callers ask {@link #pivotRatio()} instead.
 *
 * <p>The measure is {@code min |u_ii| / max |u_ii|} over the diagonal of {@code U}: scale-free, 0 for an exactly
 * singular factorisation, and a small value bounds the condition number from below
 * ({@code cond(U) >= max |u_ii| / min |u_ii|}). EJML's own {@code quality()} is the <em>product</em>
 * {@code prod |u_ii| / max |u_ii|}, which for the few-hundred-state joint chains falls below any fixed threshold
 * for well-posed systems too (200 pivots of 1/2 give 1e-60), so it cannot be given one tolerance for all sizes.
 */
final class PivotedLu {
    private final LUDecompositionAlt_DDRM decomposition = new LUDecompositionAlt_DDRM();
    private final LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(decomposition);

    /** Factors {@code a} (not modified). */
    PivotedLu(DMatrixRMaj a) {
        solver.setA(a);
    }

    /** {@code min |u_ii| / max |u_ii|}; 0 for a zero matrix, NaN if the matrix holds NaN. */
    double pivotRatio() {
        DMatrixRMaj lu = decomposition.getLU();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < lu.numRows; i++) {
            double u = Math.abs(lu.get(i, i));
            if (Double.isNaN(u)) {
                return Double.NaN;
            }
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        return max == 0 ? 0 : min / max;
    }

    /** Solves {@code A x = b} into {@code x}. */
    void solve(DMatrixRMaj b, DMatrixRMaj x) {
        solver.solve(b, x);
    }
}

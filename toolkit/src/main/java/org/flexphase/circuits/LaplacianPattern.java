package org.flexphase.circuits;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * The sparsity pattern of one phase's reduced Laplacian (the block of the unknown potentials) and, per edge, the value
 * slots its weight adds to. Built once per phase, so the matrix keeps one structure, which EJML's sparse Cholesky
 * analyses once and locks; each refactorisation only rewrites the values. The linear solver weighs an edge by its
 * conductance, Newton's by the element's curvature times it: one pattern serves both.
 */
final class LaplacianPattern {
    final DMatrixSparseCSC matrix;
    /** Per edge, the value slots it adds +w to (diagonals) and -w to (off-diagonals), -1 when absent. */
    private final int[][] plusSlots;
    private final int[][] minusSlots;
    /** Cholesky in the pattern's own (reverse Cuthill-McKee) order: the callers order the unknowns. */
    final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
            LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    private boolean locked;

    /**
     * The pattern over {@code n} unknowns, node {@code i} being unknown {@code position[i]} or held when -1. Nodes
     * that share an unknown (a tied pair of {@link EquilibriumSolver}) are merged: their rows add up, and an edge
     * between them drops out (its weight would add {@code +w} and {@code -w} to one entry).
     */
    LaplacianPattern(Graph g, int[] position, int n) {
        int[][] rows = new int[n][];
        int[] count = new int[n];
        for (int i = 0; i < g.nodeCount(); i++) {
            if (position[i] >= 0) {
                count[position[i]] += g.degree(i);
            }
        }
        for (int c = 0; c < n; c++) {
            rows[c] = new int[count[c] + 1];
            rows[c][0] = c;
            count[c] = 1;
        }
        for (int node = 0; node < g.nodeCount(); node++) {
            int c = position[node];
            if (c < 0) {
                continue;
            }
            for (int k = 0; k < g.degree(node); k++) {
                int j = position[g.other(g.incidentEdge(node, k), node)];
                if (j >= 0) {
                    rows[c][count[c]++] = j;
                }
            }
        }
        int nnz = 0;
        for (int c = 0; c < n; c++) {
            // merged nodes can share neighbours, and a tied edge points back at its own row: keep each row once
            int[] r = Arrays.copyOf(rows[c], count[c]);
            Arrays.sort(r);
            int u = 0;
            for (int q = 0; q < r.length; q++) {
                if (q == 0 || r[q] != r[q - 1]) {
                    r[u++] = r[q];
                }
            }
            rows[c] = Arrays.copyOf(r, u);
            nnz += u;
        }
        matrix = new DMatrixSparseCSC(n, n, nnz);
        int at = 0;
        for (int c = 0; c < n; c++) {
            matrix.col_idx[c] = at;
            for (int r : rows[c]) {
                matrix.nz_rows[at++] = r;
            }
        }
        matrix.col_idx[n] = at;
        matrix.nz_length = at;
        matrix.indicesSorted = true;
        plusSlots = new int[g.edgeCount()][];
        minusSlots = new int[g.edgeCount()][];
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = position[g.from(e)];
            int b = position[g.to(e)];
            if (a >= 0 && a == b) {
                plusSlots[e] = new int[]{-1, -1};
                minusSlots[e] = new int[]{-1, -1};
                continue;
            }
            plusSlots[e] = new int[]{a < 0 ? -1 : slot(a, a), b < 0 ? -1 : slot(b, b)};
            minusSlots[e] = a < 0 || b < 0 ? new int[]{-1, -1} : new int[]{slot(a, b), slot(b, a)};
        }
    }

    /** The index in {@code matrix}'s values of entry ({@code row}, {@code col}). */
    int slot(int row, int col) {
        int k = Arrays.binarySearch(matrix.nz_rows, matrix.col_idx[col], matrix.col_idx[col + 1], row);
        if (k < 0) {
            throw new IllegalStateException("no slot (" + row + ", " + col + ")");
        }
        return k;
    }

    /** Rewrites the values as the Laplacian with edge weights {@code w}, edge by edge in index order. */
    void fill(double[] w) {
        Arrays.fill(matrix.nz_values, 0, matrix.nz_length, 0.0);
        for (int e = 0; e < w.length; e++) {
            for (int s : plusSlots[e]) {
                if (s >= 0) {
                    matrix.nz_values[s] += w[e];
                }
            }
            for (int s : minusSlots[e]) {
                if (s >= 0) {
                    matrix.nz_values[s] -= w[e];
                }
            }
        }
    }

    /**
     * Factorises the values written; the symbolic analysis of the first call is locked for every later one (the
     * structure never changes). {@code notPositiveDefinite} is the message when Cholesky refuses the matrix.
     */
    void factor(String notPositiveDefinite) {
        if (!solver.setA(matrix)) {
            throw new IllegalStateException(notPositiveDefinite);
        }
        if (!locked) {
            solver.setStructureLocked(true);
            locked = true;
        }
    }
}

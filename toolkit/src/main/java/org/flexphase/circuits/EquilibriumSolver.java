package org.flexphase.circuits;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;

/**
 * Kirchhoff equilibria of one phase of a {@link ResistorNetwork}: the potentials of the free nodes that minimise the
 * dissipated power given the held nodes' potentials, i.e. {@code L_ff p_f = -L_fh p_h} with {@code L} the weighted
 * Laplacian. The free block is symmetric positive definite (the graph is connected and at least one node is held);
 * it is factorised by EJML's sparse Cholesky in reverse Cuthill-McKee order. The sparsity pattern never changes, so the
 * symbolic factorisation is done once and locked; when the conductances change only the values are refilled and
 * refactorised (detected by comparing with the conductances last factorised). Not thread-safe.
 *
 * <p>With a diagonal shift {@code s > 0} the same solver takes one backward-Euler step of the continuous relaxation
 * {@code dp_f/dt = -gamma (L_ff p_f + L_fh p_h)} with {@code s = 1/(gamma dt)}: {@code (L_ff + s I) p_f' = -L_fh p_h +
 * s p_f} (docs/theory.md section 5.2, continuous-time relaxation). {@code s = 0} is the equilibrium solve.
 *
 * <p>Tied nodes (edge terminals, {@link ResistorNetwork#ties}): a node {@code i} tied to {@code j} keeps the drop
 * {@code c_i = p_i - p_j} written in {@code p} before the solve and moves with {@code j}, so the unknowns are the
 * potentials of the untied free nodes and the Laplacian is that of the graph with each tied pair merged (a tied edge
 * becomes a loop and drops out); its current is the source's. With a shift the merged node weighs 2 (each node of the
 * pair moves against the same shift).
 */
public final class EquilibriumSolver {
    private final ResistorNetwork net;
    private final boolean[] held;
    /** Free nodes in elimination order; position[node] = its row, or -1 for a held node. */
    private final int[] free;
    private final int[] position;
    private final LaplacianPattern pattern;
    private final DMatrixSparseCSC matrix;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver;
    private final double[] factored;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private final double shift;
    /** The diagonal's value slots, for the shift. */
    private final int[] diagonal;
    /** tie[i] = j when node i moves with node j at the drop written in p, else -1; null when nothing is tied. */
    private final int[] tie;
    /** Nodes merged into each row (1 without ties): the weight of the shift. */
    private final int[] groupSize;
    private long factorisations;

    /** A solver for the phase in which exactly the nodes with {@code held[i]} are held. */
    public EquilibriumSolver(ResistorNetwork net, boolean[] held) {
        this(net, held, 0);
    }

    /**
     * A solver of {@code (L_ff + shift I) p_f = -L_fh p_h + shift p_f} for the phase in which exactly the nodes with
     * {@code held[i]} are held; {@code shift >= 0} (0: the equilibrium).
     */
    public EquilibriumSolver(ResistorNetwork net, boolean[] held, double shift) {
        this(net, held, null, shift);
    }

    /**
     * As {@link #EquilibriumSolver(ResistorNetwork, boolean[], double)}, with node {@code i} tied to node
     * {@code tie[i]} when {@code tie[i] >= 0} ({@code tie} null or all -1: nothing tied). A tied node and the node it is
     * tied to must be free, and that node itself untied.
     */
    public EquilibriumSolver(ResistorNetwork net, boolean[] held, int[] tie, double shift) {
        if (!(shift >= 0 && shift < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("shift must be a finite value >= 0: " + shift);
        }
        this.shift = shift;
        this.net = net;
        this.held = held.clone();
        Graph g = net.graph();
        boolean[] keep = new boolean[g.nodeCount()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !held[i];
        }
        boolean tied = false;
        if (tie != null) {
            for (int i = 0; i < tie.length; i++) {
                if (tie[i] >= 0) {
                    if (held[i] || held[tie[i]] || tie[tie[i]] >= 0) {
                        throw new IllegalArgumentException("node " + i + " is tied to node " + tie[i] + ", but one of "
                                + "them is held or the second is tied itself");
                    }
                    keep[i] = false;
                    tied = true;
                }
            }
        }
        this.tie = tied ? tie.clone() : null;
        free = g.reverseCuthillMcKee(keep);
        position = new int[g.nodeCount()];
        Arrays.fill(position, -1);
        for (int r = 0; r < free.length; r++) {
            position[free[r]] = r;
        }
        int n = free.length;
        groupSize = new int[n];
        Arrays.fill(groupSize, 1);
        if (tied) {
            for (int i = 0; i < tie.length; i++) {
                if (tie[i] >= 0) {
                    position[i] = position[tie[i]];
                    groupSize[position[i]]++;
                }
            }
        }
        pattern = new LaplacianPattern(g, position, n);
        matrix = pattern.matrix;
        diagonal = new int[n];
        for (int c = 0; c < n; c++) {
            diagonal[c] = pattern.slot(c, c);
        }
        solver = pattern.solver;
        factored = new double[g.edgeCount()];
        Arrays.fill(factored, Double.NaN);
        rhs = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }

    /** The solver of the free phase (inputs and ground held). */
    public static EquilibriumSolver free(ResistorNetwork net) {
        return new EquilibriumSolver(net, net.heldNodes(false), net.ties(false), 0);
    }

    /** The solver of the clamped phase (inputs, ground and outputs held). */
    public static EquilibriumSolver clamped(ResistorNetwork net) {
        return new EquilibriumSolver(net, net.heldNodes(true), net.ties(true), 0);
    }

    /** Refactorises if the conductances changed since the last factorisation (values only; the structure is locked). */
    private void refresh() {
        double[] k = net.conductances();
        if (Arrays.equals(k, factored)) {
            return;
        }
        pattern.fill(k);
        if (shift > 0) {
            for (int d : diagonal) {
                matrix.nz_values[d] += shift;
            }
            if (tie != null) {
                for (int c = 0; c < diagonal.length; c++) {
                    matrix.nz_values[diagonal[c]] += (groupSize[c] - 1) * shift;
                }
            }
        }
        pattern.factor("the reduced Laplacian is not positive definite (is a held node missing?)");
        System.arraycopy(k, 0, factored, 0, k.length);
        factorisations++;
    }

    /**
     * Sets the free entries of {@code p} to the equilibrium given its held entries (read, left unchanged); the
     * conductances are the network's current ones. With a shift {@code s}, to the backward-Euler step from the free
     * entries' current values instead.
     */
    public void solve(double[] p) {
        if (tie != null) {
            solveTied(p);
            return;
        }
        refresh();
        double[] k = net.conductances();
        Graph g = net.graph();
        Arrays.fill(rhs.data, 0.0);
        if (shift > 0) {
            for (int r = 0; r < free.length; r++) {
                rhs.data[r] = shift * p[free[r]];
            }
        }
        for (int e = 0; e < k.length; e++) {
            int a = g.from(e);
            int b = g.to(e);
            if (position[a] >= 0 && position[b] < 0) {
                rhs.data[position[a]] += k[e] * p[b];
            } else if (position[b] >= 0 && position[a] < 0) {
                rhs.data[position[b]] += k[e] * p[a];
            }
        }
        solver.solve(rhs, solution);
        for (int r = 0; r < free.length; r++) {
            p[free[r]] = solution.data[r];
        }
    }

    /**
     * The solve with tied nodes: each row's equation is Kirchhoff's law for its merged group, {@code sum_e k_e
     * (q_r - q_j) = sum_e k_e (c_j - c_i)} over the edges leaving the group (node {@code i} in it, {@code j} out), a
     * held {@code j} contributing {@code k_e (p_j - c_i)}; the shift adds {@code s sum_{i in group} (p_i - c_i)}.
     */
    private void solveTied(double[] p) {
        refresh();
        double[] k = net.conductances();
        Graph g = net.graph();
        int nodes = g.nodeCount();
        double[] c = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            if (tie[i] >= 0) {
                c[i] = p[i] - p[tie[i]];
            }
        }
        Arrays.fill(rhs.data, 0.0);
        if (shift > 0) {
            for (int i = 0; i < nodes; i++) {
                if (position[i] >= 0) {
                    rhs.data[position[i]] += shift * (p[i] - c[i]);
                }
            }
        }
        for (int e = 0; e < k.length; e++) {
            int a = g.from(e);
            int b = g.to(e);
            int ra = position[a];
            int rb = position[b];
            if (ra >= 0 && ra == rb) {
                continue;
            }
            if (ra >= 0) {
                rhs.data[ra] += k[e] * ((rb >= 0 ? c[b] : p[b]) - c[a]);
            }
            if (rb >= 0) {
                rhs.data[rb] += k[e] * ((ra >= 0 ? c[a] : p[a]) - c[b]);
            }
        }
        solver.solve(rhs, solution);
        for (int i = 0; i < nodes; i++) {
            if (position[i] >= 0) {
                p[i] = solution.data[position[i]] + c[i];
            }
        }
    }

    /** Whether node {@code i} is held in this phase. */
    public boolean isHeld(int i) {
        return held[i];
    }

    /** Number of numeric factorisations so far (one per change of the conductances that a solve saw). */
    public long factorisations() {
        return factorisations;
    }
}

package org.flexphase.circuits;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An undirected connected graph on nodes {@code 0..n-1} with edges {@code (from[e], to[e])}, and a planar layout
 * ({@code x, y} in the unit square) for figures. Build one with {@link Graphs}; {@link #of} checks a user edge list
 * (no self-loops, no repeated edges, every node reachable).
 */
public final class Graph {
    private final int nodes;
    private final int[] from;
    private final int[] to;
    private final double[] x;
    private final double[] y;
    /** Incidence in compressed rows: the edges at node i are incident[start[i] .. start[i+1]). */
    private final int[] start;
    private final int[] incident;

    private Graph(int nodes, int[] from, int[] to, double[] x, double[] y) {
        this.nodes = nodes;
        this.from = from;
        this.to = to;
        this.x = x;
        this.y = y;
        start = new int[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            start[from[e] + 1]++;
            start[to[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            start[i + 1] += start[i];
        }
        incident = new int[2 * from.length];
        int[] fill = Arrays.copyOf(start, nodes);
        for (int e = 0; e < from.length; e++) {
            incident[fill[from[e]]++] = e;
            incident[fill[to[e]]++] = e;
        }
    }

    /**
     * A graph from an edge list {@code edges[e] = {i, j}}; the layout is a circle. Rejects out-of-range nodes,
     * self-loops, repeated edges and disconnected graphs, naming the offending edge or node.
     */
    public static Graph of(int nodes, int[][] edges) {
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            x[i] = 0.5 + 0.45 * Math.cos(2 * Math.PI * i / nodes);
            y[i] = 0.5 + 0.45 * Math.sin(2 * Math.PI * i / nodes);
        }
        return of(nodes, edges, x, y);
    }

    /** A graph from an edge list with a given layout; checks as {@link #of(int, int[][])}. */
    public static Graph of(int nodes, int[][] edges, double[] x, double[] y) {
        return of(nodes, edges, x, y, true);
    }

    static Graph of(int nodes, int[][] edges, double[] x, double[] y, boolean requireConnected) {
        if (nodes < 2) {
            throw new IllegalArgumentException("a network needs at least 2 nodes, got " + nodes);
        }
        int[] from = new int[edges.length];
        int[] to = new int[edges.length];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int e = 0; e < edges.length; e++) {
            int i = edges[e][0];
            int j = edges[e][1];
            if (i < 0 || j < 0 || i >= nodes || j >= nodes) {
                throw new IllegalArgumentException("edge " + e + " (" + i + ", " + j + ") names a node outside 0.."
                        + (nodes - 1));
            }
            if (i == j) {
                throw new IllegalArgumentException("edge " + e + " is a self-loop at node " + i);
            }
            if (!seen.add((long) Math.min(i, j) * nodes + Math.max(i, j))) {
                throw new IllegalArgumentException("edge " + e + " (" + i + ", " + j + ") repeats an earlier edge");
            }
            from[e] = i;
            to[e] = j;
        }
        Graph g = new Graph(nodes, from, to, x.clone(), y.clone());
        int unreached = requireConnected ? g.firstUnreachable() : -1;
        if (requireConnected && unreached >= 0) {
            throw new IllegalArgumentException("the graph is not connected: node " + unreached
                    + " cannot be reached from node 0");
        }
        return g;
    }

    /** The first node not reachable from node 0, or -1 if the graph is connected. */
    int firstUnreachable() {
        boolean[] reached = componentOf(0);
        for (int i = 0; i < nodes; i++) {
            if (!reached[i]) {
                return i;
            }
        }
        return -1;
    }

    boolean[] componentOf(int root) {
        boolean[] reached = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(root));
        reached[root] = true;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int k = start[i]; k < start[i + 1]; k++) {
                int j = other(incident[k], i);
                if (!reached[j]) {
                    reached[j] = true;
                    queue.add(j);
                }
            }
        }
        return reached;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** Number of edges. */
    public int edgeCount() {
        return from.length;
    }

    /** One end of edge {@code e}. */
    public int from(int e) {
        return from[e];
    }

    /** The other end of edge {@code e}. */
    public int to(int e) {
        return to[e];
    }

    /** The end of edge {@code e} that is not {@code node}. */
    public int other(int e, int node) {
        return from[e] == node ? to[e] : from[e];
    }

    /** Number of edges at {@code node}. */
    public int degree(int node) {
        return start[node + 1] - start[node];
    }

    /** The {@code k}-th edge at {@code node}, {@code 0 <= k < degree(node)}. */
    public int incidentEdge(int node, int k) {
        return incident[start[node] + k];
    }

    /** Layout abscissa of a node (unit square). */
    public double x(int node) {
        return x[node];
    }

    /** Layout ordinate of a node (unit square). */
    public double y(int node) {
        return y[node];
    }

    /**
     * Reverse Cuthill-McKee order of the nodes in {@code keep} (the others are skipped): a breadth-first order from a
     * low-degree node, reversed, which keeps the Laplacian banded and so the Cholesky factor's fill small.
     */
    int[] reverseCuthillMcKee(boolean[] keep) {
        List<Integer> order = new ArrayList<>();
        boolean[] placed = new boolean[nodes];
        Integer[] byDegree = new Integer[nodes];
        for (int i = 0; i < nodes; i++) {
            byDegree[i] = i;
        }
        Arrays.sort(byDegree, (a, b) -> Integer.compare(degree(a), degree(b)));
        for (int seed : byDegree) {
            if (!keep[seed] || placed[seed]) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(seed));
            placed[seed] = true;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                order.add(i);
                List<Integer> next = new ArrayList<>();
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int j = other(incident[k], i);
                    if (keep[j] && !placed[j]) {
                        placed[j] = true;
                        next.add(j);
                    }
                }
                next.sort((a, b) -> Integer.compare(degree(a), degree(b)));
                queue.addAll(next);
            }
        }
        int[] result = new int[order.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = order.get(result.length - 1 - k);
        }
        return result;
    }
    /**
     * The block (biconnected component) of every edge, numbered from 0: two distinct edges lie on a common simple
     * cycle exactly when they are in the same block (a bridge is a block of its own). Tarjan's depth-first search,
     * iterative so a long path cannot overflow the stack; parallel edges are told apart by index.
     */
    public int[] edgeBlocks() {
        int[] disc = new int[nodes];
        Arrays.fill(disc, -1);
        int[] low = new int[nodes];
        int[] parentEdge = new int[nodes];
        int[] next = new int[nodes];
        int[] path = new int[nodes];
        int[] edgeStack = new int[edgeCount()];
        int[] block = new int[edgeCount()];
        Arrays.fill(block, -1);
        int time = 0;
        int blocks = 0;
        int stacked = 0;
        for (int root = 0; root < nodes; root++) {
            if (disc[root] >= 0) {
                continue;
            }
            int depth = 0;
            path[depth++] = root;
            disc[root] = low[root] = time++;
            parentEdge[root] = -1;
            while (depth > 0) {
                int v = path[depth - 1];
                if (next[v] < degree(v)) {
                    int e = incidentEdge(v, next[v]++);
                    if (e == parentEdge[v]) {
                        continue;
                    }
                    int w = other(e, v);
                    if (disc[w] < 0) {
                        edgeStack[stacked++] = e;
                        parentEdge[w] = e;
                        disc[w] = low[w] = time++;
                        path[depth++] = w;
                    } else if (disc[w] < disc[v]) {
                        edgeStack[stacked++] = e;
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else if (--depth > 0) {
                    int u = path[depth - 1];
                    low[u] = Math.min(low[u], low[v]);
                    if (low[v] >= disc[u]) {
                        int f;
                        do {
                            f = edgeStack[--stacked];
                            block[f] = blocks;
                        } while (f != parentEdge[v]);
                        blocks++;
                    }
                }
            }
        }
        return block;
    }
}

package org.flexphase.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * Graphs for physical networks: random geometric graphs (a flow or resistor network laid out in the plane, like the
 * disordered networks of Stern et al. 2021) and square lattices.
 */
public final class Graphs {
    private Graphs() {
    }

    /**
     * A random connected planar-like network: {@code n} points uniform in the unit square (seeded), every pair closer
     * than {@code r} joined, with {@code pi r^2 n = meanDegree}; components are then joined by their closest pair of
     * nodes until the graph is connected. Nodes are numbered by abscissa.
     */
    public static Graph randomGeometric(int n, double meanDegree, long seed) {
        Checks.requireAtLeast(n, 3, "nodes");
        Checks.requireInRange(meanDegree, 1.0, n - 1.0, "mean degree");
        RandomGenerator rng = Rngs.create(seed);
        double[][] pts = new double[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = new double[]{rng.nextDouble(), rng.nextDouble()};
        }
        java.util.Arrays.sort(pts, (a, b) -> Double.compare(a[0], b[0]));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pts[i][0];
            y[i] = pts[i][1];
        }
        double r2 = meanDegree / (Math.PI * n);
        double r = Math.sqrt(r2);
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && x[j] - x[i] < r; j++) {
                if (dist2(x, y, i, j) < r2) {
                    edges.add(new int[]{i, j});
                }
            }
        }
        while (true) {
            Graph g = Graph.of(n, edges.toArray(new int[0][]), x, y, false);
            boolean[] in = g.componentOf(0);
            int bestI = -1;
            int bestJ = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (!in[j] && dist2(x, y, i, j) < best) {
                        best = dist2(x, y, i, j);
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                return g;
            }
            edges.add(new int[]{Math.min(bestI, bestJ), Math.max(bestI, bestJ)});
        }
    }

    /** The {@code rows x cols} square lattice, nodes numbered row by row. */
    public static Graph squareLattice(int rows, int cols) {
        Checks.requireAtLeast(rows, 1, "rows");
        Checks.requireAtLeast(cols, 2, "cols");
        int n = rows * cols;
        double[] x = new double[n];
        double[] y = new double[n];
        List<int[]> edges = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                x[i] = (c + 0.5) / cols;
                y[i] = (r + 0.5) / rows;
                if (c + 1 < cols) {
                    edges.add(new int[]{i, i + 1});
                }
                if (r + 1 < rows) {
                    edges.add(new int[]{i, i + cols});
                }
            }
        }
        return Graph.of(n, edges.toArray(new int[0][]), x, y);
    }

    private static double dist2(double[] x, double[] y, int i, int j) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        return dx * dx + dy * dy;
    }
}

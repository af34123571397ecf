package org.flexphase.experiments.networks;

import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.FlexiblePhaseMoments;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The exact-bias table of {@code reproduce --parts networks} ({@code network_exact_bias.csv}): how far the exact mean
 * update of flexible phases (the solver of docs/theory.md section 5.2) lies from the two-phase rule, against
 * {@code p / r}, on small networks where both are computed exactly. No runs: a table of solves.
 */
public final class ExactBias {
    /** Networks (seeds) of the part's table. */
    static final int SEEDS = 5;
    static final double[] RATES = {0.1, 0.25, 0.5};
    static final double[] PS = {0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.0025};

    private ExactBias() {
    }

    /** The exact relative bias and cosine of the mean update against the two-phase rule, for p and r (seed 1). */
    public static Table table() {
        return table(1);
    }

    /**
     * The exact relative bias and cosine of the mean update against the two-phase rule, for p and r, on
     * {@code seeds} 12-node networks and tasks (seed s: graph seed 4 + s, roles 5 + s, task 6 + s; seed 1 is the
     * network this table always had).
     */
    public static Table table(int seeds) {
        Table t = Table.create("network_exact_bias", IntColumn.create("seed"), DoubleColumn.create("relax_rate"),
                DoubleColumn.create("p"), DoubleColumn.create("p_over_r"), DoubleColumn.create("relative_bias"),
                DoubleColumn.create("cosine"));
        for (int seed = 1; seed <= seeds; seed++) {
            ResistorNetwork net = ResistorNetwork.withReachableRoles(Graphs.randomGeometric(12, 4.0, 4 + seed), 2, 2,
                    1.0, 1e-3, 1e3, 5 + seed).network();
            CouplingTask task = CouplingTask.randomLinear(2, 2, 2, 6 + seed);
            for (double r : RATES) {
                CoupledLearning sys = new CoupledLearning(net, task, 0.1, Relaxation.Kind.UNIFORM, r);
                double[] u = sys.twoPhaseUpdate();
                for (double p : PS) {
                    double[] h = FlexiblePhaseMoments.meanUpdate(sys, 0.5, p, p);
                    double d = 0;
                    double nu = 0;
                    double nh = 0;
                    double dot = 0;
                    for (int e = 0; e < u.length; e++) {
                        d += (h[e] - u[e]) * (h[e] - u[e]);
                        nu += u[e] * u[e];
                        nh += h[e] * h[e];
                        dot += h[e] * u[e];
                    }
                    t.intColumn("seed").append(seed);
                    t.doubleColumn("relax_rate").append(r);
                    t.doubleColumn("p").append(p);
                    t.doubleColumn("p_over_r").append(p / r);
                    t.doubleColumn("relative_bias").append(Math.sqrt(d / nu));
                    t.doubleColumn("cosine").append(dot / Math.sqrt(nu * nh));
                }
            }
        }
        return t;
    }
}

package org.flexphase.experiments.networks;

import java.util.random.RandomGenerator;
import org.flexphase.circuits.CircuitState;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.Relaxation;
import org.flexphase.learning.LocalLearning;
import org.flexphase.util.Rngs;
import org.flexphase.runs.NetworkRun;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Why flexible phases stall at 64 nodes (docs/experiments.md, "Physical networks"): at frozen conductances, how far the
 * time average of the flexible-phase increments over {@code T} steps is from the two-phase rule {@code u} it averages
 * to, for several nudge amplitudes. Each step's statistic {@code +-(1/b)(1/eta_c) 1/2 (Delta p)^2} is of order
 * {@code 1/eta_c} times {@code u}, and its sign follows the phase, so the average carries the fluctuation of the time
 * spent in each phase (correlated over {@code 1/p} steps) times {@code (Delta p)^2 / eta_c}: relative error of order
 * {@code 1 / (eta_c sqrt(p T))}.
 */
public final class FlexibleNoise {
    static final double[] NUDGES = {0.1, 0.3, 1.0};
    static final long[] CHECKPOINTS = {25_000, 100_000, 400_000};

    private FlexibleNoise() {
    }

    /**
     * The regression network and task of the 64-node runs of seed {@code seed} (the curves' network: the same graph,
     * roles and task as {@code network --seed seed}) with nudge {@code eta}, uniform relaxation 0.5.
     */
    static CoupledLearning system(double eta, long seed) {
        return NetworkRun.system(NetworkSettings.DEFAULTS.withNodes(64).withRelax(Relaxation.Kind.UNIFORM)
                .withRelaxRate(NetworkExperiment.RELAX).withNudge(eta).withSeed(seed)).system();
    }

    /** As {@link #table(double, int)} on the seed-1 network. */
    public static Table table(double p) {
        return table(p, 1);
    }

    /**
     * Relative error and cosine of the frozen-conductance time average against u, per seed (the seed's 64-node
     * network and task), nudge and averaging time.
     */
    public static Table table(double p, int seeds) {
        Table t = Table.create("network_flexible_noise", IntColumn.create("seed"), DoubleColumn.create("nudge"),
                DoubleColumn.create("p"), DoubleColumn.create("steps"), DoubleColumn.create("relative_error"),
                DoubleColumn.create("cosine"));
        for (int seed = 1; seed <= seeds; seed++) {
            for (double eta : NUDGES) {
                addRows(t, system(eta, seed), eta, p, seed);
            }
        }
        return t;
    }

    private static void addRows(Table t, CoupledLearning sys, double eta, double p, int seed) {
        double[] u = sys.twoPhaseUpdate();
        LocalLearning<CircuitState> local = new CouplingTrainer(NetworkSettings.DEFAULTS.withMode(CouplingMode.LOCAL)
                .withB(0.5).withSwitchProb(p).withPresentProb(p / 5).withPhaseLength(10).withLr(1).withSteps(1)
                .withEvalEvery(1).withSeed(1)).local(sys);
        RandomGenerator rng = Rngs.create(10 + seed);
        CircuitState state = sys.newState();
        double[] sum = new double[u.length];
        long done = 0;
        for (long steps : CHECKPOINTS) {
            local.sumIncrements(state, steps - done, rng, sum);
            done = steps;
            double d = 0;
            double nu = 0;
            double nh = 0;
            double dot = 0;
            for (int e = 0; e < u.length; e++) {
                double h = sum[e] / steps;
                d += (h - u[e]) * (h - u[e]);
                nu += u[e] * u[e];
                nh += h * h;
                dot += h * u[e];
            }
            t.intColumn("seed").append(seed);
            t.doubleColumn("nudge").append(eta);
            t.doubleColumn("p").append(p);
            t.doubleColumn("steps").append(steps);
            t.doubleColumn("relative_error").append(Math.sqrt(d / nu));
            t.doubleColumn("cosine").append(dot / Math.sqrt(nu * nh));
        }
    }
}

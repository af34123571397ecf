package org.flexphase.bench;

import org.flexphase.circuits.CircuitState;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.phases.Phase;
import tech.tablesaw.api.Table;

/**
 * Single-thread throughput of resistor networks: free-plus-clamped equilibrium pairs per second with the
 * conductances changed before every pair (so both factorisations are redone, as in standard coupled learning), exact
 * coupled-learning updates per second (the pair, the rule on every edge, the conductances projected into their box),
 * Jacobi sweeps per second, and flexible-phase learning steps per second with uniform relaxation (a solve per step).
 */
public final class NetworkThroughput {
    private NetworkThroughput() {
    }

    /** Sizes of the solve and update rows. */
    static final int[] SOLVE_SIZES = {512, 2048, 4096};
    /** Sizes of the Jacobi and flexible-phase rows. */
    static final int[] STEP_SIZES = {512, 2048};

    /**
     * Adds the network rows to a {@link Throughput} table. Each is measured after a warm-up of a third of its time
     * (JIT compilation), and timed by the measuring thread's CPU time, not the wall clock: on a shared machine the
     * figure is what one core does while the thread runs, whatever else the machine runs.
     */
    public static void addTo(Table t, double seconds) {
        double warm = seconds / 3;
        for (int n : SOLVE_SIZES) {
            solvePairs(n, warm);
            Throughput.add(t, "network_solve_pairs_" + n, solvePairs(n, seconds), "free+clamped pairs per CPU s");
            updates(n, warm);
            Throughput.add(t, "network_updates_" + n, updates(n, seconds), "coupled-learning updates per CPU s");
        }
        for (int n : STEP_SIZES) {
            sweeps(n, warm);
            Throughput.add(t, "network_jacobi_sweeps_" + n, sweeps(n, seconds), "sweeps per CPU s");
            localSteps(n, warm);
            Throughput.add(t, "network_local_steps_uniform_" + n, localSteps(n, seconds), "steps per CPU s");
        }
    }

    /** CPU time of the calling thread in nanoseconds (wall time where the JVM cannot measure it). */
    static long cpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Only the network rows, as {@link Throughput#run} lays them out ({@code bench --only network}). */
    public static Table run(double seconds) {
        Table t = Throughput.table();
        addTo(t, seconds);
        return t;
    }

    static CoupledLearning system(int nodes, Relaxation.Kind kind) {
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(nodes, 4.0, 1), 3, 2, 1.0, 1e-3,
                1e3, 2);
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, 5, 3), 0.1, kind, 0.5);
    }

    /** Free and clamped equilibria per second, a conductance changed before each pair. */
    public static double solvePairs(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.JACOBI);
        double[] pf = new double[nodes];
        double[] pc = new double[nodes];
        double[] clamp = new double[2];
        double[] k = sys.parameters();
        long pairs = 0;
        long start = cpuNanos();
        long end = start + (long) (seconds * 1e9);
        while (cpuNanos() < end) {
            int e = (int) (pairs % k.length);
            k[e] = k[e] == 1.0 ? 1.001 : 1.0;
            int m = (int) (pairs % 5);
            sys.freeEquilibrium(m, pf);
            sys.nudgedFrom(pf, m, clamp);
            sys.clampedEquilibrium(m, clamp, pc);
            pairs++;
        }
        return pairs / ((cpuNanos() - start) / 1e9);
    }

    /**
     * Exact coupled-learning updates per second: for one example, the free equilibrium, the clamp, the clamped
     * equilibrium and the rule {@code (alpha / eta_c) 1/2 [(Delta p^F)^2 - (Delta p^C)^2]} added to every conductance,
     * projected into the box, so the next update refactorises both Laplacians (what one standard update costs with
     * equilibrated phases). The rate is small so the conductances stay near 1 over any measuring time.
     */
    public static double updates(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.JACOBI);
        double[] pf = new double[nodes];
        double[] pc = new double[nodes];
        double[] clamp = new double[2];
        long n = 0;
        long start = cpuNanos();
        long end = start + (long) (seconds * 1e9);
        while (cpuNanos() < end) {
            update(sys, (int) (n % 5), UPDATE_RATE, pf, pc, clamp);
            n++;
        }
        return n / ((cpuNanos() - start) / 1e9);
    }

    static final double UPDATE_RATE = 1e-6;

    /** One exact coupled-learning update on example {@code m} at rate {@code alpha} (work arrays given). */
    static void update(CoupledLearning sys, int m, double alpha, double[] pf, double[] pc, double[] clamp) {
        sys.freeEquilibrium(m, pf);
        sys.nudgedFrom(pf, m, clamp);
        sys.clampedEquilibrium(m, clamp, pc);
        sys.addRule(pf, pc, alpha, sys.parameters());
        sys.parametersChanged();
    }

    /** Jacobi relaxation sweeps per second (free phase, so no clamp is computed). */
    public static double sweeps(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.JACOBI);
        CircuitState s = sys.newState();
        s.show(0);
        long n = 0;
        long start = cpuNanos();
        long end = start + (long) (seconds * 1e9);
        while (cpuNanos() < end) {
            for (int i = 0; i < 100; i++) {
                sys.step(s, Phase.NEGATIVE, null);
            }
            n += 100;
        }
        return n / ((cpuNanos() - start) / 1e9);
    }

    /**
     * Flexible-phase learning steps per second (uniform relaxation, p = 0.05): the conductances change every step, so
     * every step refactorises the phase's Laplacian before its solve.
     */
    public static double localSteps(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.UNIFORM);
        long n = 0;
        long start = cpuNanos();
        long end = start + (long) (seconds * 1e9);
        while (cpuNanos() < end) {
            new CouplingTrainer(NetworkSettings.DEFAULTS.withMode(CouplingMode.LOCAL).withB(0.5).withSwitchProb(0.05)
                    .withPresentProb(0.01).withPhaseLength(10).withLr(1e-4).withSteps(500).withEvalEvery(500).withSeed(n))
                    .train(sys, null);
            n += 500;
        }
        return n / ((cpuNanos() - start) / 1e9);
    }
}

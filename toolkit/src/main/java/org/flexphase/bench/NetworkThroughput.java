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
 * conductances changed before every pair (so both factorisations are redone, as in standard coupled learning), Jacobi
 * sweeps per second, and flexible-phase learning steps per second with uniform relaxation (a solve per step).
 */
public final class NetworkThroughput {
    private NetworkThroughput() {
    }

    /** Adds the network rows to a {@link Throughput} table. */
    public static void addTo(Table t, double seconds) {
        for (int n : new int[]{512, 2048}) {
            Throughput.add(t, "network_solve_pairs_" + n, solvePairs(n, seconds), "free+clamped pairs/s");
            Throughput.add(t, "network_jacobi_sweeps_" + n, sweeps(n, seconds), "sweeps/s");
            Throughput.add(t, "network_local_steps_uniform_" + n, localSteps(n, seconds), "steps/s");
        }
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
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            int e = (int) (pairs % k.length);
            k[e] = k[e] == 1.0 ? 1.001 : 1.0;
            int m = (int) (pairs % 5);
            sys.freeEquilibrium(m, pf);
            sys.nudgedFrom(pf, m, clamp);
            sys.clampedEquilibrium(m, clamp, pc);
            pairs++;
        }
        return pairs / ((System.nanoTime() - start) / 1e9);
    }

    /** Jacobi relaxation sweeps per second (free phase, so no clamp is computed). */
    public static double sweeps(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.JACOBI);
        CircuitState s = sys.newState();
        s.show(0);
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sys.step(s, Phase.NEGATIVE, null);
            }
            n += 100;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Flexible-phase learning steps per second (uniform relaxation, p = 0.05): the conductances change every step, so
     * every step refactorises the phase's Laplacian before its solve.
     */
    public static double localSteps(int nodes, double seconds) {
        CoupledLearning sys = system(nodes, Relaxation.Kind.UNIFORM);
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            new CouplingTrainer(NetworkSettings.DEFAULTS.withMode(CouplingMode.LOCAL).withB(0.5).withSwitchProb(0.05)
                    .withPresentProb(0.01).withPhaseLength(10).withLr(1e-4).withSteps(500).withEvalEvery(500).withSeed(n))
                    .train(sys, null);
            n += 500;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}

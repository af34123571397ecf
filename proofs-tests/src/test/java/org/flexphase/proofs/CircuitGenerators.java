package org.flexphase.proofs;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.util.Rngs;
import org.quicktheories.core.Gen;

/**
 * Random resistor networks for the circuit properties (T14-T16): a random geometric graph or a square lattice, random
 * roles (inputs, ground, outputs), conductances uniform in [0.2, 2] (box [0.1, 10]), and a task of random inputs in
 * [-1, 1] with random targets in [-1, 1]. Every value derives from the printed seed and sizes.
 */
final class CircuitGenerators {
    private CircuitGenerators() {
    }

    /** A network, its task, and how they were drawn. */
    record Circuit(ResistorNetwork net, CouplingTask task, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** Networks of {@code minNodes..maxNodes} nodes with 1-3 inputs, 1-3 outputs and 1..maxExamples examples. */
    static Gen<Circuit> circuits(int minNodes, int maxNodes, int maxExamples) {
        return integers().between(minNodes, maxNodes).zip(integers().between(1, 3), integers().between(1, 3),
                integers().between(1, maxExamples), (n, in, out, m) -> new int[]{n, in, out, m})
                .zip(doubles().between(2.5, 5.0), integers().between(0, 1), longs().between(1, 1_000_000_000L),
                        (s, degree, lattice, seed) -> circuit(s[0], s[1], s[2], s[3], degree, lattice == 1, seed));
    }

    static Circuit circuit(int n, int nIn, int nOut, int examples, double degree, boolean lattice, long seed) {
        Graph g = lattice ? Graphs.squareLattice(Math.max(1, n / 4), 4) : Graphs.randomGeometric(n, degree, seed);
        int nodes = g.nodeCount();
        int in = Math.min(nIn, (nodes - 2) / 2);
        int out = Math.min(nOut, (nodes - 2) / 2);
        ResistorNetwork base = ResistorNetwork.withRandomRoles(g, in, out, 1.0, 0.1, 10.0, seed + 1);
        CouplingTask task = drawConductancesAndTask(base, in, out, examples, seed + 2);
        String d = String.format(Locale.ROOT, "%s(%d nodes, %d edges, degree %.2f) inputs=%d outputs=%d examples=%d "
                + "seed=%d", lattice ? "lattice" : "geometric", nodes, g.edgeCount(), degree, in, out, examples, seed);
        return new Circuit(base, task, d);
    }

    /**
     * Networks with edge terminals (docs/theory.md section 5.2): a random geometric graph of {@code minNodes..maxNodes}
     * nodes, 1-3 input edges and 1-3 output edges sharing no node (fewer when the graph has no such edges), a ground on
     * no terminal, conductances uniform in [0.2, 2], input drops and targets uniform in [-1, 1].
     */
    static Gen<Circuit> edgeCircuits(int minNodes, int maxNodes, int maxExamples) {
        return integers().between(minNodes, maxNodes).zip(integers().between(1, 3), integers().between(1, 3),
                integers().between(1, maxExamples), (n, in, out, m) -> new int[]{n, in, out, m})
                .zip(doubles().between(2.5, 5.0), longs().between(1, 1_000_000_000L),
                        (s, degree, seed) -> edgeCircuit(s[0], s[1], s[2], s[3], degree, seed));
    }

    static Circuit edgeCircuit(int n, int nIn, int nOut, int examples, double degree, long seed) {
        Graph g = Graphs.randomGeometric(n, degree, seed);
        int in = nIn;
        int out = nOut;
        ResistorNetwork base = null;
        while (base == null) {
            try {
                base = ResistorNetwork.withRandomEdgeRoles(g, in, out, 1.0, 0.1, 10.0, seed + 1);
            } catch (IllegalArgumentException tooMany) {
                // a sparse small graph may have fewer disjoint edges than asked: drop a terminal and redraw
                if (in >= out && in > 1) {
                    in--;
                } else if (out > 1) {
                    out--;
                } else {
                    throw tooMany;
                }
            }
        }
        CouplingTask task = drawConductancesAndTask(base, in, out, examples, seed + 2);
        String d = String.format(Locale.ROOT, "edge terminals: geometric(%d nodes, %d edges, degree %.2f) input "
                + "edges=%d output edges=%d examples=%d seed=%d", g.nodeCount(), g.edgeCount(), degree, in, out,
                examples, seed);
        return new Circuit(base, task, d);
    }

    /**
     * Draws the conductances (uniform in [0.2, 2], in place) and then the task (inputs and targets uniform in
     * [-1, 1]) from one stream, in that order, for node and edge terminals alike.
     */
    private static CouplingTask drawConductancesAndTask(ResistorNetwork base, int in, int out, int examples,
            long seed) {
        RandomGenerator rng = Rngs.create(seed);
        double[] k = base.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = 0.2 + 1.8 * rng.nextDouble();
        }
        double[][] x = new double[examples][in];
        double[][] t = new double[examples][out];
        for (int m = 0; m < examples; m++) {
            for (int s = 0; s < in; s++) {
                x[m][s] = 2 * rng.nextDouble() - 1;
            }
            for (int o = 0; o < out; o++) {
                t[m][o] = 2 * rng.nextDouble() - 1;
            }
        }
        return new CouplingTask(x, t);
    }

    /**
     * Redraws every conductance of {@code net} uniformly in [0.1, 10] (in place): the second round of the
     * equilibrium properties, which must hold away from the generators' [0.2, 2] as well.
     */
    static void redrawConductances(ResistorNetwork net, RandomGenerator rng) {
        double[] k = net.conductances();
        for (int e = 0; e < k.length; e++) {
            k[e] = 0.1 + 9.9 * rng.nextDouble();
        }
    }
}

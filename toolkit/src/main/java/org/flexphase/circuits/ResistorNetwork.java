package org.flexphase.circuits;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.flexphase.util.Checks;
import org.flexphase.util.Rngs;

/**
 * A linear resistor (or flow) network, docs/theory.md section 5.2: a connected graph whose edges carry conductances
 * {@code k_e} in {@code [kMin, kMax]} (the learned parameters, one flat vector, live), input nodes held at given
 * potentials, a ground node held at 0, and output nodes that are free in the free phase and held in the clamped one.
 * The dissipated power of potentials {@code p} is {@code P = 1/2 sum_e k_e (p_i - p_j)^2}.
 */
public final class ResistorNetwork {
    private final Graph graph;
    private final double[] conductances;
    private final double kMin;
    private final double kMax;
    private final int[] inputs;
    private final int ground;
    private final int[] outputs;
    /** With edge terminals: the second node of each input and output edge (null: node terminals). */
    private final int[] inputPartners;
    private final int[] outputPartners;

    /**
     * A network on {@code graph} with the given initial conductances (copied) and node roles; inputs, ground and outputs
     * must be distinct nodes, and every conductance must lie in {@code [kMin, kMax]}, {@code 0 < kMin <= kMax}.
     */
    public ResistorNetwork(Graph graph, double[] conductances, double kMin, double kMax, int[] inputs, int ground,
                           int[] outputs) {
        this(graph, conductances, kMin, kMax, inputs, ground, outputs, null, null);
    }

    /**
     * A network with edge terminals (docs/theory.md section 5.2, edge inputs and outputs): input {@code s} is the
     * potential drop {@code p[inputs[s]] - p[inputPartners[s]]} (a source across the two nodes) and output {@code o}
     * the drop {@code p[outputs[o]] - p[outputPartners[o]]}; the ground is a reference node (potential 0) on no terminal.
     * Every terminal node must be distinct from every other and from the ground. Both partner arrays null: node
     * terminals, as {@link #ResistorNetwork(Graph, double[], double, double, int[], int, int[])}.
     */
    public ResistorNetwork(Graph graph, double[] conductances, double kMin, double kMax, int[] inputs, int ground,
                           int[] outputs, int[] inputPartners, int[] outputPartners) {
        this.graph = graph;
        if ((inputPartners == null) != (outputPartners == null)
                || inputPartners != null && (inputPartners.length != inputs.length
                || outputPartners.length != outputs.length)) {
            throw new IllegalArgumentException("edge terminals need one partner node per input and per output, or "
                    + "none at all");
        }
        Checks.requirePositive(kMin, "k-min");
        if (!(kMax >= kMin) || Double.isInfinite(kMax)) {
            throw new IllegalArgumentException("k-max must be finite and at least k-min = " + kMin + ", got " + kMax);
        }
        if (conductances.length != graph.edgeCount()) {
            throw new IllegalArgumentException("conductances: " + conductances.length + " values for "
                    + graph.edgeCount() + " edges");
        }
        for (int e = 0; e < conductances.length; e++) {
            Checks.requireInRange(conductances[e], kMin, kMax, "conductance of edge " + e);
        }
        if (inputs.length == 0 || outputs.length == 0) {
            throw new IllegalArgumentException("a network needs at least one input and one output node");
        }
        boolean[] used = new boolean[graph.nodeCount()];
        int[][] groups = inputPartners == null ? new int[][]{inputs, {ground}, outputs}
                : new int[][]{inputs, {ground}, outputs, inputPartners, outputPartners};
        for (int[] group : groups) {
            for (int i : group) {
                Checks.requireInRange(i, 0, graph.nodeCount() - 1, "node");
                if (used[i]) {
                    throw new IllegalArgumentException("node " + i + " has two roles (inputs, ground and outputs must "
                            + "be distinct)");
                }
                used[i] = true;
            }
        }
        int terminalNodes = (inputPartners == null ? 1 : 2) * (inputs.length + outputs.length);
        if (terminalNodes + 1 >= graph.nodeCount()) {
            throw new IllegalArgumentException("a network of " + graph.nodeCount() + " nodes cannot have "
                    + inputs.length + " inputs, a ground and " + outputs.length + " outputs and a hidden node");
        }
        this.conductances = conductances.clone();
        this.kMin = kMin;
        this.kMax = kMax;
        this.inputs = inputs.clone();
        this.ground = ground;
        this.outputs = outputs.clone();
        this.inputPartners = inputPartners == null ? null : inputPartners.clone();
        this.outputPartners = outputPartners == null ? null : outputPartners.clone();
    }

    /**
     * Random edge terminals on {@code graph}: {@code nInputs} input edges and {@code nOutputs} output edges, drawn
     * (seeded) from the graph's edges in a shuffled order, an edge kept when neither of its nodes is already on a
     * kept edge, so no two terminals share a node; then a ground among the remaining nodes. Every conductance starts at
     * {@code k0}. An edge's orientation is the graph's: its drop is {@code p_from - p_to}.
     */
    public static ResistorNetwork withRandomEdgeRoles(Graph graph, int nInputs, int nOutputs, double k0, double kMin,
                                                      double kMax, long seed) {
        Checks.requireAtLeast(nInputs, 1, "inputs");
        Checks.requireAtLeast(nOutputs, 1, "outputs");
        RandomGenerator rng = Rngs.create(seed);
        int m = graph.edgeCount();
        int[] order = shuffled(m, rng);
        boolean[] used = new boolean[graph.nodeCount()];
        int need = nInputs + nOutputs;
        int[] from = new int[need];
        int[] to = new int[need];
        int got = 0;
        for (int i = 0; i < m && got < need; i++) {
            int e = order[i];
            int a = graph.from(e);
            int b = graph.to(e);
            if (!used[a] && !used[b]) {
                used[a] = true;
                used[b] = true;
                from[got] = a;
                to[got] = b;
                got++;
            }
        }
        if (got < need) {
            throw new IllegalArgumentException("this " + graph.nodeCount() + "-node graph has no " + need
                    + " edges without a shared node (found " + got + "); use more nodes or fewer terminals");
        }
        int[] rest = new int[graph.nodeCount() - 2 * need];
        int r = 0;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                rest[r++] = i;
            }
        }
        if (rest.length < 2) {
            throw new IllegalArgumentException("a network of " + graph.nodeCount() + " nodes cannot have " + need
                    + " terminal edges, a ground and a hidden node");
        }
        int ground = rest[rng.nextInt(rest.length)];
        double[] k = new double[m];
        Arrays.fill(k, k0);
        return new ResistorNetwork(graph, k, kMin, kMax, Arrays.copyOfRange(from, 0, nInputs), ground,
                Arrays.copyOfRange(from, nInputs, need), Arrays.copyOfRange(to, 0, nInputs),
                Arrays.copyOfRange(to, nInputs, need));
    }

    private static int[] shuffled(int n, RandomGenerator rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Whether inputs and outputs are potential drops across edges (true) or node potentials (false). */
    public boolean edgeTerminals() {
        return inputPartners != null;
    }

    /** The second node of input edge {@code s} (edge terminals only). */
    public int inputPartner(int s) {
        return inputPartners[s];
    }

    /** The second node of output edge {@code o} (edge terminals only). */
    public int outputPartner(int o) {
        return outputPartners[o];
    }

    /**
     * Output {@code o}'s value in potentials {@code p}: the node's potential, or with edge terminals the drop
     * {@code p[output] - p[partner]}.
     */
    public double outputValue(int o, double[] p) {
        return inputPartners == null ? p[outputs[o]] : p[outputs[o]] - p[outputPartners[o]];
    }

    /**
     * The nodes tied in a phase: {@code tie[i] = j} when node {@code i} keeps the drop {@code p_j - p_i} written
     * before a solve and moves with {@code j} (a source across the edge), -1 otherwise. Input edges are tied always,
     * output edges when {@code clamped}; with node terminals nothing is tied.
     */
    public int[] ties(boolean clamped) {
        int[] tie = new int[graph.nodeCount()];
        Arrays.fill(tie, -1);
        if (inputPartners != null) {
            for (int s = 0; s < inputs.length; s++) {
                tie[inputPartners[s]] = inputs[s];
            }
            if (clamped) {
                for (int o = 0; o < outputs.length; o++) {
                    tie[outputPartners[o]] = outputs[o];
                }
            }
        }
        return tie;
    }

    /**
     * Random roles on {@code graph}: {@code nInputs} input nodes, one ground and {@code nOutputs} output nodes drawn
     * without replacement (seeded); every conductance starts at {@code k0}.
     */
    public static ResistorNetwork withRandomRoles(Graph graph, int nInputs, int nOutputs, double k0, double kMin,
                                                  double kMax, long seed) {
        Checks.requireAtLeast(nInputs, 1, "inputs");
        Checks.requireAtLeast(nOutputs, 1, "outputs");
        int n = graph.nodeCount();
        Checks.requireInRange(nInputs + nOutputs + 2, 3, n, "inputs + outputs + 2 (ground and a hidden node)");
        int[] order = shuffled(n, Rngs.create(seed));
        double[] k = new double[graph.edgeCount()];
        Arrays.fill(k, k0);
        return new ResistorNetwork(graph, k, kMin, kMax, Arrays.copyOfRange(order, 0, nInputs), order[nInputs],
                Arrays.copyOfRange(order, nInputs + 1, nInputs + 1 + nOutputs));
    }

    /** A network and how many role draws were refused before it ({@link #withReachableRoles}). */
    public record Drawn(ResistorNetwork network, int redraws) {
    }

    /** Role draws {@link #withReachableRoles} tries before it gives up on a graph. */
    public static final int MAX_ROLE_DRAWS = 1000;

    /**
     * As {@link #withRandomRoles}, redrawn until every output reaches an input without passing through the ground: an
     * output that reaches the inputs only through the ground sits at 0 in every equilibrium, whatever the
     * conductances, so no learning can move it (docs/theory.md section 5.2, reachable tasks). The first draw uses
     * {@code seed}, so a network that was reachable is the same network; draw {@code a > 0} uses
     * {@code Rngs.mix(seed, a)}. Throws when {@link #MAX_ROLE_DRAWS} draws all fail.
     */
    public static Drawn withReachableRoles(Graph graph, int nInputs, int nOutputs, double k0, double kMin,
                                           double kMax, long seed) {
        for (int a = 0; a < MAX_ROLE_DRAWS; a++) {
            ResistorNetwork net = withRandomRoles(graph, nInputs, nOutputs, k0, kMin, kMax,
                    a == 0 ? seed : Rngs.mix(seed, a));
            if (net.outputsReachInputs()) {
                return new Drawn(net, a);
            }
        }
        throw new IllegalArgumentException("no draw of " + nInputs + " inputs, a ground and " + nOutputs + " outputs "
                + "on this " + graph.nodeCount() + "-node graph lets every output reach an input except through the "
                + "ground (" + MAX_ROLE_DRAWS + " draws); use a denser graph (degree) or fewer terminals");
    }

    /**
     * As {@link #withRandomEdgeRoles}, redrawn until every output edge can carry current from the input edges: an
     * output edge on no cycle through an input edge (a bridge, or in another block of the graph) carries no current
     * in any equilibrium, so its drop is 0 whatever the conductances and no learning can move it. Draws and records as
     * {@link #withReachableRoles}: the first draw uses {@code seed} (a network whose first draw was reachable is the
     * same network), draw {@code a > 0} uses {@code Rngs.mix(seed, a)}; a later draw that finds too few disjoint edges
     * counts as refused. Throws when {@link #MAX_ROLE_DRAWS} draws all fail.
     */
    public static Drawn withReachableEdgeRoles(Graph graph, int nInputs, int nOutputs, double k0, double kMin,
                                               double kMax, long seed) {
        for (int a = 0; a < MAX_ROLE_DRAWS; a++) {
            ResistorNetwork net;
            try {
                net = withRandomEdgeRoles(graph, nInputs, nOutputs, k0, kMin, kMax, a == 0 ? seed : Rngs.mix(seed, a));
            } catch (IllegalArgumentException e) {
                if (a == 0) {
                    throw e;
                }
                continue;
            }
            if (net.outputsReachInputs()) {
                return new Drawn(net, a);
            }
        }
        throw new IllegalArgumentException("no draw of " + nInputs + " input and " + nOutputs + " output edges on "
                + "this " + graph.nodeCount() + "-node graph puts every output edge on a cycle through an input edge ("
                + MAX_ROLE_DRAWS + " draws); use a denser graph (degree) or fewer terminals");
    }

    /**
     * Whether the inputs can move every output whatever the conductances. Node terminals: every output node reaches
     * some input node by a path that avoids the ground. Edge terminals: every output edge lies on a simple cycle with
     * some input edge (the same block of the graph, {@link Graph#edgeBlocks}), the only way a drop source's current
     * can pass through it (the ground carries no current there).
     */
    public boolean outputsReachInputs() {
        if (inputPartners != null) {
            return outputEdgesShareABlockWithAnInput();
        }
        int n = graph.nodeCount();
        boolean[] reached = new boolean[n];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int i : inputs) {
            reached[i] = true;
            queue.add(i);
        }
        reached[ground] = true;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (int m = 0; m < graph.degree(i); m++) {
                int j = graph.other(graph.incidentEdge(i, m), i);
                if (!reached[j]) {
                    reached[j] = true;
                    queue.add(j);
                }
            }
        }
        for (int o : outputs) {
            if (!reached[o]) {
                return false;
            }
        }
        return true;
    }

    private boolean outputEdgesShareABlockWithAnInput() {
        int[] block = graph.edgeBlocks();
        java.util.Set<Integer> driven = new java.util.HashSet<>();
        for (int s = 0; s < inputs.length; s++) {
            driven.add(block[edgeBetween(inputs[s], inputPartners[s])]);
        }
        for (int o = 0; o < outputs.length; o++) {
            if (!driven.contains(block[edgeBetween(outputs[o], outputPartners[o])])) {
                return false;
            }
        }
        return true;
    }

    /** An edge joining {@code a} and {@code b} (a terminal's edge). */
    private int edgeBetween(int a, int b) {
        for (int k = 0; k < graph.degree(a); k++) {
            int e = graph.incidentEdge(a, k);
            if (graph.other(e, a) == b) {
                return e;
            }
        }
        throw new IllegalStateException("no edge between terminal nodes " + a + " and " + b);
    }

    /** A copy on the same graph and roles with other conductances (each in {@code [kMin, kMax]}). */
    public ResistorNetwork withConductances(double[] k) {
        return new ResistorNetwork(graph, k, kMin, kMax, inputs, ground, outputs, inputPartners, outputPartners);
    }

    /** The conductances, live: the learner writes into this array, then calls {@link #projectConductances()}. */
    public double[] conductances() {
        return conductances;
    }

    /** Clips every conductance into {@code [kMin, kMax]} (the physical range of the edges). */
    public void projectConductances() {
        for (int e = 0; e < conductances.length; e++) {
            conductances[e] = Math.min(kMax, Math.max(kMin, conductances[e]));
        }
    }

    /** The graph. */
    public Graph graph() {
        return graph;
    }

    /** Smallest allowed conductance. */
    public double kMin() {
        return kMin;
    }

    /** Largest allowed conductance. */
    public double kMax() {
        return kMax;
    }

    /** Input nodes (a copy). */
    public int[] inputs() {
        return inputs.clone();
    }

    /** The ground node (potential 0). */
    public int ground() {
        return ground;
    }

    /** Output nodes (a copy). */
    public int[] outputs() {
        return outputs.clone();
    }

    /** Number of output nodes. */
    public int outputCount() {
        return outputs.length;
    }

    /** Number of input nodes. */
    public int inputCount() {
        return inputs.length;
    }

    /** Output node number {@code o}. */
    public int output(int o) {
        return outputs[o];
    }

    /** Input node number {@code s}. */
    public int input(int s) {
        return inputs[s];
    }

    /** Potential drop across edge {@code e}: {@code p_from - p_to}. */
    public double drop(int e, double[] p) {
        return p[graph.from(e)] - p[graph.to(e)];
    }

    /** Dissipated power {@code 1/2 sum_e k_e (Delta p_e)^2}. */
    public double power(double[] p) {
        double s = 0;
        for (int e = 0; e < conductances.length; e++) {
            double d = drop(e, p);
            s += conductances[e] * d * d;
        }
        return 0.5 * s;
    }

    /** Net current leaving {@code node}: {@code sum_j k_ij (p_node - p_j)} (zero at a free node in equilibrium). */
    public double netCurrent(int node, double[] p) {
        double s = 0;
        for (int k = 0; k < graph.degree(node); k++) {
            int e = graph.incidentEdge(node, k);
            s += conductances[e] * (p[node] - p[graph.other(e, node)]);
        }
        return s;
    }

    /**
     * The scale of the terms of {@link #netCurrent} at {@code node}, {@code sum_j k_ij (|p_node| + |p_j|)}: the size
     * against which a conservation error is relative (rounding in the sum is a fraction of it; the net current itself
     * may be 0, as at a dead end).
     */
    public double currentScale(int node, double[] p) {
        double s = 0;
        for (int k = 0; k < graph.degree(node); k++) {
            int e = graph.incidentEdge(node, k);
            s += conductances[e] * (Math.abs(p[node]) + Math.abs(p[graph.other(e, node)]));
        }
        return s;
    }

    /**
     * The nodes held in a phase: inputs and ground always, outputs too when {@code clamped}; with edge terminals only
     * the ground (the terminals' nodes are tied in pairs instead, {@link #ties}).
     */
    public boolean[] heldNodes(boolean clamped) {
        boolean[] held = new boolean[graph.nodeCount()];
        if (inputPartners != null) {
            held[ground] = true;
            return held;
        }
        for (int i : inputs) {
            held[i] = true;
        }
        held[ground] = true;
        if (clamped) {
            for (int i : outputs) {
                held[i] = true;
            }
        }
        return held;
    }
}

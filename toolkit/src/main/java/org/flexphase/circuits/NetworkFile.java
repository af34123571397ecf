package org.flexphase.circuits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flexphase.util.InvalidSetting;

/**
 * A user's network read from an edge list (the {@code network} setting; README, network section): one row per edge
 * with the columns {@code from,to} (integer node ids {@code 0..n-1}, every node on some edge) and optionally
 * {@code conductance} (the starting conductance, finite and > 0), {@code x_from,y_from,x_to,y_to} (a node's position,
 * for figures) and {@code role_from,role_to} ({@code input}, {@code output}, {@code ground} or {@code hidden}, the
 * last also written as an empty cell). The columns are those of the {@code network.csv} a run writes, so a trained
 * network is itself a valid file. Inputs and outputs are numbered by increasing node id. This class checks a table of
 * cells that the edge's CSV reader tokenised, so every error names the file, the line and the reason (an
 * {@link InvalidSetting} of key {@code network}, value {@code "FILE, line L"}); the roles' physics (one ground, every
 * output reaching an input other than through the ground) is checked by {@link #network}.
 */
public final class NetworkFile {
    /** Every column a file may have; {@code from} and {@code to} are required. */
    public static final List<String> COLUMNS = List.of("from", "to", "conductance", "x_from", "y_from", "x_to", "y_to",
            "role_from", "role_to");
    /** Node ids run from 0 to below this (a larger id is a typo, or a network too large to solve here). */
    public static final int MAX_NODES = 1_000_000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final List<String> ROLES = List.of("input", "output", "ground", "hidden");

    /** One tokenised data row and the line of the file it ends on. */
    public record Row(int line, String[] cells) {
    }

    private final String source;
    private final Graph graph;
    private final double[] conductances;
    private final int[] lines;
    private final String[] roles;
    private final int[] roleLines;

    private NetworkFile(String source, Graph graph, double[] conductances, int[] lines, String[] roles,
                        int[] roleLines) {
        this.source = source;
        this.graph = graph;
        this.conductances = conductances;
        this.lines = lines;
        this.roles = roles;
        this.roleLines = roleLines;
    }

    /**
     * Checks and reads a tokenised file: its {@code header} (on line {@code headerLine}) and data rows. Throws an
     * {@link InvalidSetting} naming {@code source}, the line and the reason for an unknown, repeated or missing
     * column, a ragged row, a node id that is not an integer in {@code 0..MAX_NODES-1}, a self-loop, a repeated edge,
     * a conductance that is not a finite decimal > 0, a node whose position or role differs between rows, an unused
     * node id and a disconnected graph.
     */
    public static NetworkFile parse(String source, String[] header, int headerLine, List<Row> rows) {
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c] == null ? "" : header[c].trim();
            if (!COLUMNS.contains(name)) {
                throw fail(source, headerLine, "a header of known columns (" + String.join(", ", COLUMNS) + "; from "
                        + "and to required); found \"" + name + "\" in column " + (c + 1));
            }
            if (col.put(name, c) != null) {
                throw fail(source, headerLine, "a header naming each column once; \"" + name + "\" repeats");
            }
        }
        for (String need : List.of("from", "to")) {
            if (!col.containsKey(need)) {
                throw fail(source, headerLine, "a header with the columns from and to (and optionally "
                        + String.join(", ", COLUMNS.subList(2, COLUMNS.size())) + "); " + need + " is missing");
            }
        }
        int positions = (int) COLUMNS.subList(3, 7).stream().filter(col::containsKey).count();
        if (positions != 0 && positions != 4) {
            throw fail(source, headerLine, "all four of x_from, y_from, x_to, y_to or none of them");
        }
        if (col.containsKey("role_from") != col.containsKey("role_to")) {
            throw fail(source, headerLine, "both role_from and role_to or neither");
        }
        if (rows.isEmpty()) {
            throw fail(source, headerLine, "at least one edge row after the header (the file has none)");
        }
        int m = rows.size();
        int[][] edges = new int[m][2];
        int[] lines = new int[m];
        double[] k = col.containsKey("conductance") ? new double[m] : null;
        Map<Long, Integer> seen = new HashMap<>();
        int nodes = 0;
        for (int e = 0; e < m; e++) {
            Row r = rows.get(e);
            lines[e] = r.line();
            if (r.cells().length != header.length) {
                throw fail(source, r.line(), header.length + " fields as in the header; found " + r.cells().length);
            }
            int i = nodeId(source, r, col.get("from"), "from");
            int j = nodeId(source, r, col.get("to"), "to");
            if (i == j) {
                throw fail(source, r.line(), "an edge between two different nodes; found a self-loop at node " + i);
            }
            Integer before = seen.put((long) Math.min(i, j) * MAX_NODES + Math.max(i, j), r.line());
            if (before != null) {
                throw fail(source, r.line(), "each edge once; " + i + "-" + j + " repeats line " + before
                        + " (parallel resistors: give one edge with the sum of their conductances)");
            }
            edges[e][0] = i;
            edges[e][1] = j;
            nodes = Math.max(nodes, Math.max(i, j) + 1);
            if (k != null) {
                k[e] = decimal(source, r, col.get("conductance"), "conductance");
                if (!(k[e] > 0 && k[e] < Double.POSITIVE_INFINITY)) {
                    throw fail(source, r.line(), "a conductance that is finite and > 0; found " + k[e]);
                }
            }
        }
        int[] firstLine = new int[nodes];
        for (int e = m - 1; e >= 0; e--) {
            firstLine[edges[e][0]] = lines[e];
            firstLine[edges[e][1]] = lines[e];
        }
        for (int v = 0; v < nodes; v++) {
            if (firstLine[v] == 0) {
                throw fail(source, lines[m - 1], "node ids 0.." + (nodes - 1) + " each on some edge (ids are "
                        + "array indices; the largest is " + (nodes - 1) + "); node " + v + " has no edge");
            }
        }
        double[][] xy = positions == 4 ? nodeValues(source, rows, col, nodes) : null;
        String[] roles = col.containsKey("role_from") ? new String[nodes] : null;
        int[] roleLines = new int[nodes];
        if (roles != null) {
            for (Row r : rows) {
                for (String end : new String[]{"from", "to"}) {
                    int v = Integer.parseInt(r.cells()[col.get(end)].trim());
                    String role = cell(r, col.get("role_" + end)).toLowerCase(java.util.Locale.ROOT);
                    role = role.isEmpty() ? "hidden" : role;
                    if (!ROLES.contains(role)) {
                        throw fail(source, r.line(), "a role_" + end + " of " + String.join(" | ", ROLES)
                                + " (empty: hidden); found \"" + role + "\"");
                    }
                    if (roles[v] != null && !roles[v].equals(role)) {
                        throw fail(source, r.line(), "one role per node; node " + v + " is " + role + " here and "
                                + roles[v] + " on line " + roleLines[v]);
                    }
                    roles[v] = role;
                    roleLines[v] = roleLines[v] == 0 ? r.line() : roleLines[v];
                }
            }
        }
        if (nodes < 2) {
            throw fail(source, lines[0], "a network of at least 2 nodes");
        }
        double[] x;
        double[] y;
        if (xy == null) {
            x = new double[nodes];
            y = new double[nodes];
            for (int v = 0; v < nodes; v++) {
                x[v] = 0.5 + 0.45 * Math.cos(2 * Math.PI * v / nodes);
                y[v] = 0.5 + 0.45 * Math.sin(2 * Math.PI * v / nodes);
            }
        } else {
            x = xy[0];
            y = xy[1];
            fitUnitSquare(x, y);
        }
        Graph g = Graph.of(nodes, edges, x, y, false);
        int unreached = g.firstUnreachable();
        if (unreached >= 0) {
            throw fail(source, firstLine[unreached], "a connected graph; node " + unreached + " (first on this line) "
                    + "cannot be reached from node 0");
        }
        return new NetworkFile(source, g, k, lines, roles, roleLines);
    }

    private static int nodeId(String source, Row r, int c, String name) {
        String s = cell(r, c);
        if (!INTEGER.matcher(s).matches()) {
            throw fail(source, r.line(), "an integer node id in column " + name + "; found \"" + s + "\"");
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException overflow) {
            v = Long.MAX_VALUE;
        }
        if (v < 0 || v >= MAX_NODES) {
            throw fail(source, r.line(), "a node id 0 <= id < " + MAX_NODES + " in column " + name + "; found " + s);
        }
        return (int) v;
    }

    private static double decimal(String source, Row r, int c, String name) {
        String s = cell(r, c);
        if (!DECIMAL.matcher(s).matches()) {
            throw fail(source, r.line(), "a decimal number in column " + name + "; found \"" + s + "\"");
        }
        return Double.parseDouble(s);
    }

    private static String cell(Row r, int c) {
        String s = r.cells()[c];
        return s == null ? "" : s.trim();
    }

    /** Each node's (x, y) from the rows it appears on, which must agree. */
    private static double[][] nodeValues(String source, List<Row> rows, Map<String, Integer> col, int nodes) {
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        int[] at = new int[nodes];
        for (Row r : rows) {
            for (String end : new String[]{"from", "to"}) {
                int v = Integer.parseInt(cell(r, col.get(end)));
                double vx = decimal(source, r, col.get("x_" + end), "x_" + end);
                double vy = decimal(source, r, col.get("y_" + end), "y_" + end);
                if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
                    throw fail(source, r.line(), "finite positions; node " + v + " is at (" + vx + ", " + vy + ")");
                }
                if (at[v] != 0 && (x[v] != vx || y[v] != vy)) {
                    throw fail(source, r.line(), "one position per node; node " + v + " is at (" + vx + ", " + vy
                            + ") here and (" + x[v] + ", " + y[v] + ") on line " + at[v]);
                }
                x[v] = vx;
                y[v] = vy;
                at[v] = at[v] == 0 ? r.line() : at[v];
            }
        }
        return new double[][]{x, y};
    }

    /** Figures draw the unit square: positions outside it are scaled into it, keeping their aspect. */
    private static void fitUnitSquare(double[] x, double[] y) {
        double lo = Math.min(Arrays.stream(x).min().orElse(0), Arrays.stream(y).min().orElse(0));
        double hi = Math.max(Arrays.stream(x).max().orElse(1), Arrays.stream(y).max().orElse(1));
        if (lo >= 0 && hi <= 1) {
            return;
        }
        double minX = Arrays.stream(x).min().orElse(0);
        double minY = Arrays.stream(y).min().orElse(0);
        double span = Math.max(Arrays.stream(x).max().orElse(0) - minX, Arrays.stream(y).max().orElse(0) - minY);
        double scale = span > 0 ? 0.9 / span : 0;
        for (int v = 0; v < x.length; v++) {
            x[v] = 0.05 + scale * (x[v] - minX);
            y[v] = 0.05 + scale * (y[v] - minY);
        }
    }

    static InvalidSetting fail(String source, int line, String allowed) {
        return new InvalidSetting("network", source + ", line " + line, allowed);
    }

    private InvalidSetting fail(String allowed) {
        return new InvalidSetting("network", source, allowed);
    }

    /** The file the network came from, as the user named it. */
    public String source() {
        return source;
    }

    /** The graph (layout from the file's positions, or a circle). */
    public Graph graph() {
        return graph;
    }

    /** Whether the file gives node roles ({@code role_from}, {@code role_to}). */
    public boolean hasRoles() {
        return roles != null;
    }

    /** Number of nodes with the role {@code role} ({@code input}, {@code output}, ...); 0 without roles. */
    public int count(String role) {
        return roles == null ? 0 : (int) Arrays.stream(roles).filter(role::equals).count();
    }

    /**
     * The network to learn: the file's graph with its conductances (1 where the file gives none) in
     * {@code [kMin, kMax]}, and its roles when it gives them ({@code redraws} 0), else {@code nIn} inputs, a ground and
     * {@code nOut} outputs drawn as for a random graph ({@link ResistorNetwork#withReachableRoles}, seed {@code seed}).
     * Throws an {@link InvalidSetting} naming the file (and line) for a conductance outside the box, a missing or
     * repeated ground, no input or output, no hidden node, and an output that reaches the inputs only through the
     * ground (it would sit at 0 whatever the conductances).
     */
    public ResistorNetwork.Drawn network(double kMin, double kMax, int nIn, int nOut, long seed) {
        double[] k = new double[graph.edgeCount()];
        Arrays.fill(k, 1.0);
        if (conductances != null) {
            for (int e = 0; e < k.length; e++) {
                k[e] = conductances[e];
                if (!(k[e] >= kMin && k[e] <= kMax)) {
                    throw new InvalidSetting("network", source + ", line " + lines[e], "conductances within [k_min, "
                            + "k_max] = [" + kMin + ", " + kMax + "]; found " + k[e] + " (widen k_min or k_max, or "
                            + "rescale the file's conductances)");
                }
            }
        } else {
            for (int e = 0; e < k.length; e++) {
                k[e] = Math.min(kMax, Math.max(kMin, 1.0));
            }
        }
        if (roles == null) {
            // the draw's starting conductance must lie in the box too (it does not change which roles are drawn)
            ResistorNetwork.Drawn d = ResistorNetwork.withReachableRoles(graph, nIn, nOut, k[0], kMin, kMax, seed);
            ResistorNetwork net = d.network();
            return new ResistorNetwork.Drawn(new ResistorNetwork(graph, k, kMin, kMax, net.inputs(), net.ground(),
                    net.outputs()), d.redraws());
        }
        int[] inputs = nodesWith("input");
        int[] grounds = nodesWith("ground");
        int[] outputs = nodesWith("output");
        if (grounds.length != 1) {
            throw fail("exactly one node with role ground; found " + grounds.length + (grounds.length == 0 ? ""
                    : " (nodes " + Arrays.toString(grounds) + ", lines " + roleLines[grounds[0]] + " and "
                    + roleLines[grounds[1]] + ")"));
        }
        if (inputs.length == 0 || outputs.length == 0) {
            throw fail("at least one input and one output node; found " + inputs.length + " inputs and "
                    + outputs.length + " outputs");
        }
        if (inputs.length + 1 + outputs.length >= graph.nodeCount()) {
            throw fail("at least one hidden node; all " + graph.nodeCount() + " nodes are inputs, ground or outputs");
        }
        ResistorNetwork net = new ResistorNetwork(graph, k, kMin, kMax, inputs, grounds[0], outputs);
        if (!net.outputsReachInputs()) {
            for (int o : outputs) {
                if (!new ResistorNetwork(graph, k, kMin, kMax, inputs, grounds[0], new int[]{o}).outputsReachInputs()) {
                    throw new InvalidSetting("network", source + ", line " + roleLines[o], "outputs that reach an "
                            + "input other than through the ground node " + grounds[0] + "; output " + o + " does not "
                            + "(it would sit at potential 0 whatever the conductances)");
                }
            }
        }
        return new ResistorNetwork.Drawn(net, 0);
    }

    private int[] nodesWith(String role) {
        int[] found = new int[count(role)];
        int n = 0;
        for (int v = 0; v < roles.length; v++) {
            if (role.equals(roles[v])) {
                found[n++] = v;
            }
        }
        return found;
    }
}

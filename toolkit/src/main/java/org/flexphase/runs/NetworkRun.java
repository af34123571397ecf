package org.flexphase.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.circuits.Classification;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.data.Digits;
import org.flexphase.data.Iris;
import org.flexphase.data.MnistSubset;
import org.flexphase.learning.LearningLoop;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.plots.NetworkFigure;
import org.flexphase.plots.TableCharts;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One {@code network} run: builds the network and task of {@link NetworkSettings}, trains it with
 * {@link CouplingTrainer}, and at every checkpoint records the cost on the training set at the free equilibria (and
 * the training and test classification errors). Writes {@code history.csv} after every checkpoint, then
 * {@code summary.json}, {@code history.png}, {@code network.csv} (edges, layout, learned conductances) and
 * {@code network.png} (the trained network).
 */
public final class NetworkRun {
    private NetworkRun() {
    }

    /** A finished run. */
    public record Outcome(Table history, Map<String, Object> summary, String divergence, CoupledLearning system) {
    }

    /** The system a settings record describes (network, roles, task), before training. */
    public static CoupledLearning system(NetworkSettings s, Classification[] classificationOut) {
        Classification cls = switch (s.task()) {
            case "iris" -> iris(s.seed());
            case "mnist" -> mnist(s.trainSize(), s.testSize());
            default -> null;
        };
        classificationOut[0] = cls;
        int nIn = cls == null ? s.inputs() : cls.inputNodes();
        int nOut = cls == null ? s.outputs() : cls.classes();
        CouplingTask task = cls == null ? CouplingTask.randomLinear(nIn, nOut, s.examples(), s.seed() + 2) : cls.train();
        Graph g = Graphs.randomGeometric(s.nodes(), s.degree(), s.seed());
        ResistorNetwork net = ResistorNetwork.withRandomRoles(g, nIn, nOut, 1.0, s.kMin(), s.kMax(), s.seed() + 1);
        net.projectConductances();
        return new CoupledLearning(net, task, s.nudge(), Relaxation.Kind.valueOf(s.relax().toUpperCase(
                java.util.Locale.ROOT)), s.relaxRate());
    }

    static Classification iris(long seed) {
        Iris[] split = Iris.load().split(seed, 17);
        return new Classification(split[0].features(), split[0].labels(), split[1].features(), split[1].labels(), 3, true);
    }

    static Classification mnist(int trainSize, int testSize) {
        MnistSubset.Split split = Datasets.labelled("mnist", null);
        Digits train = split.train();
        Digits test = split.test();
        int nt = Math.min(trainSize, train.count());
        int ns = Math.min(testSize, test.count());
        double[][] tx = java.util.Arrays.copyOf(train.scaled(), nt);
        double[][] sx = java.util.Arrays.copyOf(test.scaled(), ns);
        return new Classification(tx, java.util.Arrays.copyOf(train.labelArray(), nt), sx,
                java.util.Arrays.copyOf(test.labelArray(), ns), 10, false);
    }

    /** Trains and writes under {@code out} (nothing written when null). */
    public static Outcome run(NetworkSettings s, Path out) {
        Classification[] holder = new Classification[1];
        CoupledLearning sys = system(s, holder);
        Classification cls = holder[0];
        List<Long> steps = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<Double> trainErr = new ArrayList<>();
        List<Double> testErr = new ArrayList<>();
        Table[] history = {null};
        long start = System.nanoTime();
        LearningLoop loop = new CouplingTrainer(s.trainerConfig()).train(sys, l -> {
            steps.add(l.step());
            costs.add(sys.cost());
            if (cls != null) {
                trainErr.add(cls.trainError(sys));
                testErr.add(cls.testError(sys));
            }
            history[0] = table(steps, costs, cls == null ? null : trainErr, testErr);
            if (out != null) {
                RunFiles.writeCsv(history[0], out.resolve("history.csv"));
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        Table h = history[0];
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("config", RunFiles.json().convertValue(s.canonical(), Map.class));
        summary.put("seed", s.seed());
        Map<String, Object> netInfo = new LinkedHashMap<>();
        netInfo.put("nodes", sys.network().graph().nodeCount());
        netInfo.put("edges", sys.network().graph().edgeCount());
        netInfo.put("inputs", sys.network().inputCount());
        netInfo.put("outputs", sys.network().outputCount());
        netInfo.put("examples", sys.task().size());
        summary.put("network", netInfo);
        summary.put("initial_cost", costs.get(0));
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("step", steps.get(steps.size() - 1));
        fin.put("cost", sys.cost());
        if (cls != null) {
            fin.put("train_error", cls.trainError(sys));
            fin.put("test_error", cls.testError(sys));
        }
        summary.put("final", fin);
        summary.put("steps_done", loop.step());
        summary.put("updates", loop.updates());
        summary.put("wall_seconds", wall);
        summary.put("steps_per_second", loop.step() / Math.max(wall, 1e-9));
        summary.put("diverged", loop.divergence() != null);
        summary.put("divergence", loop.divergence());
        if (out != null) {
            RunFiles.writeJson(summary, out.resolve("summary.json"));
            String title = s.task() + ", " + sys.network().graph().nodeCount() + " nodes, " + s.mode();
            Charts.savePng(historyChart(h, title), out.resolve("history.png"));
            RunFiles.writeCsv(edges(sys.network()), out.resolve("network.csv"));
            NetworkFigure.savePng(sys.network(), "trained network: " + title, 700, out.resolve("network.png"));
        }
        return new Outcome(h, summary, loop.divergence(), sys);
    }

    /** The history chart: cost (log scale) against steps. */
    public static org.knowm.xchart.XYChart historyChart(Table history, String title) {
        return TableCharts.line(history, "step", "cost", ChartOptions.titled(title)
                .axes("relaxation steps", "cost (training set, free equilibria)").logY());
    }

    static Table table(List<Long> steps, List<Double> costs, List<Double> trainErr, List<Double> testErr) {
        Table t = Table.create("history", LongColumn.create("step", steps.stream().mapToLong(Long::longValue).toArray()),
                DoubleColumn.create("cost", costs));
        if (trainErr != null) {
            t.addColumns(DoubleColumn.create("train_error", trainErr), DoubleColumn.create("test_error", testErr));
        }
        return t;
    }

    /** One row per edge: its ends, their layout coordinates and its conductance; node roles in {@code role_*}. */
    public static Table edges(ResistorNetwork net) {
        Graph g = net.graph();
        int m = g.edgeCount();
        int[] a = new int[m];
        int[] b = new int[m];
        double[][] xy = new double[4][m];
        for (int e = 0; e < m; e++) {
            a[e] = g.from(e);
            b[e] = g.to(e);
            xy[0][e] = g.x(a[e]);
            xy[1][e] = g.y(a[e]);
            xy[2][e] = g.x(b[e]);
            xy[3][e] = g.y(b[e]);
        }
        String[] roleA = new String[m];
        String[] roleB = new String[m];
        for (int e = 0; e < m; e++) {
            roleA[e] = role(net, a[e]);
            roleB[e] = role(net, b[e]);
        }
        return Table.create("network", IntColumn.create("from", a), IntColumn.create("to", b),
                DoubleColumn.create("x_from", xy[0]), DoubleColumn.create("y_from", xy[1]),
                DoubleColumn.create("x_to", xy[2]), DoubleColumn.create("y_to", xy[3]),
                DoubleColumn.create("conductance", net.conductances().clone()), StringColumn.create("role_from", roleA),
                StringColumn.create("role_to", roleB));
    }

    static String role(ResistorNetwork net, int node) {
        for (int i : net.inputs()) {
            if (i == node) {
                return "input";
            }
        }
        for (int i : net.outputs()) {
            if (i == node) {
                return "output";
            }
        }
        return node == net.ground() ? "ground" : "hidden";
    }
}

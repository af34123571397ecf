package org.flexphase.runs;

import java.util.Objects;
import java.nio.file.Path;
import org.flexphase.circuits.Classification;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.NonlinearCoupledLearning;
import org.flexphase.circuits.NonlinearTrainer;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.Stability;
import org.flexphase.circuits.TaskKind;
import org.flexphase.circuits.Terminals;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.data.Digits;
import org.flexphase.data.Iris;
import org.flexphase.data.MnistSubset;
import org.flexphase.learning.LearningLoop;
import org.flexphase.plots.ChartOptions;
import org.flexphase.plots.Charts;
import org.flexphase.plots.NetworkFigure;
import org.flexphase.plots.TableCharts;
import org.flexphase.tables.CoupledLearningHistory;
import org.flexphase.tables.Histories;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One {@code network} run: builds the network and task of {@link NetworkSettings}, trains it with
 * {@link CouplingTrainer} (with {@code element_c} set, the nonlinear network with {@link NonlinearTrainer}), and at every checkpoint records the cost on the training set at the free equilibria (and
 * the training and test classification errors). Writes {@code history.csv} after every checkpoint, then
 * {@code summary.json}, {@code history.png}, {@code network.csv} (edges, layout, learned conductances) and
 * {@code network.png} (the trained network).
 */
public final class NetworkRun {
    private NetworkRun() {
    }

    /**
     * A finished run: its history, its summary (as written) and the trained system; for a run with nonlinear elements
     * ({@code element_c}) the linear view of the trained network (its {@code network()} holds the learned
     * conductances; its costs are a resistor network's, not the run's).
     */
    public record Outcome(Table history, NetworkSummary summary, CoupledLearning system) {
        /** Why the run stopped early, or null. */
        public String divergence() {
            return summary.divergence();
        }
    }

    /**
     * The system a settings record describes (network, roles, task) before training, its classification data, and how
     * many role draws were refused because an output reached the inputs only through the ground.
     */
    public record Built(CoupledLearning system, Classification classification, int redraws) {
    }

    /** A teacher's conductances lie within a factor of this of the student's starting 1. */
    public static final double TEACHER_SPREAD = 10;

    /** The system and task of {@code s}, before training; {@code classification} is null for regression. */
    public static Built system(NetworkSettings s) {
        Objects.requireNonNull(s, "settings must not be null");
        Classification cls = switch (s.task()) {
            case IRIS -> iris(s.seed());
            case MNIST -> mnist(s.trainSize(), s.testSize());
            case MNIST3 -> mnist3(s.trainSize(), s.testSize());
            case REGRESSION, TEACHER -> null;
        };
        int nIn = cls == null ? s.inputs() : cls.inputNodes();
        int nOut = cls == null ? s.outputs() : cls.classes();
        ResistorNetwork.Drawn drawn;
        if (s.network() != null) {
            drawn = fromFile(s, cls, nIn, nOut);
        } else {
            Graph g = Graphs.randomGeometric(s.nodes(), s.degree(), s.seed());
            drawn = s.terminalsValue() == Terminals.EDGE
                    ? ResistorNetwork.withReachableEdgeRoles(g, nIn, nOut, 1.0, s.kMin(), s.kMax(), s.seed() + 1)
                    : ResistorNetwork.withReachableRoles(g, nIn, nOut, 1.0, s.kMin(), s.kMax(), s.seed() + 1);
        }
        ResistorNetwork net = drawn.network();
        nIn = net.inputCount();
        nOut = net.outputCount();
        net.projectConductances();
        CouplingTask task = switch (s.task()) {
            case REGRESSION -> CouplingTask.randomLinear(nIn, nOut, s.examples(), s.seed() + 2);
            case TEACHER -> CouplingTask.teacher(net, s.teacherElementValue(), s.examples(), TEACHER_SPREAD,
                    s.seed() + 2);
            default -> cls.train();
        };
        CoupledLearning system = new CoupledLearning(net, task, s.nudge(), s.relax(), s.relaxRate(), s.gammaValue(), s.dtValue());
        if (s.powerWeight() != null) {
            system = system.withPowerWeight(s.powerWeightValue());
        }
        return new Built(s.traceTau() == null ? system : system.withTrace(s.traceTau(), s.gate(), s.hold()), cls,
                drawn.redraws());
    }

    /**
     * The network of {@code s}'s file ({@link NetworkFiles}), its hash checked against {@code network_sha256} when
     * given; a file with roles must have the input and output counts a classification task needs.
     */
    static ResistorNetwork.Drawn fromFile(NetworkSettings s, Classification cls, int nIn, int nOut) {
        NetworkFiles.Loaded loaded = NetworkFiles.read(s.network());
        if (s.networkSha256() != null && !s.networkSha256().equals(loaded.sha256())) {
            throw new InvalidSetting("network", s.network(), "the file whose SHA-256 is " + s.networkSha256()
                    + " (network_sha256); its bytes now hash to " + loaded.sha256());
        }
        var file = loaded.network();
        if (cls != null && file.hasRoles() && (file.count("input") != nIn || file.count("output") != nOut)) {
            throw new InvalidSetting("network", s.network(), "a file with " + nIn + " inputs and " + nOut + " outputs "
                    + "for task " + InvalidSetting.label(s.task()) + " (or without roles); it has "
                    + file.count("input") + " and " + file.count("output"));
        }
        if (!file.hasRoles()) {
            InvalidSetting.require(nIn + nOut + 2L <= file.graph().nodeCount(), "network", s.network(), "a file of at "
                    + "least inputs + outputs + 2 = " + (nIn + nOut + 2L) + " nodes (a ground and a hidden node), or "
                    + "one that gives roles; it has " + file.graph().nodeCount());
        }
        return file.network(s.kMin(), s.kMax(), nIn, nOut, s.seed() + 1);
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

    /**
     * MNIST digits 0-2 as the coupled-learning anchors run them ({@link TaskKind#MNIST3}): the subset's fixed split
     * restricted to labels 0, 1 and 2 (the first {@code trainSize} and {@code testSize} of each, in split order), each
     * image reduced to 10 x 10 by averaging 2 x 2 blocks of its central 20 x 20 pixels, no bias input, targets
     * {@code +-} {@link Classification#EDGE_TARGET} (sized for output edges, {@code --terminals edge}).
     */
    static Classification mnist3(int trainSize, int testSize) {
        MnistSubset.Split split = Datasets.labelled("mnist", null);
        double[][][] x = new double[2][][];
        int[][] y = new int[2][];
        Digits[] parts = {split.train(), split.test()};
        int[] caps = {trainSize, testSize};
        for (int part = 0; part < 2; part++) {
            Digits d = parts[part];
            double[][] scaled = d.scaled();
            java.util.List<double[]> xs = new java.util.ArrayList<>();
            java.util.List<Integer> ys = new java.util.ArrayList<>();
            for (int i = 0; i < d.count() && xs.size() < caps[part]; i++) {
                if (d.label(i) <= 2) {
                    xs.add(pooled(scaled[i], d.rows(), d.cols()));
                    ys.add(d.label(i));
                }
            }
            x[part] = xs.toArray(new double[0][]);
            y[part] = ys.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Classification(x[0], y[0], x[1], y[1], 3, false, false, Classification.EDGE_TARGET,
                -Classification.EDGE_TARGET);
    }

    /** The central 20 x 20 pixels of a 28 x 28 image averaged in 2 x 2 blocks: 100 values, row by row. */
    static double[] pooled(double[] image, int rows, int cols) {
        if (rows != 28 || cols != 28) {
            throw new IllegalArgumentException("mnist3 reduces 28 x 28 images, got " + rows + " x " + cols);
        }
        double[] out = new double[TaskKind.MNIST3_INPUTS];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                int top = 4 + 2 * r;
                int left = 4 + 2 * c;
                out[10 * r + c] = 0.25 * (image[top * 28 + left] + image[top * 28 + left + 1]
                        + image[(top + 1) * 28 + left] + image[(top + 1) * 28 + left + 1]);
            }
        }
        return out;
    }

    /** The files a network run writes besides {@link RunFiles#COMMON}. */
    public static final java.util.List<String> FILES = java.util.List.of("network.csv", "network.png");

    /** Trains and writes under {@code out} (nothing written when null). */
    public static Outcome run(NetworkSettings s, Path out) {
        Objects.requireNonNull(s, "settings must not be null");
        Built built = system(s);
        CoupledLearning sys = built.system();
        Classification cls = built.classification();
        NonlinearCoupledLearning nonlinear = s.nonlinear() ? new NonlinearCoupledLearning(sys.network(),
                s.elementValue(), sys.task(), s.nudge(), s.relaxRate()) : null;
        CoupledLearningHistory recorder = nonlinear != null ? Histories.nonlinearCoupledLearning(nonlinear)
                : Histories.coupledLearning(sys, cls);
        // The trainer's stream is mixed from the run's seed, which also drew the network, its roles and the task.
        NetworkSettings trainerSettings = s.withSeed(Rngs.mix(s.seed(), 3));
        CouplingTrainer trainer = nonlinear != null ? null : new CouplingTrainer(trainerSettings);
        if (s.updateOnErrorValue()) {
            recorder.withUpdatesMade(trainer::updatesMade);
        }
        if (out != null) {
            recorder.then(h -> RunFiles.writeCsv(h, out.resolve("history.csv")));
        }
        long start = System.nanoTime();
        LearningLoop loop = nonlinear != null ? new NonlinearTrainer(trainerSettings).train(nonlinear, recorder)
                : trainer.train(sys, recorder);
        double wall = (System.nanoTime() - start) / 1e9;
        Table h = recorder.table();
        var network = new NetworkSummary.Network(sys.network().graph().nodeCount(), sys.network().graph().edgeCount(),
                sys.network().inputCount(), sys.network().outputCount(), sys.task().size(), built.redraws());
        var fin = new NetworkSummary.Final(h.longColumn("step").get(h.rowCount() - 1),
                nonlinear != null ? nonlinear.cost() : sys.cost(),
                cls == null ? null : cls.trainError(sys), cls == null ? null : cls.testError(sys));
        String instability = instability(s, h);
        var summary = new NetworkSummary(SettingsJson.describe(s), s.seed(), network, h.doubleColumn("cost").get(0), fin,
                loop.step(), loop.updates(), wall, loop.step() / Math.max(wall, 1e-9), loop.divergence() != null,
                loop.divergence(), instability != null, instability,
                s.updateOnErrorValue() ? Long.valueOf(trainer.updatesMade()) : null);
        if (out != null) {
            RunFiles.writeSummary(summary, out.resolve("summary.json"));
            String title = InvalidSetting.label(s.task()) + ", " + sys.network().graph().nodeCount()
                    + " nodes, " + InvalidSetting.label(s.mode()) + elementLabel(s);
            Charts.savePng(historyChart(h, title), out.resolve("history.png"));
            RunFiles.writeCsv(edges(sys.network()), out.resolve("network.csv"));
            var figure = NetworkFigure.image(sys.network(), "trained network: " + title, 700);
            RunFiles.atomically(out.resolve("network.png"), o -> javax.imageio.ImageIO.write(figure, "png", o));
        }
        return new Outcome(h, summary, sys);
    }

    /**
     * Why the run's cost history is unstable ({@link Stability}), prefixed with the rates it ran at ({@code lr} and
     * {@code relax_rate}, or {@code alpha}, {@code gamma} and {@code R = alpha / gamma} for ode), or null.
     */
    static String instability(NetworkSettings s, Table h) {
        // With a power weight the rule descends cost + lambda power, which may trade cost for power.
        String column = h.columnNames().contains("objective") ? "objective" : "cost";
        String why = Stability.assess(h.doubleColumn(column).asDoubleArray(), h.longColumn("step").asLongArray(),
                s.unstableFactorValue());
        if (why == null) {
            return null;
        }
        String rates = s.relax() == Relaxation.Kind.ODE
                ? String.format(java.util.Locale.ROOT, "alpha %s, gamma %s, R = alpha/gamma = %.3g, dt %s", s.lr(),
                        s.gammaValue(), s.lr() / s.gammaValue(), s.dtValue())
                : String.format(java.util.Locale.ROOT, "lr %s, relax_rate %s (lr/r = %.3g, relax %s)", s.lr(),
                        s.relaxRate(), s.lr() / s.relaxRate(), InvalidSetting.label(s.relax()));
        return InvalidSetting.label(s.mode()) + " unstable at " + rates + ", nudge " + s.nudge() + ": " + why;
    }

    /**
     * The element of a run's title: empty for resistors, else {@code ", element c = C"} (and the teacher's when it
     * differs).
     */
    static String elementLabel(NetworkSettings s) {
        String label = s.nonlinear() ? ", element c = " + s.elementC() : "";
        return s.teacherElementC() == null ? label : label + ", teacher c = " + s.teacherElementC();
    }

    /** A run of the {@code network} kind: validated, trained and written under {@code out} (nothing when null). */
    public static RunOutcome<NetworkSummary> outcome(NetworkSettings s, Path out) {
        Objects.requireNonNull(s, "settings must not be null");
        s.validate();
        Outcome o = run(s, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    /** A run's row of a sweep's summary table. */
    public static SweepColumns sweepColumns(NetworkSettings s) {
        Objects.requireNonNull(s, "settings must not be null");
        return new SweepColumns("network " + InvalidSetting.label(s.mode()), s.b(), s.switchProb(), "",
                "constant(" + s.lr() + ")", s.steps());
    }

    /** The history chart: cost (log scale) against steps. */
    public static org.knowm.xchart.XYChart historyChart(Table history, String title) {
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(title, "title must not be null");
        return TableCharts.line(history, "step", "cost", ChartOptions.titled(title)
                .axes("relaxation steps", "cost (training set, free equilibria)").logY());
    }

    /**
     * One row per edge: its ends, their layout coordinates and its conductance; node roles in {@code role_*} (with
     * edge terminals both nodes of a terminal edge carry its role).
     */
    public static Table edges(ResistorNetwork net) {
        Objects.requireNonNull(net, "net must not be null");
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
        for (int s = 0; s < net.inputCount(); s++) {
            if (net.input(s) == node || net.edgeTerminals() && net.inputPartner(s) == node) {
                return "input";
            }
        }
        for (int o = 0; o < net.outputCount(); o++) {
            if (net.output(o) == node || net.edgeTerminals() && net.outputPartner(o) == node) {
                return "output";
            }
        }
        return node == net.ground() ? "ground" : "hidden";
    }
}

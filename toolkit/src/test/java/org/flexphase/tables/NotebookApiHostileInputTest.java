package org.flexphase.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The notebook API of {@code tables} against what a hostile or unlucky notebook passes it: a null for any object
 * argument of any public method (named by the message, not a bare NullPointerException deep inside), and files
 * {@link Histories#read} and {@link Histories#readRuns} cannot make a table of (named with the file and why).
 */
class NotebookApiHostileInputTest {

    static CoupledLearning smallNetwork() {
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(14, 4.0, 1), 3, 2, 1.0, 1e-3, 1e3, 2);
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, 3, 3), 0.1, Relaxation.Kind.UNIFORM, 0.5);
    }

    static Examples twoExamples() {
        return Examples.oneHot(new double[][]{{0, 1, 0, 1}, {1, 0, 1, 0}}, new int[]{0, 1}, 2);
    }

    @Test
    void everyPublicMethodNamesTheArgumentThatIsNull(@TempDir Path dir) {
        double[][] images = {{0, 1}};
        int[] labels = {0};
        HopfieldNetwork hopfield = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
        CoupledLearning network = smallNetwork();
        NullArgumentTable table = new NullArgumentTable()
                .sample(String.class, "s").sample(Path.class, dir.resolve("history.csv")).sample(Map.class, Map.of())
                .sample(Table.class, Table.create("t")).sample(List.class, List.of())
                .sample(String[].class, new String[0])
                .sample(DataDistribution.class, DataDistribution.of(BarsAndStripes.published4x4()))
                .sample(double[][].class, images).sample(int[].class, labels)
                .sample(HopfieldNetwork.class, hopfield).sample(Examples.class, twoExamples())
                .sample(CoupledLearning.class, network)
                .sample(org.flexphase.circuits.NonlinearCoupledLearning.class,
                        new org.flexphase.circuits.NonlinearCoupledLearning(network.network(),
                                org.flexphase.circuits.Element.saturating(2), network.task(), network.nudge(), 1))
                .receiver(BoltzmannHistory.class, Histories.boltzmann(DataDistribution.of(BarsAndStripes.published4x4())))
                .receiver(ForwardForwardHistory.class, Histories.forwardForward(images, labels, images, labels, 1))
                .receiver(EquilibriumPropagationHistory.class,
                        Histories.equilibriumPropagation(hopfield, twoExamples(), twoExamples(), 1))
                .receiver(CoupledLearningHistory.class, Histories.coupledLearning(network, null))
                .expect("BoltzmannHistory.onCheckpoint(Checkpoint)", "checkpoint")
                .expect("BoltzmannHistory.then(Consumer)", "action")
                .expect("ForwardForwardHistory.onCheckpoint(long,ForwardForwardNet)", "step", "net")
                .expect("ForwardForwardHistory.then(Consumer)", "action")
                .expect("EquilibriumPropagationHistory.onCheckpoint(LearningLoop)", "loop")
                .expect("EquilibriumPropagationHistory.then(Consumer)", "action")
                .expect("CoupledLearningHistory.onCheckpoint(LearningLoop)", "loop")
                .expect("CoupledLearningHistory.then(Consumer)", "action")
                .expect("CoupledLearningHistory.withUpdatesMade(LongSupplier)", "made")
                .expect("Histories.boltzmann(DataDistribution)", "data")
                .expect("Histories.coupledLearning(CoupledLearning,Classification)", "system", "?classification")
                .expect("Histories.nonlinearCoupledLearning(NonlinearCoupledLearning)", "system")
                .expect("Histories.equilibriumPropagation(HopfieldNetwork,Examples,Examples,int)",
                        "network", "train", "test", "evalSweeps")
                .expect("Histories.forwardForward(double[][],int[],double[][],int[],int)",
                        "trainImages", "trainLabels", "testImages", "testLabels", "evalSize")
                .expect("Histories.read(Path)", "file")
                .expect("Histories.read(Path,String[])", "file", "numericColumns")
                .expect("Histories.readRuns(Path)", "folder")
                .expect("Histories.stack(List)", "runs")
                .expect("Histories.sweepSummary(Path)", "sweepFolder")
                .expect("new Histories.Run(String,Map,long,Table)", "key", "config", "seed", "history");
        List<String> failures = table.failures(NullArgumentTable.publicClassesOf("org.flexphase.tables"));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void nullsInsideListsAndArraysAreNamedByTheirIndex() {
        Table h = Table.create("h", LongColumn.create("step", new long[]{0}));
        Histories.Run run = new Histories.Run("a", Map.of(), 1, h);
        var e = assertThrows(NullPointerException.class, () -> Histories.stack(Arrays.asList(run, null)));
        assertEquals("runs[1] must not be null", e.getMessage());
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(null, 1);
        e = assertThrows(NullPointerException.class, () -> new Histories.Run("k", config, 1, h));
        assertTrue(e.getMessage().contains("setting name must not be null"), e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Histories.read(Path.of("h.csv"), "step", null));
        assertEquals("numericColumns[1] must not be null", e.getMessage());
        var mismatch = assertThrows(IllegalArgumentException.class,
                () -> Histories.forwardForward(new double[2][4], new int[1], new double[1][4], new int[1], 1));
        assertEquals("trainLabels has 1 labels for 2 trainImages", mismatch.getMessage());
    }

    /** One file a notebook might hand to {@code read}: how it is made, and what the message must say about it. */
    record FileCase(String name, Function<Path, Path> make, Function<Path, Object> call, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path text(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] garbage(long seed) {
        byte[] b = new byte[3000];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A finished run folder under {@code dir/runs/<key>} with the given history and summary text. */
    static Path run(Path dir, String key, String history, String summary) {
        text(dir, "runs/" + key + "/history.csv", history);
        text(dir, "runs/" + key + "/summary.json", summary);
        return dir.resolve("runs/" + key);
    }

    static final String GOOD_SUMMARY = "{\"seed\": 1, \"config\": {\"mode\": \"local\"}}";

    static Stream<FileCase> hostileFiles() {
        Function<Path, Object> read = Histories::read;
        Function<Path, Object> readHistory = f -> Histories.read(f, "step");
        List<FileCase> cases = new ArrayList<>(List.of(
                new FileCase("empty file", d -> write(d, "history.csv", new byte[0]), read, "empty file"),
                new FileCase("blank lines only", d -> text(d, "history.csv", "\n \r\n"), read, "empty file"),
                new FileCase("a directory", d -> d.resolve("history.csv").toFile().mkdir() ? d.resolve("history.csv") : null,
                        read, "is a directory"),
                new FileCase("no such file", d -> d.resolve("absent.csv"), read, "no such file"),
                new FileCase("bytes that are not UTF-8", d -> write(d, "history.csv",
                        new byte[]{'s', 't', 'e', 'p', '\n', (byte) 0xff, (byte) 0xfe, '\n'}), read, "not UTF-8 at offset 5"),
                new FileCase("a NUL byte in a line", d -> write(d, "history.csv", "step\n1\0\n".getBytes(StandardCharsets.UTF_8)),
                        read, "byte 0x00 at offset 6"),
                new FileCase("history without a step column", d -> text(d, "history.csv", "a,b\n1,2\n"), readHistory,
                        "no column 'step' (columns: [a, b])"),
                new FileCase("history whose step column is text", d -> text(d, "history.csv", "step,cost\nfirst,2\n"),
                        readHistory, "column 'step' holds STRING values, not numbers"),
                new FileCase("rows longer than the header", d -> text(d, "history.csv", "step,cost\n1,2,3\n"), read,
                        "unreadable table (Row number 1 contains 3 columns. 2 expected.)"),
                new FileCase("readRuns: a run's history.csv is empty", d -> run(d, "k1", "", GOOD_SUMMARY).resolve("history.csv"),
                        f -> Histories.readRuns(f.getParent().getParent().getParent()), "empty file"),
                new FileCase("readRuns: a run's history.csv has no step",
                        d -> run(d, "k1", "cost\n1.5\n", GOOD_SUMMARY).resolve("history.csv"),
                        f -> Histories.readRuns(f.getParent().getParent().getParent()), "no column 'step'"),
                new FileCase("readRuns: a damaged summary.json", d -> run(d, "k1", "step\n1\n", "{\"seed\": ").resolve("summary.json"),
                        f -> Histories.readRuns(f.getParent().getParent().getParent()), "damaged summary.json")));
        // Random bytes: any seed must be refused, not read as columns of noise (seeds fixed, named in the case).
        for (long seed = 1; seed <= 5; seed++) {
            long s = seed;
            cases.add(new FileCase("binary garbage, seed " + s, d -> write(d, "history.csv", garbage(s)), read,
                    "not a CSV text file"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void readRefusesWhatIsNotATableNamingTheFileAndWhy(FileCase c, @TempDir Path dir) {
        Path file = c.make().apply(dir);
        var e = assertThrows(IllegalArgumentException.class, () -> c.call().apply(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(c.reason()), "says why (" + c.reason() + "): " + e.getMessage());
        assertTrue(e.getMessage().length() < 400, "no file content dumped into the message: " + e.getMessage());
    }

    @Test
    void textThatIsATableStillReadsWithItsTypes(@TempDir Path dir) {
        Path f = text(dir, "history.csv", "step,mode,cost\r\n0,réseau,1.5\r\n10,\tlocal,\r\n");
        Table t = Histories.read(f, "step", "cost");
        assertEquals("history", t.name());
        assertEquals(List.of(ColumnType.LONG, ColumnType.STRING, ColumnType.DOUBLE),
                t.columns().stream().map(c -> c.type()).toList());
        assertEquals("réseau", t.stringColumn("mode").get(0));
        assertTrue(t.doubleColumn("cost").isMissing(1));
        Table headerOnly = Histories.read(text(dir, "empty_history.csv", "step,cost\n"), "step");
        assertEquals(0, headerOnly.rowCount());
        assertEquals(List.of("step", "cost"), headerOnly.columnNames());
    }
}

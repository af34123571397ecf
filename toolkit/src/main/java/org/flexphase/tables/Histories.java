package org.flexphase.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flexphase.circuits.Classification;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import java.util.stream.Stream;
import org.flexphase.boltzmann.DataDistribution;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Training histories as Tablesaw tables: recorders for the trainers (same columns as each command's
 * {@code history.csv}), one long table from many runs (run key, configuration columns, seed, then the history),
 * and the toolkit's CSV files read back with their column types.
 *
 * <pre>{@code
 * Table runs = Histories.stack(List.of(
 *         new Histories.Run("standard", Map.of("mode", "standard"), 1, standardHistory),
 *         new Histories.Run("local", Map.of("mode", "local"), 1, localHistory)));
 * TableCharts.line(runs, "step", "nll_per_row_avg", ChartOptions.titled("NLL").groupBy("mode"));
 * }</pre>
 */
public final class Histories {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Histories() {
    }

    /** A recorder of a Boltzmann machine's history with exact NLL and TV on {@code data}; pass it to {@code BoltzmannTrainer.train}. */
    public static BoltzmannHistory boltzmann(DataDistribution data) {
        return new BoltzmannHistory(Objects.requireNonNull(data, "data must not be null"));
    }

    /** A recorder of a Forward-Forward history (errors on the first {@code evalSize} images of each split). */
    public static ForwardForwardHistory forwardForward(double[][] trainImages, int[] trainLabels, double[][] testImages,
                                                       int[] testLabels, int evalSize) {
        requireSameLength(Objects.requireNonNull(trainImages, "trainImages must not be null"),
                Objects.requireNonNull(trainLabels, "trainLabels must not be null"), "train");
        requireSameLength(Objects.requireNonNull(testImages, "testImages must not be null"),
                Objects.requireNonNull(testLabels, "testLabels must not be null"), "test");
        return new ForwardForwardHistory(trainImages, trainLabels, testImages, testLabels, evalSize);
    }

    /**
     * A recorder of a Hopfield network's history: error rates on {@code train} and {@code test} after a free
     * relaxation of {@code evalSweeps} sweeps; pass it to {@code EquilibriumPropagationTrainer.train}.
     */
    public static EquilibriumPropagationHistory equilibriumPropagation(HopfieldNetwork network, Examples train,
                                                                       Examples test, int evalSweeps) {
        Objects.requireNonNull(network, "network must not be null");
        Objects.requireNonNull(train, "train must not be null");
        Objects.requireNonNull(test, "test must not be null");
        return new EquilibriumPropagationHistory(network, train, test, evalSweeps);
    }

    /**
     * A recorder of coupled learning's history: the training cost, and the error rates of {@code classification}
     * (null for regression); pass it to {@code CouplingTrainer.train}.
     */
    public static CoupledLearningHistory coupledLearning(CoupledLearning system, Classification classification) {
        Objects.requireNonNull(system, "system must not be null");
        return new CoupledLearningHistory(system, classification);
    }

    /**
     * A recorder of the training cost of coupled learning with nonlinear elements (regression and teacher tasks);
     * pass it to {@code NonlinearTrainer.train}.
     */
    public static CoupledLearningHistory nonlinearCoupledLearning(org.flexphase.circuits.NonlinearCoupledLearning system) {
        Objects.requireNonNull(system, "system must not be null");
        return new CoupledLearningHistory(null, system::cost, null);
    }

    /** One run of a long table: its key, its configuration (names to numbers or text), its seed and its history. */
    public record Run(String key, Map<String, ?> config, long seed, Table history) {
        /** Rejects a null key, configuration, setting name or history (a null setting value is a missing one). */
        public Run {
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(config, "config must not be null");
            Objects.requireNonNull(history, "history must not be null");
            for (String name : config.keySet()) {
                Objects.requireNonNull(name, "config of run '" + key + "': a setting name must not be null");
            }
        }
    }

    private static void requireSameLength(double[][] images, int[] labels, String split) {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(split + "Labels has " + labels.length + " labels for "
                    + images.length + " " + split + "Images");
        }
    }

    /**
     * All runs in one long table: {@code key}, one column per configuration setting (numeric where every run's
     * value is a number, text otherwise; missing where a run lacks it), {@code seed}, then the history columns,
     * which must be the same in every run. A setting named like a history column or {@code key}/{@code seed} is
     * prefixed {@code config_}.
     */
    public static Table stack(List<Run> runs) {
        Objects.requireNonNull(runs, "runs must not be null");
        for (int i = 0; i < runs.size(); i++) {
            Objects.requireNonNull(runs.get(i), "runs[" + i + "] must not be null");
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to stack");
        }
        List<String> historyColumns = runs.get(0).history().columnNames();
        Map<String, Boolean> settings = new LinkedHashMap<>();   // name -> numeric in every run so far
        for (Run run : runs) {
            if (!run.history().columnNames().equals(historyColumns)) {
                throw new IllegalArgumentException("run '" + run.key() + "' has history columns "
                        + run.history().columnNames() + ", the first run has " + historyColumns);
            }
            run.config().forEach((k, v) -> settings.merge(k, v == null || v instanceof Number, Boolean::logicalAnd));
        }
        Table out = null;
        for (Run run : runs) {
            Table h = run.history();
            int n = h.rowCount();
            Table t = Table.create("runs", StringColumn.create("key", n));
            for (int r = 0; r < n; r++) {
                t.stringColumn("key").set(r, run.key());
            }
            settings.forEach((name, numeric) -> {
                Object v = run.config().get(name);
                String column = historyColumns.contains(name) || name.equals("key") || name.equals("seed")
                        ? "config_" + name : name;
                Column<?> c = numeric ? DoubleColumn.create(column, n) : StringColumn.create(column, n);
                for (int r = 0; r < n && v != null; r++) {
                    if (numeric) {
                        ((DoubleColumn) c).set(r, ((Number) v).doubleValue());
                    } else {
                        ((StringColumn) c).set(r, v.toString());
                    }
                }
                t.addColumns(c);
            });
            LongColumn seed = LongColumn.create("seed", n);
            for (int r = 0; r < n; r++) {
                seed.set(r, run.seed());
            }
            t.addColumns(seed);
            for (Column<?> c : h.columns()) {
                t.addColumns(c.copy());
            }
            out = out == null ? t : out.append(t);
        }
        return out;
    }

    /**
     * Reads a CSV file the toolkit wrote (a {@code history.csv}, a sweep's {@code sweep_summary.csv}, a figure's
     * table). Whole-number columns, which Tablesaw reads as {@code int}, are widened to {@code long}, so a table
     * read back has the column types of one just computed; a header without rows gives empty {@code double}
     * columns. A missing file, a folder, an empty file, a file that is
     * not UTF-8 text (binary data) and a malformed table are refused with an {@link IllegalArgumentException}
     * naming the file and the reason; a failed read is an {@link UncheckedIOException} naming the file.
     */
    public static Table read(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        String text = csvText(file);
        try {
            String tableName = file.getFileName().toString().replaceFirst("\\.csv$", "");
            Table t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text)).tableName(tableName));
            if (t.columnCount() == 0) {
                // A header without rows: Tablesaw has no values to detect types from and drops every column.
                t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text)).tableName(tableName)
                        .columnTypes(column -> ColumnType.DOUBLE));
            }
            for (String name : t.columnNames()) {
                if (t.column(name) instanceof IntColumn ints) {
                    t.replaceColumn(name, ints.asLongColumn().setName(name));
                }
            }
            return t;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": unreadable table (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * As {@link #read(Path)}, and requires each of {@code numericColumns} to be present and numeric: a history
     * needs its {@code step} column, a chart its x and y columns. The message names the file, the column and what
     * the file holds instead.
     *
     * <pre>{@code
     * Table h = Histories.read(Path.of("out/local/history.csv"), "step", "nll_per_row_avg");
     * }</pre>
     */
    public static Table read(Path file, String... numericColumns) {
        Objects.requireNonNull(numericColumns, "numericColumns must not be null");
        for (int i = 0; i < numericColumns.length; i++) {
            Objects.requireNonNull(numericColumns[i], "numericColumns[" + i + "] must not be null");
        }
        Table t = read(file);
        for (String c : numericColumns) {
            if (!t.columnNames().contains(c)) {
                throw new IllegalArgumentException(file + ": no column '" + c + "' (columns: " + t.columnNames() + ")");
            }
            if (!(t.column(c) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException(file + ": column '" + c + "' holds " + t.column(c).type()
                        + " values, not numbers");
            }
        }
        return t;
    }

    /**
     * The file's text, refused before Tablesaw sees it when it cannot be a table: Tablesaw reads an empty file as
     * a table with no columns and binary data as columns of noise.
     */
    private static String csvText(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not a regular file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                throw new IllegalArgumentException(file + ": not a CSV text file (binary data: byte 0x"
                        + String.format("%02x", b) + " at offset " + i + ")");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, out, true);
        if (r.isError()) {
            throw new IllegalArgumentException(file + ": not a CSV text file (binary data: bytes that are not UTF-8"
                    + " at offset " + in.position() + ")");
        }
        utf8.flush(out);
        String text = out.flip().toString();
        if (text.isBlank()) {
            throw new IllegalArgumentException(file + ": empty file (a table needs at least a header line)");
        }
        return text;
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /**
     * Every finished run under a {@code reproduce}, {@code sweep} or Spark output folder ({@code runs/<key>/} with
     * {@code history.csv} and {@code summary.json}), as one long table by {@link #stack}: the key is the folder
     * name, the configuration and seed come from the summary. Runs are in key order; unfinished ones (no summary)
     * are left out. Runs of different kinds may mix: the history columns are their union, missing where a run has
     * none. A damaged {@code summary.json} (not JSON, not an object, no integer seed) is named with the reason.
     */
    public static Table readRuns(Path folder) {
        Objects.requireNonNull(folder, "folder must not be null");
        Path runs = folder.resolve("runs");
        if (!Files.isDirectory(runs)) {
            throw new IllegalArgumentException(folder + ": no runs/ folder (not a reproduce or sweep output)");
        }
        List<Run> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.sorted().toList()) {
                Path summary = dir.resolve("summary.json");
                if (Files.isRegularFile(summary) && Files.isRegularFile(dir.resolve("history.csv"))) {
                    JsonNode s;
                    try {
                        s = JSON.readTree(summary.toFile());
                    } catch (IOException e) {
                        throw new IllegalArgumentException(summary + ": damaged summary.json (not valid JSON: "
                                + e.getMessage().lines().findFirst().orElse("") + "); delete " + dir + " to run it again", e);
                    }
                    if (s == null || !s.isObject() || !s.path("seed").isIntegralNumber()) {
                        throw new IllegalArgumentException(summary + ": damaged summary.json ("
                                + (s == null || !s.isObject() ? "not a JSON object" : "no integer 'seed'") + "); delete "
                                + dir + " to run it again");
                    }
                    Map<String, Object> config = new LinkedHashMap<>();
                    s.path("config").fields().forEachRemaining(e -> {
                        JsonNode v = e.getValue();
                        if (v.isNumber()) {
                            config.put(e.getKey(), v.numberValue());
                        } else if (!v.isNull()) {
                            config.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
                        }
                    });
                    found.add(new Run(dir.getFileName().toString(), config, s.path("seed").asLong(),
                            read(dir.resolve("history.csv"), "step")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read runs under " + runs + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(runs + ": no finished runs");
        }
        return stack(padded(found));
    }

    /**
     * The runs with the union of their history columns (in order of first appearance), a run lacking one getting
     * it with missing values: runs of different kinds (an ep run's errors, a network's cost) stack into one table.
     */
    static List<Run> padded(List<Run> runs) {
        Map<String, Column<?>> union = new LinkedHashMap<>();
        runs.forEach(r -> r.history().columns().forEach(c -> union.putIfAbsent(c.name(), c)));
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            Table h = Table.create(r.history().name());
            int n = r.history().rowCount();
            union.forEach((name, c) -> h.addColumns(r.history().containsColumn(name) ? r.history().column(name)
                    : c.emptyCopy(n).setName(name)));
            out.add(new Run(r.key(), r.config(), r.seed(), h));
        }
        return out;
    }

    /** A sweep's summary, one row per run: {@code sweep_summary.csv} in the sweep's output folder. */
    public static Table sweepSummary(Path sweepFolder) {
        Objects.requireNonNull(sweepFolder, "sweepFolder must not be null");
        return read(sweepFolder.resolve("sweep_summary.csv"));
    }
}

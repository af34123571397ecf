package org.flexphase.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import tech.tablesaw.api.Table;

/**
 * Writes a run's files (tables as CSV, summaries as JSON) atomically: each file is written to a
 * temporary name beside its target and renamed, so an interrupted or retried run never leaves a
 * half-written result. Long runs call {@link #writeCsv} after every evaluation so nothing is lost.
 */
public final class RunFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunFiles() {
    }

    /** Writes {@code table} as CSV with a header row to {@code file}, creating parent folders. */
    public static void writeCsv(Table table, Path file) {
        atomically(file, tmp -> table.write().csv(tmp.toFile()));
    }

    /** Writes {@code value} (maps, lists, records, numbers, strings) as indented JSON to {@code file}. */
    public static void writeJson(Object value, Path file) {
        atomically(file, tmp -> JSON.writeValue(tmp.toFile(), value));
    }

    /** Reads a JSON file written by {@link #writeJson} back as a tree. */
    public static com.fasterxml.jackson.databind.JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The shared JSON mapper (sorted keys, indented). */
    public static ObjectMapper json() {
        return JSON;
    }

    interface Writer {
        void write(Path tmp) throws IOException;
    }

    static void atomically(Path file, Writer writer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                writer.write(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a history table written by a run. Tablesaw infers whole-number columns as {@code int}; they are
     * widened back to {@code long}, so a history read from disk has the column types of one just computed.
     */
    public static Table readHistory(Path file) {
        try {
            Table t = Table.read().csv(file.toFile());
            for (String name : t.columnNames()) {
                if (t.column(name) instanceof tech.tablesaw.api.IntColumn ints) {
                    t.replaceColumn(name, ints.asLongColumn().setName(name));
                }
            }
            return t;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": unreadable history (" + e.getMessage() + ")", e);
        }
    }
}

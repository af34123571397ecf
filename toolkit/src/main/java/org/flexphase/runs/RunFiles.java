package org.flexphase.runs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    /** Summary records as snake_case maps; {@link #JSON} then sorts every level's keys as summary.json has them. */
    private static final ObjectMapper SUMMARY = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(EnumLabels.module())
            .build();

    /**
     * The files every run kind writes; {@code spec.json} (its settings) says which run a folder holds. A kind that
     * writes more lists them in {@link RunKind#files()}.
     */
    public static final java.util.List<String> COMMON = java.util.List.of("spec.json", "history.csv", "summary.json",
            "history.png");

    private RunFiles() {
    }

    /**
     * Opens (creating it if absent) a lock file without following a symbolic link: a link in its place, dangling or
     * not, is removed (the link, never its target), and one put back meanwhile makes the open fail, so taking a lock
     * never creates or truncates a file outside the folder.
     */
    public static java.nio.channels.FileChannel openLockFile(Path lockFile) throws IOException {
        if (Files.isSymbolicLink(lockFile)) {
            Files.deleteIfExists(lockFile);
        }
        return java.nio.channels.FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code name} is a temporary file of {@link #temporaryFor} for one of {@code files}. */
    public static boolean isTemporaryOf(String name, java.util.Collection<String> files) {
        return isTemporary(name) && files.stream().anyMatch(f -> name.startsWith("." + f + "."));
    }

    /** Writes {@code table} as CSV with a header row to {@code file}, creating parent folders. */
    public static void writeCsv(Table table, Path file) {
        atomically(file, csv(table));
    }

    /** Writes {@code value} (maps, lists, records, numbers, strings) as indented JSON to {@code file}. */
    public static void writeJson(Object value, Path file) {
        atomically(file, json(value));
    }

    /** Writes a run's summary to {@code file} ({@code summary.json}): snake_case keys, sorted at every level. */
    public static void writeSummary(RunSummary summary, Path file) {
        writeJson(asMap(summary), file);
    }

    /** A summary record (or a part of one) as the nested map of snake_case keys {@code summary.json} holds. */
    public static java.util.Map<String, Object> asMap(Object summaryPart) {
        return SUMMARY.convertValue(summaryPart, new TypeReference<java.util.Map<String, Object>>() { });
    }

    /** Writes {@code text} as UTF-8 to {@code file} (a Markdown table, a note). */
    public static void writeText(String text, Path file) {
        atomically(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Writer csv(Table table) {
        return out -> table.write().csv(out);
    }

    static Writer json(Object value) {
        return out -> JSON.writeValue(out, value);
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
        void write(OutputStream out) throws IOException;
    }

    /** Opens the temporary file a writer fills; a test swaps in a stream that fails as a full disk does. */
    interface Opener {
        OutputStream open(Path tmp) throws IOException;
    }

    /** The name a file is written under before its rename; {@link #isTemporary} recognises it. */
    static Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    }

    /** Whether {@code name} is a temporary file name of {@link #temporaryFor}: a leftover if no writer is alive. */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static final java.util.random.RandomGenerator RANDOM = new java.security.SecureRandom();

    static void atomically(Path file, Writer writer) {
        atomically(file, writer, tmp -> Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    /**
     * Writes into a new temporary file beside {@code file}, then renames it over {@code file}. The temporary file is
     * created as any new file is (mode 0666 less the umask, so results are as readable as the user's other files,
     * unlike {@link Files#createTempFile}'s 0600). A failure names the file and the underlying reason (a full
     * disk, a missing permission), also when a library wraps the I/O error in its own exception.
     */
    static void atomically(Path file, Writer writer, Opener opener) {
        Path tmp = null;
        FirstError disk = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = temporaryFor(file.toAbsolutePath());
            disk = new FirstError(opener.open(tmp));
            try (OutputStream out = new java.io.BufferedOutputStream(disk)) {
                writer.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw cannotWrite(file, disk != null && disk.first != null ? disk.first : e);
        } catch (RuntimeException e) {
            // Tablesaw's CSV writer (univocity) loses the I/O error: it reports "Error flushing output." caused by
            // a NullPointerException. The stream below it remembers the real one.
            IOException io = disk != null && disk.first != null ? disk.first : ioCause(e);
            if (io == null) {
                throw e;
            }
            throw cannotWrite(file, io);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write's own failure is the one to report
                }
            }
        }
    }

    /** Passes writes through and remembers the first I/O error, whatever the writer above makes of it. */
    static final class FirstError extends java.io.FilterOutputStream {
        IOException first;

        FirstError(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                first = first == null ? e : first;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                first = first == null ? e : first;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                first = first == null ? e : first;
                throw e;
            }
        }
    }

    static UncheckedIOException cannotWrite(Path file, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UncheckedIOException("cannot write " + file + ": " + reason, e);
    }

    /** The I/O error inside a library's exception (Tablesaw's CSV writer reports a full disk as its own). */
    static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
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

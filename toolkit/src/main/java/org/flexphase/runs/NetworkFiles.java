package org.flexphase.runs;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flexphase.circuits.NetworkFile;
import org.flexphase.util.InvalidSetting;

/**
 * Reads a user's network file ({@link NetworkFile}: an edge-list CSV) with the CSV parser Tablesaw reads with
 * (univocity), keeping each row's line so that errors name it, and hashes its bytes (SHA-256) so that
 * {@code spec.json} pins the file. Lines starting with {@code #} are comments; blank lines are skipped; fields may be
 * quoted. Refuses, naming the file: a missing path, a directory, an unreadable file, an empty one, one larger than
 * {@link #MAX_BYTES}, and bytes that are not UTF-8 text (a binary file).
 */
public final class NetworkFiles {
    /** Larger files are refused before reading (a million nodes at a few edges each is well under it). */
    public static final long MAX_BYTES = 256L << 20;

    private NetworkFiles() {
    }

    /** A file's checked network and the SHA-256 of its bytes (64 lower-case hexadecimal digits). */
    public record Loaded(NetworkFile network, String sha256) {
    }

    /** Reads, hashes and checks {@code path} ({@link NetworkFile#parse}); errors are {@link InvalidSetting}s. */
    public static Loaded read(String path) {
        byte[] bytes = bytes(path);
        String text = text(path, bytes);
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setComment('#');
        settings.getFormat().setLineSeparator("\n");
        settings.setNormalizeLineEndingsWithinQuotes(false);
        settings.setSkipEmptyLines(true);
        settings.setIgnoreLeadingWhitespaces(true);
        settings.setIgnoreTrailingWhitespaces(true);
        settings.setMaxColumns(NetworkFile.COLUMNS.size() + 1);
        settings.setMaxCharsPerColumn(4096);
        CsvParser parser = new CsvParser(settings);
        String[] header = null;
        int headerLine = 0;
        List<NetworkFile.Row> rows = new ArrayList<>();
        try {
            parser.beginParsing(new StringReader(text));
            String[] row;
            while ((row = parser.parseNext()) != null) {
                int line = (int) parser.getContext().currentLine();
                if (header == null) {
                    header = row;
                    headerLine = line;
                } else {
                    rows.add(new NetworkFile.Row(line, row));
                }
            }
        } catch (com.univocity.parsers.common.TextParsingException e) {
            throw new InvalidSetting("network", path + ", line " + (e.getLineIndex() + 1), "CSV of at most "
                    + NetworkFile.COLUMNS.size() + " columns and 4096 characters a field (" + firstLine(e) + ")");
        } finally {
            parser.stopParsing();
        }
        if (header == null) {
            throw new InvalidSetting("network", path, "a header line (from,to[,conductance,...]) and edge rows; the "
                    + "file holds only comments or blank lines");
        }
        return new Loaded(NetworkFile.parse(path, header, headerLine, rows), sha256(bytes));
    }

    /** The SHA-256 of {@code path}'s bytes, after the same checks as {@link #read}. */
    public static String sha256(String path) {
        return sha256(bytes(path));
    }

    private static byte[] bytes(String path) {
        Path p;
        try {
            p = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidSetting("network", path, "a file path (" + e.getReason() + ")");
        }
        if (Files.isDirectory(p)) {
            throw new InvalidSetting("network", path, "an edge-list CSV file, not a directory");
        }
        if (!Files.exists(p)) {
            throw new InvalidSetting("network", path, "an existing edge-list CSV file (not found)");
        }
        try {
            long size = Files.size(p);
            if (size == 0) {
                throw new InvalidSetting("network", path, "a non-empty edge-list CSV file (it is empty)");
            }
            if (size > MAX_BYTES) {
                throw new InvalidSetting("network", path, "a file of at most " + MAX_BYTES + " bytes; it has " + size);
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new InvalidSetting("network", path, "a readable file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    /** UTF-8 text without control characters other than tab and line ends: anything else is a binary file. */
    private static String text(String path, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSetting("network", path, "UTF-8 text (it is not: a binary file?)");
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r') {
                throw new InvalidSetting("network", path + ", line " + line, String.format("text; found the control "
                        + "character 0x%02x (a binary file?)", (int) c));
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }
}

package org.flexphase.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flexphase.util.Checks;

/**
 * Bars and Stripes (MacKay 2003; Fischer &amp; Igel 2014): {@code n x n} binary images (row-major pixels) whose rows
 * are all equal (stripes) or whose columns are all equal (bars).
 */
public final class BarsAndStripes {
    /** Classpath resource holding the published 32-row 4x4 multiset (a copy lives at {@code data/bas4x4.csv}). */
    public static final String RESOURCE = "/org/flexphase/data/bas4x4.csv";

    private BarsAndStripes() {
    }

    /** All distinct {@code n x n} patterns: {@code 2^(n+1) - 2} of them (all-0 and all-1 are both bars and stripes). */
    public static double[][] distinct(int n) {
        Checks.requireInRange(n, 1, 5, "n");
        Set<String> seen = new LinkedHashSet<>();
        List<double[]> out = new ArrayList<>();
        for (double[] p : multiset(n)) {
            if (seen.add(java.util.Arrays.toString(p))) {
                out.add(p);
            }
        }
        return out.toArray(new double[0][]);
    }

    /** All {@code 2^n} bars followed by all {@code 2^n} stripes, as the published file lists them (duplicates kept). */
    public static double[][] multiset(int n) {
        Checks.requireInRange(n, 1, 5, "n");
        int count = 1 << n;
        double[][] rows = new double[2 * count][n * n];
        for (int mask = 0; mask < count; mask++) {
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    rows[mask][r * n + c] = (mask >>> c) & 1;          // bar: column c on
                    rows[count + mask][r * n + c] = (mask >>> r) & 1;  // stripe: row r on
                }
            }
        }
        return rows;
    }

    /**
     * Whether a binary {@code n x n} image (row-major, pixels 0 or 1) is a bar or a stripe: all its rows are equal
     * or all its columns are equal. Of the {@code 2^(n*n)} images, exactly {@code 2^(n+1) - 2} are.
     */
    public static boolean isBarOrStripe(double[] image, int n) {
        Checks.requireInRange(n, 1, 5, "n");
        if (image.length != n * n) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, expected n*n = " + n * n);
        }
        boolean rowsEqual = true;
        boolean columnsEqual = true;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                rowsEqual &= image[r * n + c] == image[c];
                columnsEqual &= image[r * n + c] == image[r * n];
            }
        }
        return rowsEqual || columnsEqual;
    }

    /** The published BAS 4x4 data: 32 rows (16 bars + 16 stripes), read from the classpath copy and checked. */
    public static double[][] published4x4() {
        try (InputStream in = BarsAndStripes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("BAS data file " + RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BAS data file " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses comma-separated 0/1 rows (lines starting with '#' are comments), naming the file and line on error. */
    public static double[][] parse(InputStream in, String source, int columns) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != columns) {
                throw new IllegalStateException("corrupt data file " + source + ": line " + lineNo + " has "
                        + cells.length + " values, expected " + columns);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                String cell = cells[c].strip();
                if (!cell.equals("0") && !cell.equals("1")) {
                    throw new IllegalStateException("corrupt data file " + source + ": line " + lineNo + " column "
                            + (c + 1) + " is '" + cell + "', expected 0 or 1");
                }
                row[c] = cell.equals("1") ? 1 : 0;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("corrupt data file " + source + ": no data rows");
        }
        return rows.toArray(new double[0][]);
    }
}

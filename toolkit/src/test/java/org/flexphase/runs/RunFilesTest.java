package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** How run files reach the disk: the umask's mode, and failures that name the file and the reason. */
class RunFilesTest {
    static Table table(int rows) {
        double[] v = new double[rows];
        for (int k = 0; k < rows; k++) {
            v[k] = k / 7.0;
        }
        return Table.create("t", DoubleColumn.create("x", v));
    }

    @Test
    void csvAndJsonFilesGetTheModeOfAnyNewFileNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path reference = Files.createFile(dir.resolve("reference")); // 0666 less the umask
        RunFiles.writeCsv(table(3), dir.resolve("a.csv"));
        RunFiles.writeJson(Map.of("a", 1), dir.resolve("a.json"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(dir.resolve("a.csv")));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(dir.resolve("a.json")));
    }

    /** /dev/full fails every write with ENOSPC, as a full disk does: the same error the kernel gives then. */
    @Test
    void aFullDiskIsReportedWithTheFileAndTheReasonAndLeavesNoFiles(@TempDir Path dir) {
        Path target = dir.resolve("history.csv");
        for (RunFiles.Writer writer : new RunFiles.Writer[]{RunFiles.csv(table(100_000)), RunFiles.json(Map.of("a", 1))}) {
            var e = assertThrows(UncheckedIOException.class,
                    () -> RunFiles.atomically(target, writer, tmp -> new FileOutputStream("/dev/full")));
            assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left on device"),
                    e.getMessage());
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left behind");
        }
        catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void temporaryNamesAreRecognisedAsLeftovers(@TempDir Path dir) {
        Path tmp = RunFiles.temporaryFor(dir.resolve("summary.json"));
        assertTrue(RunFiles.isTemporary(tmp.getFileName().toString()), tmp.toString());
        assertFalse(RunFiles.isTemporary("summary.json"));
    }
}

package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Off a terminal (as under Surefire, in CI and in pipes) a part's progress is one line on standard error at its end. */
class ProgressTest {

    @Test
    void offATerminalEachPartEndsWithOneLineCountingWhatWasDone() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (Progress progress = Progress.of("BAS runs", 3)) {
            progress.step(1);
            progress.step(1);
        } finally {
            System.setErr(original);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("BAS runs: 2 of 3 done ("), text);
    }
}

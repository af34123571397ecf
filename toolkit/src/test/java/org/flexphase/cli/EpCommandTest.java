package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ep} command: options checked like {@code train} and {@code ff}, run files written, runs keyed. */
class EpCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badOptionsExitTwoNamingTheOptionValueAndRange() {
        String[][] cases = {{"--beta", "1.5", "0 < value < 1"}, {"--mode", "fast", "standard | symmetric | chl | local"},
            {"--free-steps", "0", "1 <= integer <= 1000000000"}, {"--switch-prob", "0", "0 < value <= 1"}, {"--b", "1", "0 < value < 1"},
            {"--trace-tau", "0.5", "0 (off) or a finite value >= 1"},
            {"--presentation", "poisson", "fixed | geometric"}, {"--epochs", "0", ">= 1"}, {"--lr", "-1", "> 0"}};
        for (String[] c : cases) {
            FailureMessagesTest.Ran r = FailureMessagesTest.run("ep", c[0], c[1], "--out", tmp.resolve("x").toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[0]) && r.err().contains(c[1]) && r.err().contains(c[2]), r.err());
        }
    }

    @Test
    void aSmallRunWritesHistorySummaryAndFigureAndIsKeyed() throws Exception {
        Path out = tmp.resolve("ep");
        String[] args = {"ep", "--mode", "local", "--hidden", "12", "--free-steps", "2", "--nudge-steps", "1",
            "--epochs", "1", "--eval-per-epoch", "2", "--eval-size", "50", "--lr", "0.001", "--trace-hold", "1", "--out",
            out.toString()};
        FailureMessagesTest.Ran r = FailureMessagesTest.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertEquals("step,relaxation_steps,train_error,test_error", history.get(0));
        assertEquals(1 + 3, history.size(), "checkpoints at 0, 12000 and 24000 sweeps");
        assertTrue(history.get(3).startsWith("24000,24000,"), history.get(3));
        JsonNode summary = RunFiles.readJson(out.resolve("summary.json"));
        assertEquals("local", summary.get("config").get("mode").asText());
        // local mode's gated trace, its hold shortened to fit examples of 3 sweeps, in the summary and spec.json
        assertEquals("free-only-nudged-term", summary.get("config").get("trace_gate").asText());
        assertEquals(1, summary.get("config").get("trace_hold").asInt());
        JsonNode spec = RunFiles.readJson(out.resolve("spec.json"));
        assertEquals("free-only-nudged-term", spec.get("trace_gate").asText());
        assertEquals(1, spec.get("trace_hold").asInt());
        assertEquals(1.0, spec.get("trace_tau").asDouble());
        assertTrue(summary.get("final").get("test_error").asDouble() <= 1.0);
        assertTrue(summary.get("wall_seconds").asDouble() > 0);
        assertTrue(Files.size(out.resolve("history.png")) > 0);
        // The same settings again: the folder holds this run, so it is resumed (not refused); other settings are refused.
        assertEquals(0, FailureMessagesTest.run(args).code());
        args[2] = "standard";
        FailureMessagesTest.Ran other = FailureMessagesTest.run(args);
        assertEquals(2, other.code(), other.err());
    }
}

package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes 0/1/2/3, memory-derived size limits, ranged type errors and ep's divergence summary. */
class ExitCodesTest {
    @TempDir
    Path tmp;

    @Test
    void anOutThatCannotBeCreatedIsAnIoFailureWithExitThree() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        FailureMessagesTest.Ran r = FailureMessagesTest.run("network", "--steps", "100", "--eval-every", "50",
                "--out", file.resolve("run").toString());
        assertEquals(Main.EXIT_IO, r.code(), r.err());
        assertTrue(r.err().contains(file.resolve("run").toString()), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void sizesBeyondTheHeapAreRefusedNamingTheOptionTheBytesAndXmxWithNothingWritten() {
        for (List<String> args : List.of(List.of("network", "--nodes", "2147483647"),
                List.of("network", "--examples", "2000000000"), List.of("network", "--inputs", "2147483647"),
                List.of("ep", "--hidden", "100000000"), List.of("ff", "--hidden", "100000000"))) {
            Path out = tmp.resolve("o" + args.hashCode());
            String[] a = CommandLineTest.concat(args.toArray(String[]::new), "--out", out.toString());
            FailureMessagesTest.Ran r = FailureMessagesTest.run(a);
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().contains(args.get(1)) && r.err().contains(args.get(2)), r.err());
            assertFalse(Files.exists(out.resolve("spec.json")), "nothing written: " + args);
        }
        FailureMessagesTest.Ran nodes = FailureMessagesTest.run("network", "--nodes", "2147483647", "--out",
                tmp.resolve("n").toString());
        assertTrue(nodes.err().contains("-Xmx") && nodes.err().contains("bytes") && nodes.err().contains("8 <= integer <= "),
                nodes.err());
    }

    @Test
    void messagesNameTheOptionTypedAndItsRange() {
        String[][] cases = {
                {"ep --free-steps 2147483647", "--free-steps", "1 <= integer <= 1000000000"},
                {"ep --lr-tau-epochs 1e308", "--lr-tau-epochs", "0 <= value <= 1.0E12"},
                {"network --degree 20 --nodes 8", "--degree", "nodes - 1 = 7"},
                {"network --k-min 1e308", "--k-min", "k_max = 1000.0"},
                {"network --k-max 1e-5", "--k-max", "k_min = 0.001"},
                {"ep --epochs 2147483647 --free-steps 100000000", "--epochs", "must fit in a long"},
                {"ep --beta abc", "--beta", "'abc' is not a double (allowed: 0 < value < 1)"},
                {"network --nodes abc", "--nodes", "(allowed: integer >= 8)"},
                {"sweep --spec x.json --threads abc", "--threads", "(allowed: integer >= 0)"},
                {"reproduce --threads 9999999999", "--threads", "(allowed: integer >= 0)"},
                {"network --phase-length 600 --steps 1000", "--phase-length", "steps / 2 = 500"},
                {"ep --mode local --sweeps-per-step 2147483647", "--sweeps-per-step", "1 <= integer <= 192000"},
                {"ep --eval-per-epoch 2147483647", "--eval-per-epoch", "1 <= integer <= 8000"},
        };
        for (String[] c : cases) {
            String[] args = CommandLineTest.concat(c[0].split(" "), "--out", tmp.resolve("m").toString());
            FailureMessagesTest.Ran r = FailureMessagesTest.run(args);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("'" + c[1] + "'") && r.err().contains(c[2]), c[0] + ": " + r.err());
        }
    }

    @Test
    void aDivergedEpRunReportsTheStepOfTheParametersItsFinalErrorsComeFrom() throws Exception {
        Path out = tmp.resolve("ep");
        FailureMessagesTest.Ran r = FailureMessagesTest.run("ep", "--hidden", "4", "--epochs", "1", "--lr", "1e308",
                "--free-steps", "2", "--nudge-steps", "1", "--eval-per-epoch", "4", "--eval-size", "20", "--out",
                out.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("diverged").asBoolean());
        List<String> rows = Files.readAllLines(out.resolve("history.csv"));
        long lastCheckpoint = Long.parseLong(rows.get(rows.size() - 1).split(",")[0]);
        assertEquals(lastCheckpoint, summary.get("final").get("relaxation_steps").asLong(), summary.toString());
        assertTrue(lastCheckpoint < summary.get("relaxation_steps").asLong(), summary.toString());
    }
}

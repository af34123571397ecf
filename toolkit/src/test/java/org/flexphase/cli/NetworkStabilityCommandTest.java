package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code network}: an unstable run exits 1 with its rates in the message and {@code unstable} in its summary; a
 * continuous-time run on a teacher task learns; a sweep of networks gets an {@code unstable} column.
 */
class NetworkStabilityCommandTest {
    static final String[] ANCHOR = {"--task", "teacher", "--nodes", "64", "--inputs", "5", "--outputs", "3",
        "--examples", "1", "--nudge", "1e-3"};

    @TempDir
    Path tmp;

    static String[] args(String[] head, String... tail) {
        String[] a = new String[head.length + tail.length + 1];
        a[0] = "network";
        System.arraycopy(head, 0, a, 1, head.length);
        System.arraycopy(tail, 0, a, 1 + head.length, tail.length);
        return a;
    }

    @Test
    void twinAtTooLargeAStepExitsOneAndSaysItsRates() throws Exception {
        // seed 1: the cost rises 26.6 times its start by step 1,000 (docs/experiments.md, twin stability)
        Path out = tmp.resolve("twin");
        assertEquals(1, Main.run(args(ANCHOR, "--mode", "twin", "--lr", "0.1", "--relax-rate", "0.05", "--steps",
                "2000", "--eval-every", "1000", "--out", out.toString())));
        JsonNode s = RunFiles.readJson(out.resolve("summary.json"));
        assertTrue(s.get("unstable").asBoolean());
        assertFalse(s.get("diverged").asBoolean());
        String why = s.get("instability").asText();
        assertTrue(why.contains("lr 0.1, relax_rate 0.05") && why.contains("times its start"), why);
        Path stable = tmp.resolve("stable");
        assertEquals(0, Main.run(args(ANCHOR, "--mode", "twin", "--lr", "0.1", "--relax-rate", "0.5", "--steps",
                "2000", "--eval-every", "1000", "--out", stable.toString())));
        assertFalse(RunFiles.readJson(stable.resolve("summary.json")).get("unstable").asBoolean());
    }

    @Test
    void aContinuousTimeRunOnATeacherTaskLearns() throws Exception {
        Path out = tmp.resolve("ode");
        assertEquals(0, Main.run(args(ANCHOR, "--mode", "twin", "--relax", "ode", "--gamma", "1", "--dt", "0.5",
                "--lr", "0.1", "--steps", "4000", "--eval-every", "1000", "--out", out.toString())));
        JsonNode s = RunFiles.readJson(out.resolve("summary.json"));
        assertTrue(s.get("final").get("cost").asDouble() < 0.5 * s.get("initial_cost").asDouble(), s.toString());
        assertEquals("ode", s.get("config").get("relax").asText());
        assertEquals(0, s.get("network").get("redraws").asInt());
    }

    @Test
    void aSweepOfNetworksHasAnUnstableColumn() throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, "{\"base\": {\"kind\": \"network\", \"nodes\": 20, \"mode\": \"twin\", \"lr\": 0.05, "
                + "\"steps\": 1000, \"eval_every\": 500}, \"seeds\": [1]}");
        Path out = tmp.resolve("sweep");
        assertEquals(0, Main.run("sweep", "--spec", spec.toString(), "--out", out.toString()));
        String header = Files.readAllLines(out.resolve("sweep_summary.csv")).get(0);
        assertTrue(header.contains("unstable"), header);
    }
}

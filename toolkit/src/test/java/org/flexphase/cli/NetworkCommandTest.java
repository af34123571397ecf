package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.runs.RunFiles;
import org.flexphase.runs.RunKinds;
import org.flexphase.runs.SettingsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code network} command: its files, reproducibility, Iris, and bad options (exit 2, named). */
class NetworkCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badOptionsExitTwoNamingTheOptionValueAndRange() {
        String out = tmp.resolve("bad").toString();
        String[][] cases = {
            {"--nudge", "2", "'--nudge': 2.0 (allowed: 0 < value <= 1)"},
            {"--relax-rate", "0", "'--relax-rate': 0.0 (allowed: 0 < value <= 1)"},
            {"--mode", "isd", "'--mode': isd (allowed: standard | twin | local)"},
            {"--relax", "fast", "'--relax': fast (allowed: uniform | jacobi | ode)"},
            {"--switch-prob", "1.5", "'--switch-prob': 1.5"},
            {"--nodes", "6", "'--nodes': 6 (allowed: integer >= 8)"},
            {"--k-max", "1e-4", "'--k-max': 1.0E-4"},
        };
        for (String[] c : cases) {
            FailureMessagesTest.Ran r = FailureMessagesTest.run("network", c[0], c[1], "--out", out);
            assertEquals(2, r.code(), String.join(" ", c));
            assertTrue(r.err().contains(c[2]), r.err());
        }
        FailureMessagesTest.Ran iris = FailureMessagesTest.run("network", "--task", "iris", "--nodes", "13", "--out", out);
        assertEquals(2, iris.code());
        assertTrue(iris.err().contains("'--nodes': 13 (allowed: integer >= 14"), iris.err());
        assertTrue(!Files.exists(tmp.resolve("bad").resolve("history.csv")));
    }

    @Test
    void aRunWritesItsFilesAndTheSameSeedRewritesTheSameHistory() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : new Path[]{a, b}) {
            assertEquals(0, Main.run("network", "--nodes", "24", "--mode", "twin", "--lr", "0.1", "--steps", "4000",
                    "--eval-every", "1000", "--seed", "3", "--out", out.toString()));
        }
        for (String f : new String[]{"spec.json", "history.csv", "summary.json", "history.png", "network.csv",
            "network.png"}) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        }
        assertEquals(Files.readString(a.resolve("history.csv")), Files.readString(b.resolve("history.csv")));
        assertTrue(Files.readString(a.resolve("history.csv")).startsWith("step,cost\n0,"));
        JsonNode s = RunFiles.readJson(a.resolve("summary.json"));
        assertEquals(4000, s.get("steps_done").asLong());
        assertEquals("twin", s.get("config").get("mode").asText());
        assertTrue(s.get("final").get("cost").asDouble() < s.get("initial_cost").asDouble());
        assertTrue(s.get("steps_per_second").asDouble() > 0);
    }

    @Test
    void irisRunsReportClassificationErrors() throws Exception {
        Path out = tmp.resolve("iris");
        assertEquals(0, Main.run("network", "--task", "iris", "--nodes", "40", "--steps", "2000", "--eval-every", "1000",
                "--out", out.toString()));
        String header = Files.readAllLines(out.resolve("history.csv")).get(0);
        assertEquals("step,cost,train_error,test_error", header);
        double err = RunFiles.readJson(out.resolve("summary.json")).get("final").get("test_error").asDouble();
        assertTrue(err >= 0 && err <= 1);
    }

    @Test
    void aSweepRunsNetworkSpecsAndSummarisesThem() throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, "{\"base\": {\"kind\": \"network\", \"nodes\": 20, \"mode\": \"twin\", \"lr\": 0.05, "
                + "\"steps\": 1000, \"eval_every\": 500}, \"grid\": {\"relax\": [\"uniform\", \"jacobi\"]}, \"seeds\": [1]}");
        Path out = tmp.resolve("sweep");
        assertEquals(0, Main.run("sweep", "--spec", spec.toString(), "--out", out.toString()));
        String summary = Files.readString(out.resolve("sweep_summary.csv"));
        assertEquals(3, summary.strip().split("\n").length, summary);
        assertTrue(summary.contains("network twin"), summary);
    }

    @Test
    void aSpecBindsTheDefaultsOfTheNetworkKind() throws Exception {
        ObjectNode d = SettingsJson.defaults(RunKinds.NETWORK);
        NetworkSettings s = SettingsJson.mapper().treeToValue(d, NetworkSettings.class);
        assertEquals(NetworkSettings.DEFAULTS, s);
        assertEquals(NetworkSettings.class, RunKinds.named("network").type());
    }
}

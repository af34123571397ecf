package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.data.MnistSubset;
import org.flexphase.tables.Histories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Issue 25: a local sweep survives a run that throws, refuses duplicate runs and nulls, summarises every run kind by
 * its own metric, and refuses hostile values of every kind's settings with exit 2 naming the key and the file.
 */
class SweepSafetyTest {
    @TempDir
    Path tmp;

    final SweepSpecCommandTest spec = new SweepSpecCommandTest();

    /** Runs {@code sweep} on {@code text} into {@code out}; returns the exit code and stderr. */
    FailureMessagesTest.Ran sweep(String text, Path out) throws Exception {
        Path file = tmp.resolve("spec-" + Math.abs(text.hashCode()) + ".json");
        Files.writeString(file, text);
        return FailureMessagesTest.run("sweep", "--spec", file.toString(), "--out", out.toString(), "--threads", "2");
    }

    @Test
    void aRunThatThrowsIsRecordedFailedTheOthersArePublishedAndARerunRetriesOnlyIt() throws Exception {
        // A real crash: an MNIST run whose data_dir holds corrupt files (the loader throws inside the run).
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.write(data.resolve(MnistSubset.IMAGES), new byte[]{1, 2, 3, 4, 5});
        Files.write(data.resolve(MnistSubset.LABELS), new byte[]{1, 2, 3, 4, 5});
        String text = "{\"base\": {\"hidden\": 3, \"lr\": 1e-3, \"steps\": 400, \"eval_every\": 200, \"eval_size\": 50},"
                + " \"runs\": [{\"data\": \"bas3\", \"b\": 0.3}, {\"data\": \"mnist\", \"data_dir\": \"" + data + "\"},"
                + " {\"data\": \"bas3\", \"b\": 0.5}, {\"data\": \"bas3\", \"b\": 0.7}]}";
        Path out = tmp.resolve("out");
        FailureMessagesTest.Ran r = sweep(text, out);
        assertEquals(1, r.code(), r.err());
        Table summary = Histories.sweepSummary(out);
        assertEquals(4, summary.rowCount(), summary.print());
        List<String> failed = summary.where(summary.booleanColumn("failed").isTrue()).stringColumn("key").asList();
        assertEquals(1, failed.size(), summary.print());
        String key = failed.get(0);
        assertTrue(r.err().contains("run " + key) && r.err().contains("SHA-256") && r.err().contains("1 of 4 runs failed: " + key),
                r.err());
        assertTrue(Files.readString(out.resolve("runs/" + key + "/failed.json")).contains("SHA-256"));
        assertFalse(Files.exists(out.resolve("runs/" + key + "/summary.json")));
        for (String k : summary.stringColumn("key")) {
            if (!k.equals(key)) {
                assertTrue(Files.exists(out.resolve("runs/" + k + "/summary.json")), "published: " + k);
            }
        }
        assertTrue(Files.exists(out.resolve("sweep_nll_vs_b.csv")));
        long published = Files.getLastModifiedTime(out.resolve("runs/" + summary.stringColumn("key").get(0) + "/summary.json"))
                .toMillis();

        // The data repaired, a re-run loads the three finished runs and runs the failed one only.
        copyResource(MnistSubset.IMAGES, data);
        copyResource(MnistSubset.LABELS, data);
        FailureMessagesTest.Ran again = sweep(text, out);
        assertEquals(0, again.code(), again.err());
        Table after = Histories.sweepSummary(out);
        assertTrue(after.booleanColumn("failed").isFalse().size() == 4 && after.booleanColumn("failed").isTrue().isEmpty());
        assertTrue(Files.exists(out.resolve("runs/" + key + "/summary.json")));
        assertFalse(Files.exists(out.resolve("runs/" + key + "/failed.json")));
        assertEquals(published, Files.getLastModifiedTime(out.resolve("runs/" + summary.stringColumn("key").get(0)
                + "/summary.json")).toMillis(), "finished runs are loaded, not rerun");
    }

    private static void copyResource(String name, Path dir) throws Exception {
        try (InputStream in = MnistSubset.class.getResourceAsStream("/org/flexphase/data/mnist-subset/" + name)) {
            Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void twoPlacesGivingTheSameRunAreRefusedNamingBoth() throws Exception {
        spec.tmp = tmp;
        String base = SweepSpecCommandTest.BASE;
        spec.rejected("{" + base + ", \"runs\": [{\"b\": 0.3}, {\"b\": 0.3}]}", "runs[0] seed 1 and runs[1] seed 1",
                "same run");
        spec.rejected("{" + base + ", \"runs\": [{\"b\": 0.5}, {}]}", "runs[0] seed 1 and runs[1] seed 1");
        spec.rejected("{" + base + ", \"seeds\": [1, 2, 1]}", "base seed 1 and base seed 1");
        spec.rejected("{" + base + ", \"grid\": {\"b\": [0.3, 0.3]}}", "base with grid {b=0.3} seed 1 and base with grid {b=0.3} seed 1");
        spec.rejected("{" + base + ", \"runs\": [{\"group\": \"x\", \"b\": 0.3}, {\"group\": \"x\", \"b\": 0.3}]}",
                "runs[0] seed 1 and runs[1] seed 1");
        // Entries labelled with different groups may share a run on purpose (reproduce's spec does): it runs once.
        assertEquals(1, org.flexphase.sweeps.SweepSpec.parse("{" + base + ", \"runs\": [{\"group\": \"x\", \"b\": 0.3},"
                + " {\"group\": \"y\", \"b\": 0.3}]}", "test spec").stream().map(org.flexphase.sweeps.RunSpec::key).distinct().count());
    }

    @Test
    void nullsAreRefusedNamingTheKeyAndTheFile() throws Exception {
        spec.tmp = tmp;
        String base = SweepSpecCommandTest.BASE;
        spec.rejected("{" + base + ", \"runs\": [{\"seeds\": null}]}", "runs[0]", "'seeds': null");
        spec.rejected("{\"base\": null, \"runs\": [{\"data\": \"bas3\"}]}", "'base': null", "an object of settings");
        spec.rejected("{" + base + ", \"grid\": null}", "'grid': null", "an object of non-empty arrays");
        spec.rejected("{" + base + ", \"runs\": null}", "'runs': null", "an array of objects");
        spec.rejected("{" + base + ", \"seeds\": null}", "'seeds': null", "an array of integers");
        spec.rejected("{" + base + ", \"runs\": [{\"group\": null}]}", "runs[0]", "'group': null");
    }

    /** One numeric setting per kind that every hostile value below is outside of. */
    static final List<String[]> KEYS = List.of(
            new String[]{"train", "hidden", "\"data\": \"bas3\", \"steps\": 400, \"eval_every\": 200"},
            new String[]{"ff", "epochs", "\"eval_size\": 50"},
            new String[]{"ep", "beta", "\"eval_size\": 50"},
            new String[]{"network", "nodes", "\"steps\": 400, \"eval_every\": 200"});
    static final List<String> HOSTILE = List.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e308", "\"text\"", "null",
            "2147483648");

    @Test
    void everyKindRefusesHostileValuesWithExitTwoNamingTheKeyAndTheFile() throws Exception {
        spec.tmp = tmp;
        for (String[] k : KEYS) {
            for (String v : HOSTILE) {
                String shown = v.equals("1e308") ? "1.0E308" : v.equals("2147483648") && k[0].equals("ep") ? "2.147483648E9"
                        : v.equals("0") && k[0].equals("ep") ? "0.0" : v.equals("-1") && k[0].equals("ep") ? "-1.0" : v;
                spec.rejected("{\"runs\": [{\"kind\": \"" + k[0] + "\", " + k[2] + ", \"" + k[1] + "\": " + v + "}]}",
                        "invalid value for '" + k[1] + "': " + shown + " (allowed: ");
            }
            if (!k[0].equals("network")) {
                String missing = tmp.resolve("no-such-folder").toString();
                spec.rejected("{\"runs\": [{\"kind\": \"" + k[0] + "\", " + k[2] + ", \"data_dir\": \"" + missing + "\"}]}",
                        "'data_dir'", "missing");
            }
        }
        FailureMessagesTest.Ran r = FailureMessagesTest.run("sweep", "--spec", tmp.resolve("absent.json").toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("absent.json"), r.err());
    }

    @Test
    void networkAndEpRunsAreSummarisedAndDrawnByTheirOwnMetricsAndReadBackTogether() throws Exception {
        String text = """
                {"runs": [{"kind": "network", "task": "regression", "steps": 2000, "eval_every": 1000},
                          {"kind": "network", "task": "regression", "steps": 2000, "eval_every": 1000, "switch_prob": 0.5},
                          {"kind": "network", "task": "iris", "steps": 2000, "eval_every": 1000},
                          {"kind": "network", "task": "iris", "steps": 2000, "eval_every": 1000, "switch_prob": 0.5},
                          {"kind": "ep", "epochs": 1, "hidden": [8], "eval_size": 50, "eval_per_epoch": 1}]}
                """;
        Path out = tmp.resolve("mixed");
        FailureMessagesTest.Ran r = sweep(text, out);
        assertEquals(0, r.code(), r.err());
        Table summary = Histories.sweepSummary(out);
        assertFalse(summary.containsColumn("nll_per_row"), "no BAS run, no NLL columns: " + summary.columnNames());
        assertEquals(2, summary.where(summary.doubleColumn("cost").isNotMissing()
                .and(summary.doubleColumn("test_error").isMissing())).rowCount(), "regression: cost only");
        assertEquals(3, summary.where(summary.doubleColumn("test_error").isNotMissing()).rowCount(), "iris and ep");
        assertFalse(Files.exists(out.resolve("sweep_nll_vs_mean_phase_length.csv")), "no NLL figure");
        for (String f : new String[]{"sweep_cost_vs_mean_phase_length.csv", "sweep_test_error_vs_mean_phase_length.csv"}) {
            Table t = Histories.read(out.resolve(f));
            for (int i = 0; i < t.rowCount(); i++) {
                assertTrue(t.numberColumn("seeds").getDouble(i) >= 1 && Double.isFinite(t.numberColumn("mean").getDouble(i)),
                        f + ": " + t.print());
            }
        }
        Table runs = Histories.readRuns(out);
        assertEquals(5, runs.stringColumn("key").unique().size());
        assertTrue(runs.columnNames().containsAll(List.of("cost", "test_error", "relaxation_steps")), runs.columnNames().toString());

        String key = summary.stringColumn("key").get(0);
        Files.writeString(out.resolve("runs/" + key + "/summary.json"), "{\"seed\": 1, \"config\": ");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Histories.readRuns(out));
        assertTrue(e.getMessage().contains(key + "/summary.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(out.resolve("runs/" + key + "/summary.json"), "[]");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Histories.readRuns(out));
        assertTrue(e.getMessage().contains(key + "/summary.json") && e.getMessage().contains("not a JSON object"), e.getMessage());
    }
}

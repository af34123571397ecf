package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep spec is bound strictly and every run validated before any run starts: each bad spec exits 2 with a
 * message naming the file, the key, the value and what is allowed, and leaves no run folder behind.
 */
class SweepSpecCommandTest {
    @TempDir
    Path tmp;

    static final String BASE = "\"base\": {\"data\": \"bas3\", \"hidden\": 3, \"lr\": 1e-3, \"steps\": 400, \"eval_every\": 200}";

    /** Runs {@code sweep} on {@code spec}; returns the exit code and stderr. */
    Object[] sweep(String spec) throws Exception {
        Path file = tmp.resolve("spec-" + Math.abs(spec.hashCode()) + ".json");
        Files.writeString(file, spec);
        Path out = tmp.resolve("out-" + Math.abs(spec.hashCode()));
        FailureMessagesTest.Ran r = FailureMessagesTest.run("sweep", "--spec", file.toString(), "--out", out.toString(),
                "--threads", "1");
        return new Object[]{r.code(), r.err(), file, out};
    }

    void rejected(String spec, String... mentions) throws Exception {
        Object[] r = sweep(spec);
        String err = (String) r[1];
        assertEquals(2, r[0], spec + " -> " + err);
        assertTrue(err.contains(((Path) r[2]).toString()), "names the file: " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "mentions " + m + ": " + err);
        }
        assertFalse(Files.exists(((Path) r[3]).resolve("runs")), "no run started: " + spec);
    }

    @Test
    void aGridAxisThatIsNotANonEmptyArrayIsRejected() throws Exception {
        rejected("{" + BASE + ", \"grid\": {\"switch_prob\": [0.1, 0.2], \"b\": 0.3}}", "grid.b", "0.3", "non-empty array");
        rejected("{" + BASE + ", \"grid\": {\"switch_prob\": [0.1, 0.2], \"b\": []}}", "grid.b", "[]", "non-empty array");
    }

    @Test
    void unknownTopLevelKeysAndEmptyDocumentsAreRejected() throws Exception {
        for (String key : new String[]{"seed", "grids", "run"}) {
            rejected("{" + BASE + ", \"" + key + "\": [1]}", "unknown key '" + key + "'", "base, grid, runs, seeds");
        }
        rejected("", "empty");
        rejected("  \n", "empty");
        rejected("null", "null");
        rejected("[]", "[]", "JSON object");
        rejected("{}", "names no runs");
        rejected("{" + BASE + "} {}", "not valid JSON");
        rejected("{" + BASE + ", \"runs\": []}", "'runs' is empty");
        rejected("{" + BASE + ", \"seeds\": []}", "'seeds' is empty");
    }

    @Test
    void scalarsAreNeverCoerced() throws Exception {
        rejected("{" + BASE + ", \"seeds\": [\"a\", 1]}", "seeds[0]", "\"a\"", "an integer");
        rejected("{" + BASE + ", \"seeds\": [1.7]}", "seeds[0]", "1.7", "an integer");
        rejected("{" + BASE + ", \"seeds\": [1, null]}", "seeds[1]", "null");
        rejected("{" + BASE + ", \"seeds\": [true]}", "seeds[0]", "true", "an integer");
        rejected("{" + BASE + ", \"seeds\": [1e30]}", "seeds[0]", "1.0E30", "an integer");
        rejected("{" + BASE + ", \"runs\": [{\"visible_biases\": \"false\"}]}", "runs[0]", "visible_biases", "\"false\"",
                "true or false");
        rejected("{" + BASE + ", \"grid\": {\"hidden\": [16, 16.9]}}", "grid.hidden[1]", "'hidden'", "16.9", "an integer");
        rejected("{" + BASE + ", \"runs\": [{\"b\": \"0.5\"}]}", "'b'", "\"0.5\"", "a number");
        rejected("{\"base\": {\"hidden\": 3, \"hidden\": 4}}", "Duplicate field 'hidden'");
    }

    @Test
    void everyRunIsValidatedWithTheCommandLinesRangesBeforeAnyStarts() throws Exception {
        rejected("{" + BASE + ", \"runs\": [{\"hidden\": 0}]}", "'hidden'", ": 0", "integer >= 1");
        // The bad run is the last one: without up-front validation the first would have run.
        rejected("{" + BASE + ", \"runs\": [{\"b\": 0.5}, {\"init_sd\": -1}]}", "'init_sd'", "-1.0", "finite value >= 0");
        rejected("{" + BASE + ", \"runs\": [{\"b\": 0.5}, {\"data\": \"bas9\"}]}", "'data'", "bas9", "bas4 | bas3 | mnist | fashion");
        rejected("{" + BASE + ", \"runs\": [{\"b\": 0.5}, {\"hidden\": 100000000}]}", "'hidden'", "100000000", "-Xmx");
        rejected("{" + BASE + ", \"runs\": [{\"mode\": \"standard\", \"cd_k\": 300}]}", "'cd_k'", "300", "steps / 2 = 200");
        rejected("{" + BASE + ", \"runs\": [{\"average_from\": 401}]}", "'average_from'", "401", "steps = 400");
        rejected("{" + BASE + ", \"runs\": [{\"mode\": \"exact\", \"data\": \"mnist\"}]}", "'mode'", "exact", "bas4 or bas3");
        rejected("{" + BASE + ", \"runs\": [{\"model\": \"lateral-bm\", \"hidden\": 16}]}", "'hidden'", "16", "lateral-bm");
        rejected("{" + BASE + ", \"runs\": [{\"kind\": \"cl\"}]}", "'kind'", "cl", "train | ff | network | ep");
        rejected("{\"runs\": [{\"kind\": \"ep\", \"beta\": 2}]}", "'beta'", "2.0", "0 < value < 1");
        rejected("{\"runs\": [{\"kind\": \"ep\", \"steps\": 10}]}", "unknown key 'steps'", "free_steps");
        rejected("{\"runs\": [{\"kind\": \"ff\", \"steps\": 10}]}", "unknown key 'steps'", "epochs");
        rejected("{" + BASE + ", \"runs\": [{\"learning_rate\": 1}]}", "unknown key 'learning_rate'", "switch_prob");
    }

    @Test
    void aDivergedRunIsMarkedReportedLeftOutOfTheFiguresAndFailsTheSweep() throws Exception {
        // A rate of 1e308 times the local weight 1/rho ~ 2 overflows at the first update; the other run at each b is finite.
        Object[] r = sweep("{" + BASE + ", \"grid\": {\"b\": [0.3, 0.7]}, \"runs\": [{\"lr\": 1e-3}, {\"lr\": 1e308}]}"
                .replace("\"steps\": 400, \"eval_every\": 200", "\"steps\": 4000, \"eval_every\": 2000"));
        String err = (String) r[1];
        Path out = (Path) r[3];
        assertEquals(1, r[0], err);
        assertTrue(Files.readString(out.resolve("sweep_summary.csv")).startsWith(
                "group,key,mode,b,switch_prob,negative_start,lr_schedule,steps,seed,final_step,nll_per_row,nll_per_row_avg,tv,tv_avg,diverged,failed,wall_seconds"));
        var summary = tech.tablesaw.api.Table.read().csv(out.resolve("sweep_summary.csv").toFile());
        int diverged = 0;
        for (int i = 0; i < summary.rowCount(); i++) {
            if (summary.booleanColumn("diverged").get(i)) {
                diverged++;
                String key = summary.stringColumn("key").get(i);
                assertTrue(err.contains("run " + key) && err.contains("diverged"), err);
            }
        }
        assertEquals(2, diverged, summary.print());
        var figure = tech.tablesaw.api.Table.read().csv(out.resolve("sweep_nll_vs_b.csv").toFile());
        assertEquals(2, figure.rowCount());
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, figure.numberColumn("seeds").getDouble(i), "only the finite run counts");
            assertTrue(Double.isFinite(figure.numberColumn("mean").getDouble(i)), figure.print());
        }
    }
}

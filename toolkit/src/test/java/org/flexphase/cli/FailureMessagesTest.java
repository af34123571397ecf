package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.data.FashionMnistTest;
import org.flexphase.runs.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures the command line reports with the file or option involved and the reason, and what it keeps. */
class FailureMessagesTest {
    @TempDir
    Path tmp;

    /** Exit code and standard error of one command; standard output is dropped. */
    record Ran(int code, String err) {
    }

    static Ran run(String... args) {
        return captured(Main::run, args);
    }

    /** {@code command} (Main's run, or its validation-only check) with standard error captured. */
    static Ran captured(java.util.function.ToIntFunction<String[]> command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        System.setErr(new PrintStream(buf));
        try {
            return new Ran(command.applyAsInt(args), buf.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aDivergedFfRunReportsTheErrorsOfItsLastFiniteCheckpoint() throws Exception {
        Path out = tmp.resolve("ff");
        // Adam moves each weight by about lr per step; 1e300 overflows the goodness within the first checkpoints.
        Ran r = run("ff", "--lr", "1e300", "--hidden", "8", "--epochs", "1", "--eval-every", "5",
                "--eval-size", "100000", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("diverged") && r.err().contains("last checkpoint (step 0)"), r.err());
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        String[] last = history.get(history.size() - 1).split(",");
        JsonNode fin = RunFiles.readJson(out.resolve("summary.json")).get("final");
        // With --eval-size above both splits' sizes, a checkpoint's errors are the final errors of its network.
        assertEquals(Long.parseLong(last[0]), fin.get("step").asLong());
        assertEquals(Double.parseDouble(last[1]), fin.get("train_error").asDouble());
        assertEquals(Double.parseDouble(last[2]), fin.get("test_error").asDouble());
    }

    @Test
    void fashionMnistTestImagesOfTheWrongSizeNameTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fashion"));
        FashionMnistTest.folder(dir, 28, 14, 10);
        Ran r = run("ff", "--data", "fashion", "--data-dir", dir.toString(), "--epochs", "1", "--hidden", "4",
                "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("t10k-images-idx3-ubyte.gz") && r.err().contains("14x14"), r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("spec.json")), "nothing written for a run that never started");
    }

    static final String[] TRAIN = {"train", "--data", "bas3", "--hidden", "3", "--mode", "local", "--lr", "1e-3",
        "--steps", "4000", "--eval-every", "2000"};

    static String[] train(String... more) {
        return CommandLineTest.concat(TRAIN, more);
    }

    @Test
    void trainRefusesAFolderHoldingAnotherRunsFilesUnlessToldToOverwrite() throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, run(train("--seed", "1", "--out", out.toString())).code());
        byte[] first = Files.readAllBytes(out.resolve("history.csv"));
        assertEquals(0, run(train("--seed", "1", "--out", out.toString())).code(), "the same run again is allowed");
        assertArrayEquals(first, Files.readAllBytes(out.resolve("history.csv")));

        Ran other = run(train("--seed", "2", "--out", out.toString()));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains(out.toString()) && other.err().contains("another run's files")
                && other.err().contains("--overwrite"), other.err());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("history.csv")), "the old run is untouched");

        // A folder with an older run's files but no spec.json is another run too; --overwrite replaces them all.
        Files.delete(out.resolve("spec.json"));
        Files.writeString(out.resolve("history.png"), "stale");
        assertEquals(2, run(train("--seed", "2", "--out", out.toString())).code());
        assertEquals(0, run(train("--seed", "2", "--overwrite", "--out", out.toString())).code());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(out.resolve("history.csv"))));
        assertTrue(Files.size(out.resolve("history.png")) > 100, "the stale chart is replaced");
    }

    @Test
    void anEmptyOutOrOneThatIsAFileIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        for (String cmd : new String[]{"train", "ff", "sweep"}) {
            String[] head = cmd.equals("sweep") ? new String[]{"sweep", "--spec", file.toString()} : new String[]{cmd};
            Ran empty = run(CommandLineTest.concat(head, "--out", ""));
            assertEquals(2, empty.code(), cmd + ": " + empty.err());
            assertTrue(empty.err().contains("--out"), empty.err());
            Ran onFile = run(CommandLineTest.concat(head, "--out", file.toString()));
            assertEquals(2, onFile.code(), cmd + ": " + onFile.err());
            assertTrue(onFile.err().contains(file.toString()) && onFile.err().contains("existing file"), onFile.err());
        }
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void reproduceNamesAnUnknownPartAndTheKnownOnes() {
        Ran r = run("reproduce", "--parts", "bas,nets", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--parts") && r.err().contains("nets")
                && r.err().contains("bas | mnist | rbm-scale | ep | networks"), r.err());
    }

    /** Option combinations that would run nothing, or silently drop a part the user asked for, are refused. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--parts ,|--parts",
        "--parts mnist --skip-mnist|--parts",
        "--parts mnist,rbm-scale --skip-mnist|--parts",
        "--ff-protocols-only --parts ep|--ff-protocols-only",
        "--ff-protocols-only --parts mnist,bas|--ff-protocols-only",
        "--ff-protocols-only --extensions|--ff-protocols-only"})
    void reproduceRefusesCombinationsThatRunNothingOrDropAPart(String options, String named) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reproduce", "--out",
                tmp.resolve("r-" + Math.abs(options.hashCode())).toString()));
        args.addAll(java.util.List.of(options.split(" ")));
        Ran r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), options + ": " + r.err());
        assertTrue(r.err().contains(named), r.err());
    }
}

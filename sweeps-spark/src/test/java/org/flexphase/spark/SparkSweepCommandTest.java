package org.flexphase.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flexphase.sweeps.RunSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver's command line, as {@code sweeps-spark/spark-sweep} and {@code spark-submit} run it: hostile options
 * and specs exit 2 with one line naming the file or option and the problem, before Spark starts and without a
 * stack trace; a run that throws leaves the others to finish and the driver exits 1 naming every failed key.
 */
class SparkSweepCommandTest {
    @TempDir
    static Path tmp;
    static Path good;

    @BeforeAll
    static void files() throws IOException {
        System.setProperty("spark.ui.enabled", "false"); // the driver's SparkConf reads spark.* system properties
        good = Files.writeString(tmp.resolve("good.json"), """
                {"base": {"data": "bas3", "hidden": 3, "mode": "local", "lr": 1e-3, "steps": 2000, "eval_every": 1000},
                 "seeds": [1, 2]}
                """);
        Files.writeString(tmp.resolve("malformed.json"), "{\"base\": {\"data\": \"bas3\",");
        Files.writeString(tmp.resolve("empty.json"), "  \n");
        Files.writeString(tmp.resolve("text-for-steps.json"), "{\"base\": {\"data\": \"bas3\", \"steps\": \"many\"}}");
        Files.writeString(tmp.resolve("negative-steps.json"), "{\"base\": {\"data\": \"bas3\", \"steps\": -5}}");
        Files.writeString(tmp.resolve("unknown-key.json"), "{\"base\": {\"data\": \"bas3\", \"stepz\": 100}}");
        Files.writeString(tmp.resolve("array.json"), "[1, 2]");
        Files.writeString(tmp.resolve("a-file"), "not a folder");
        Files.createDirectories(tmp.resolve("a-folder.json"));
    }

    @AfterAll
    static void clear() {
        System.clearProperty("spark.ui.enabled");
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkSweep.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String t(String name) {
        return tmp.resolve(name).toString();
    }

    /** Options, then what the one-line message must contain. */
    static Stream<Arguments> hostile() {
        String out = "--out=" + tmp.resolve("never");
        return Stream.of(
                Arguments.of(List.of("--spec", t("missing.json"), out), List.of(t("missing.json"), "NoSuchFileException")),
                Arguments.of(List.of("--spec", t("a-folder.json"), out), List.of(t("a-folder.json"), "Is a directory")),
                Arguments.of(List.of("--spec", t("malformed.json"), out), List.of(t("malformed.json"), "not valid JSON")),
                Arguments.of(List.of("--spec", t("empty.json"), out), List.of(t("empty.json"), "empty")),
                Arguments.of(List.of("--spec", t("array.json"), out), List.of(t("array.json"), "expected a JSON object")),
                Arguments.of(List.of("--spec", t("text-for-steps.json"), out), List.of(t("text-for-steps.json"), "steps", "many")),
                Arguments.of(List.of("--spec", t("negative-steps.json"), out), List.of(t("negative-steps.json"), "steps", "-5")),
                Arguments.of(List.of("--spec", t("unknown-key.json"), out), List.of(t("unknown-key.json"), "stepz")),
                Arguments.of(List.of("--spec", good.toString(), "--out", t("a-file")), List.of("--out", t("a-file"), "existing file")),
                Arguments.of(List.of("--spec", good.toString(), "--out", tmp.resolve("a-file").toUri().toString()),
                        List.of("--out", "existing file")),
                Arguments.of(List.of("--spec", good.toString(), "--out", ""), List.of("--out", "folder path")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "bogus"), List.of("--master", "bogus")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "local[two]"), List.of("--master", "local[two]")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "local[0]"), List.of("--master", "local[0]")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "local[2,x]"), List.of("--master", "local[2,x]")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "local[99999999999]"), List.of("--master")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", ""), List.of("--master")),
                Arguments.of(List.of("--spec", good.toString(), out, "--master", "yarn"), List.of("--master", "yarn")),
                Arguments.of(List.of(out), List.of("Missing required option", "--spec")),
                Arguments.of(List.of("--spec", good.toString()), List.of("Missing required option", "--out")),
                Arguments.of(List.of("--spec", good.toString(), out, "--threads", "4"), List.of("Unknown option", "--threads")));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileOptionsExit2WithOneMessageAndNoStackTrace(List<String> args, List<String> mentions) {
        Result r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "the message names " + m + ": " + r.err());
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("never")), "nothing written before the options are checked");
    }

    @Test
    void aGoodSpecRunsAndExits0AndARerunSkipsEveryRun() throws IOException {
        Path out = tmp.resolve("good-out");
        Result first = run("--spec", good.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("2 runs (0 already done, 0 failed, 0 diverged)"), first.out());
        assertEquals(3, Files.readAllLines(out.resolve("sweep_summary.csv")).size());
        Result again = run("--spec", good.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("2 runs (2 already done, 0 failed, 0 diverged)"), again.out());
    }

    @Test
    void runsThatThrowExit1NamingEveryFailedKeyWhileTheOthersFinish() throws IOException {
        // The driver checks that the data folder exists; an empty one passes, and each MNIST run throws in its task.
        Path noData = Files.createDirectories(tmp.resolve("no-mnist-here"));
        Path spec = Files.writeString(tmp.resolve("broken.json"), """
                {"base": {"hidden": 3, "mode": "local", "lr": 1e-3, "steps": 2000, "eval_every": 1000},
                 "runs": [{"data": "bas3"}, {"data": "mnist", "data_dir": "DIR"}], "seeds": [1, 2]}
                """.replace("DIR", noData.toString()));
        Path out = tmp.resolve("broken-out");
        Result r = run("--spec", spec.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(1, r.code(), r.toString());
        List<String> failed = new ArrayList<>();
        for (RunSpec s : SparkSweep.parse(Files.readString(spec))) {
            boolean bad = s.train().data().equals("mnist");
            if (bad) {
                failed.add(s.key());
            }
            assertEquals(!bad, Files.exists(out.resolve("runs").resolve(s.key()).resolve("summary.json")), s.key());
        }
        assertEquals(2, failed.size());
        assertTrue(r.err().contains("2 of 4 runs failed: " + String.join(", ", failed)), r.err());
        assertTrue(r.out().contains("4 runs (0 already done, 2 failed, 0 diverged)"), r.out());
        assertEquals(1 + 2, Files.readAllLines(out.resolve("sweep_summary.csv")).size(), "the finished runs are summarized");
    }
}

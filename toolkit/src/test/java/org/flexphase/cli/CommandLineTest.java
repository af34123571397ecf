package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path tmp;

    String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString();
    }

    @Test
    void outOfRangeOptionsExitWithTwoAndNameTheOption() {
        String[][] cases = {
            {"--b", "1.5", "0 < value < 1"}, {"--switch-prob", "0", "0 < value <= 1"}, {"--lr", "-1", "> 0"},
            {"--cd-k", "0", ">= 1"}, {"--mode", "fast", "standard"}, {"--negative-start", "cold", "persistent"}};
        for (String[] c : cases) {
            int[] code = new int[1];
            String err = stderrOf(() -> code[0] = Main.run("train", c[0], c[1], "--steps", "10", "--out", tmp.toString()));
            assertEquals(2, code[0], c[0]);
            assertTrue(err.contains(c[0]) && err.contains(c[1]) && err.contains(c[2]), err);
        }
    }

    @Test
    void trainWritesItsFilesAndTheSameSeedGivesTheSameHistory() throws Exception {
        String[] args = {"train", "--model", "rbm", "--data", "bas4", "--hidden", "4", "--mode", "local", "--steps", "20000",
            "--eval-every", "5000", "--seed", "3", "--lr", "1e-3"};
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            assertEquals(0, Main.run(concat(args, "--out", a.toString())));
            assertEquals(0, Main.run(concat(args, "--out", b.toString())));
        } finally {
            System.setOut(old);
        }
        for (String f : new String[]{"history.csv", "summary.json", "history.png"}) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        }
        String history = Files.readString(a.resolve("history.csv"));
        assertTrue(history.startsWith("step,nll_per_row,tv,nll_per_row_avg"), history);
        assertEquals(1 + 5, history.strip().split("\n").length, "header and checkpoints at 0, 5000, ..., 20000");
        assertEquals(history, Files.readString(b.resolve("history.csv")));
    }

    @Test
    void ffAndMnistOptionsAreCheckedToo() {
        String[][] cases = {
            {"ff", "--b", "0", "0 < value < 1"}, {"ff", "--epochs", "0", ">= 1"}, {"ff", "--mode", "slow", "standard | isd | local"},
            {"ff", "--negatives", "fresh", "paired | published"}, {"ff", "--isd-weights", "one", "unbiased | published"},
            {"ff", "--data", "cifar", "mnist | fashion"}, {"train", "--binarise", "1.2", "0 <= value < 1"}};
        for (String[] c : cases) {
            int[] code = new int[1];
            String[] args = c[0].equals("train")
                    ? new String[]{"train", "--data", "mnist", c[1], c[2], "--out", tmp.toString()}
                    : new String[]{"ff", c[1], c[2], "--out", tmp.toString()};
            String err = stderrOf(() -> code[0] = Main.run(args));
            assertEquals(2, code[0], c[1]);
            assertTrue(err.contains(c[1]) && err.contains(c[2]) && err.contains(c[3]), err);
        }
    }

    @Test
    void ffWritesHistorySummaryAndFigure() throws Exception {
        Path out = tmp.resolve("ff");
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            assertEquals(0, Main.run("ff", "--mode", "isd", "--epochs", "1", "--hidden", "20,20", "--eval-every", "4000",
                    "--eval-size", "50", "--seed", "2", "--out", out.toString()));
        } finally {
            System.setOut(old);
        }
        String history = Files.readString(out.resolve("history.csv"));
        assertTrue(history.startsWith("step,train_error,test_error"), history);
        assertEquals(1 + 3, history.strip().split("\n").length, "checkpoints at 0, 4000, 8000");
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"examples_per_second\"") && summary.contains("\"test_error\""), summary);
        assertTrue(Files.size(out.resolve("history.png")) > 0);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

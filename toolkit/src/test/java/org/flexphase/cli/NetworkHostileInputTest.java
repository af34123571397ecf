package org.flexphase.cli;

import static org.flexphase.cli.HostileInputs.ANY_LONG;
import static org.flexphase.cli.HostileInputs.ANY_PATH;
import static org.flexphase.cli.HostileInputs.NONE;
import static org.flexphase.cli.HostileInputs.rows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network} under every hostile value of every option ({@link HostileInputs}). */
class NetworkHostileInputTest {
    /** Every option that takes a value and the hostile values it accepts (the rest must be refused). */
    static final Map<String, Set<String>> TABLE = rows(
            "--b", NONE,
            "--degree", NONE,
            "--eval-every", Set.of("2147483648", "9999999999", "2147483647"),
            "--examples", NONE,
            "--inputs", NONE,
            "--k-max", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--k-min", NONE,
            "--lr", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--mode", NONE,
            "--nodes", NONE,
            "--nudge", NONE,
            "--outputs", NONE,
            "--phase-length", NONE,
            "--present-prob", NONE,
            "--relax", NONE,
            "--relax-rate", NONE,
            "--steps", Set.of("2147483648", "9999999999", "2147483647"),
            "--switch-prob", NONE,
            "--task", NONE,
            "--terminals", NONE,
            "--test-size", Set.of("2147483647"),
            "--train-size", Set.of("2147483647"),
            // 0 turns the trace and the hold off; any other value needs mode local (the default mode is standard).
            "--trace-tau", Set.of("0"),
            "--trace-gate", NONE,
            "--trace-hold", Set.of("0"),
            // Legal by design: backward Euler is stable at any finite gamma * dt with a finite inverse; a huge one
            // relaxes to the equilibrium in a step. --dt 1e308 is legal at the default relax (uniform): lr * dt is
            // ode's rate only (NetworkHostileCombinationsTest checks the ode products and gamma * dt overflow).
            "--gamma", Set.of("1e308", "2147483647", "2147483648", "9999999999"),
            "--dt", Set.of("1e308", "2147483647", "2147483648", "9999999999"),
            "--unstable-factor", Set.of("1e308", "2147483647", "2147483648", "9999999999"),
            // A path must name a readable, non-empty edge-list file: "" is the working folder (a directory), the
            // others do not exist; NetworkFilesTest checks every bad file's message.
            "--network", NONE,
            "--batch", NONE,
            // 0 is off; any finite value >= 0 is a legal weight (a huge one diverges, reported like --lr 1e308)
            "--power-weight", Set.of("0", "1e308", "2147483647", "2147483648", "9999999999"),
            // 0 is a constant rate; any step count up to 1e15 is a legal time constant
            "--lr-tau", Set.of("0", "2147483647", "2147483648", "9999999999"),
            // 0 is linear resistors (the default); any other value needs task regression or teacher (the default
            // is regression) and -1 < c <= 1000; NetworkElementOptionTest checks the range and the refusals.
            "--element-c", Set.of("0"),
            // 0 is the element of the (linear) learning network, so unset; any other value needs task teacher.
            "--teacher-element-c", Set.of("0"),
            "--out", ANY_PATH,
            "--seed", ANY_LONG);

    @TempDir
    Path scratch;

    /**
     * {@code --network} given a directory, an empty file, binary garbage or a file whose graph is bad exits 2 naming
     * the option, the file (and line) and the reason, and writes nothing; a good file passes the dry run. Combinations:
     * {@code --batch full} and {@code --power-weight} outside the modes they act in are refused by name.
     */
    @Test
    void networkFilesAndTheModesOfBatchAndPowerWeightAreCheckedByName(@TempDir Path files) throws Exception {
        java.nio.file.Files.writeString(files.resolve("empty.csv"), "");
        java.nio.file.Files.write(files.resolve("garbage.csv"), new byte[]{0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00});
        java.nio.file.Files.writeString(files.resolve("loop.csv"), "from,to\n0,1\n1,2\n2,2\n");
        java.nio.file.Files.writeString(files.resolve("good.csv"), "from,to\n0,1\n1,2\n2,3\n3,4\n4,5\n5,0\n0,3\n");
        String out = scratch.resolve("out").toString();
        String[][] refused = {
                {"--network", files.toString(), "not a directory"},
                {"--network", files.resolve("empty.csv").toString(), "it is empty"},
                {"--network", files.resolve("garbage.csv").toString(), "line 1 (allowed: text; found the control"},
                {"--network", files.resolve("loop.csv").toString(), "line 4 (allowed: an edge between two different"
                        + " nodes; found a self-loop at node 2)"},
                {"--batch", "full", "--mode", "twin", "example unless mode is standard"},
                {"--power-weight", "0.1", "--mode", "local", "0 (off) unless mode is standard or twin"},
        };
        for (String[] r : refused) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("network", "--out", out));
            args.addAll(java.util.Arrays.asList(r).subList(0, r.length - 1));
            FailureMessagesTest.Ran ran = HostileInputs.check(args.toArray(String[]::new));
            org.junit.jupiter.api.Assertions.assertEquals(2, ran.code(), String.join(" ", args) + ": " + ran.err());
            org.junit.jupiter.api.Assertions.assertTrue(ran.err().contains("Invalid value for option '" + r[0] + "'")
                    && ran.err().contains(r[r.length - 1]), ran.err());
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), HostileInputs.list(scratch));
        }
        FailureMessagesTest.Ran ok = HostileInputs.check("network", "--out", out, "--network",
                files.resolve("good.csv").toString(), "--inputs", "2", "--outputs", "1", "--batch", "full",
                "--power-weight", "0.01");
        org.junit.jupiter.api.Assertions.assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("network", TABLE,
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

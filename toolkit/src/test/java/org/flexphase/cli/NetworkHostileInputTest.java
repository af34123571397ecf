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
            "--test-size", Set.of("2147483647"),
            "--train-size", Set.of("2147483647"),
            "--out", ANY_PATH,
            "--seed", ANY_LONG);

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("network", TABLE,
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

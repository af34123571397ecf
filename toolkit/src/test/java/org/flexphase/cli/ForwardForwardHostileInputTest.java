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

/** {@code ff} under every hostile value of every option ({@link HostileInputs}). */
class ForwardForwardHostileInputTest {
    /** Every option that takes a value and the hostile values it accepts (the rest must be refused). */
    static final Map<String, Set<String>> TABLE = rows(
            "--b", NONE,
            "--data", NONE,
            "--data-dir", NONE,
            "--epochs", Set.of("2147483647"),
            "--eval-every", Set.of("2147483648", "9999999999", "2147483647"),
            "--eval-size", Set.of("2147483647"),
            "--hidden", NONE,
            "--isd-weights", NONE,
            "--lr", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--mode", NONE,
            "--negatives", NONE,
            "--switch-prob", NONE,
            "--threshold", Set.of("0", "-1", "1e308", "2147483648", "9999999999", "2147483647"),
            "--out", ANY_PATH,
            "--seed", ANY_LONG);

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("ff", TABLE,
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

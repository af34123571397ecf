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

/** {@code ep} under every hostile value of every option ({@link HostileInputs}). */
class EpHostileInputTest {
    /** Every option that takes a value and the hostile values it accepts (the rest must be refused). */
    static final Map<String, Set<String>> TABLE = rows(
            "--mode", NONE,
            "--data", NONE,
            "--data-dir", NONE,
            "--beta", NONE,
            "--free-steps", NONE,
            "--nudge-steps", NONE,
            "--b", NONE,
            "--switch-prob", NONE,
            "--presentation", NONE,
            "--sweeps-per-step", NONE,
            "--trace-tau", Set.of("0", "1e308", "2147483648", "9999999999", "2147483647"),
            // The default mode is standard: a gate needs mode local and a trace; hold 0 is no hold.
            "--trace-gate", NONE,
            "--trace-hold", Set.of("0"),
            // true or false only (none of the hostile values), and true needs local mode's nudged-term gate.
            "--trace-commit", NONE,
            "--hidden", NONE,
            "--epochs", Set.of("2147483647"),
            "--lr", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--lr-tau-epochs", Set.of("0", "2147483648", "9999999999", "2147483647"),
            "--eval-per-epoch", NONE,
            "--eval-size", Set.of("2147483647"),
            "--seed", ANY_LONG,
            "--out", ANY_PATH);

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("ep", TABLE,
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

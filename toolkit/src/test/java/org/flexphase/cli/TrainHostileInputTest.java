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

/** {@code train} under every hostile value of every option ({@link HostileInputs}). */
class TrainHostileInputTest {
    /** Every option that takes a value and the hostile values it accepts (the rest must be refused). */
    static final Map<String, Set<String>> TABLE = rows(
            "--ais-runs", NONE,
            "--ais-steps", NONE,
            "--average-from", Set.of("-1", "0"),
            "--b", NONE,
            "--binarise", Set.of("0"),
            "--cd-k", Set.of("2147483647"),
            "--data", NONE,
            "--data-dir", NONE,
            "--equilibrium-refresh", Set.of("0", "2147483648", "9999999999", "2147483647"),
            "--eval-every", Set.of("2147483648", "9999999999", "2147483647"),
            "--eval-size", Set.of("2147483647"),
            "--exact-stride", Set.of("2147483647"),
            "--hidden", NONE,
            "--init-sd", Set.of("0", "1e308", "2147483648", "9999999999", "2147483647"),
            "--lr", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--lr-kappa", NONE,
            "--lr-schedule", NONE,
            "--lr-tau", Set.of("1e308", "2147483648", "9999999999", "2147483647"),
            "--minus-length", NONE,
            "--mode", NONE,
            "--model", NONE,
            "--negative-start", NONE,
            "--phase-length", Set.of("2147483647"),
            "--plus-length", NONE,
            "--steps", Set.of("2147483648", "9999999999", "2147483647"),
            "--switch-prob", NONE,
            "--weight-decay", Set.of("0", "1e308", "2147483648", "9999999999", "2147483647"),
            "--out", ANY_PATH,
            "--seed", ANY_LONG);

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("train", TABLE,
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

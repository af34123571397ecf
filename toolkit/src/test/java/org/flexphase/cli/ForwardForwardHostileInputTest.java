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
    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("ff", rows(
                "--out", ANY_PATH, "--seed", ANY_LONG),
                Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

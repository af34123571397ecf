package org.flexphase.cli;

import static org.flexphase.cli.HostileInputs.ANY_PATH;
import static org.flexphase.cli.HostileInputs.NONE;
import static org.flexphase.cli.HostileInputs.rows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce} under every hostile value of every option ({@link HostileInputs}), checked without running. */
class ReproduceHostileInputTest {
    static final Map<String, Set<String>> TABLE = rows(
            "--profile", NONE,
            "--out", ANY_PATH,
            "--threads", Set.of("0", "2147483647"),
            "--parts", NONE);

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() {
        HostileInputs.assertTable("reproduce", TABLE, Map.of("--out", scratch.resolve("out").toString()), scratch);
    }
}

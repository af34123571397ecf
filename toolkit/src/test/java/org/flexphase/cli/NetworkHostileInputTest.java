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

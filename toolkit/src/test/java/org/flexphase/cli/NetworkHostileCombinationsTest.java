package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of {@code network}'s ode options that are legal alone but not together (the one-option table,
 * {@link NetworkHostileInputTest}, sets one at a time): each product the run uses must stay finite, refused naming
 * the option and its range before anything runs.
 */
class NetworkHostileCombinationsTest {
    @TempDir
    Path scratch;

    @Test
    void odeProductsThatOverflowOrUnderflowAreRefusedByName() {
        String[][] cases = {
                // gamma * dt overflows: backward Euler's shift 1 / (gamma dt) would be 0 (the solver refuses it).
                {"--gamma 1e308 --dt 1e308", "--dt", "gamma * dt"},
                {"--relax ode --gamma 1e308 --dt 1e308", "--dt", "gamma * dt"},
                // gamma * dt underflows: the shift is infinite.
                {"--dt 1e-320", "--dt", "gamma * dt"},
                {"--gamma 1e-200 --dt 1e-200", "--dt", "gamma * dt"},
                // ode's rate per update lr * dt (* 2 phase_length in standard) overflows.
                {"--relax ode --dt 1e308", "--dt", "lr * dt * 2 phase_length"},
                {"--relax ode --mode twin --lr 1e308 --dt 10", "--dt", "lr * dt"},
                {"--relax ode --lr 1e308", "--lr", "lr * dt * 2 phase_length"},
                {"--unstable-factor Infinity", "--unstable-factor", "finite value > 1"},
                {"--unstable-factor 1", "--unstable-factor", "finite value > 1"},
        };
        for (String[] c : cases) {
            String[] args = CommandLineTest.concat(("network " + c[0]).split(" "), "--out",
                    scratch.resolve("out").toString());
            FailureMessagesTest.Ran r = HostileInputs.check(args);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("'" + c[1] + "'") && r.err().contains("allowed") && r.err().contains(c[2]),
                    c[0] + ": " + r.err());
        }
    }

    @Test
    void largeButFiniteOdeSettingsAreLegal() {
        for (String c : new String[] {"--relax ode --gamma 1e300 --dt 1e-300", "--relax ode --gamma 1e308",
                "--relax ode --dt 1e6 --lr 1e-6", "--relax ode --unstable-factor 1e308"}) {
            String[] args = CommandLineTest.concat(("network " + c).split(" "), "--out",
                    scratch.resolve("out").toString());
            FailureMessagesTest.Ran r = HostileInputs.check(args);
            assertEquals(0, r.code(), c + ": " + r.err());
        }
    }
}

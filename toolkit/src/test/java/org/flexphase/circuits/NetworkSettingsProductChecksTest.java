package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * The settings checks added with ode's nullable keys, edge terminals, the power term and {@code lr_tau}, at their
 * edges: ode's two products ({@code gamma * dt} with a finite inverse, and the rate per update {@code lr * dt} times
 * {@code 2 phase_length} in standard) refused exactly when they leave the doubles, under the key that was typed and with
 * its value; the messages' variable parts; the new value accessors read back what was set.
 */
class NetworkSettingsProductChecksTest {
    private static final NetworkSettings D = NetworkSettings.DEFAULTS;
    private static final NetworkSettings ODE = D.withRelax(Relaxation.Kind.ODE);

    private static InvalidSetting refused(String key, Object value, NetworkSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key);
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(value, e.value(), e.getMessage());
        return e;
    }

    @Test
    void gammaTimesDtMustStayFiniteWithAFiniteInverseAndBlamesTheKeyTyped() {
        // gamma typed, dt at its default 0.1: 1e-308 * 0.1 is subnormal, its inverse overflows
        refused("gamma", 1e-308, D.withGamma(1e-308));
        // dt typed (gamma unset or typed too): dt is blamed
        refused("dt", 1e-309, D.withDt(1e-309));
        refused("dt", 1e-200, D.withGamma(1e-200).withDt(1e-200)); // the product underflows to 0
        refused("dt", 1e200, D.withGamma(1e200).withDt(1e200)); // the product overflows to infinity
        // just inside: 1e-300 * 1e-7 = 1e-307 has a finite inverse; 1e150 * 1e150 is finite
        assertDoesNotThrow(D.withGamma(1e-300).withDt(1e-7)::validate);
        assertDoesNotThrow(D.withGamma(1e150).withDt(1e150)::validate);
    }

    @Test
    void odesRatePerUpdateIsLrTimesDtTimesTwoPhaseLengthsInStandardAndLrTimesDtElsewhere() {
        // standard, phase_length 10: lr dt 2T = 1e300 * 1e-10 * 20 = 2e291, finite (lr / dt would overflow)
        assertDoesNotThrow(ODE.withLr(1e300).withDt(1e-10)::validate);
        // lr dt = 1e307, times 20 overflows: refused under dt (typed), whose value is given
        InvalidSetting e = refused("dt", 1e7, ODE.withLr(1e300).withDt(1e7));
        assertTrue(e.allowed().contains("lr * dt * 2 phase_length = Infinity"), e.getMessage());
        // the same product with dt unset blames lr: 1e308 * 0.1 * 20 overflows
        refused("lr", 1e308, ODE.withLr(1e308));
        // with phase_length 1 the factor is 2: 1e307 * 2 = 2e307 is finite, 1e308 * 2 is not
        assertDoesNotThrow(ODE.withLr(1e300).withDt(1e7).withPhaseLength(1)::validate);
        refused("dt", 1e8, ODE.withLr(1e300).withDt(1e8).withPhaseLength(1));
        // twin: one step per update, no factor 2T, and the message says so
        NetworkSettings twin = ODE.withMode(CouplingMode.TWIN);
        assertDoesNotThrow(twin.withLr(1e300).withDt(1e7)::validate);
        e = refused("dt", 1e10, twin.withLr(1e300).withDt(1e10));
        assertTrue(e.allowed().contains("lr * dt = Infinity"), e.getMessage());
        assertFalse(e.allowed().contains("phase_length"), e.getMessage());
        // without ode lr is the rate per update itself, so the product is not checked
        assertDoesNotThrow(D.withLr(1e300).withDt(1e10)::validate);
        assertDoesNotThrow(D.withMode(CouplingMode.TWIN).withLr(1e300).withDt(1e10)::validate);
    }

    @Test
    void newKeysReadBackAndTheirMessagesNameWhatIsWrong(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertEquals(0.25, D.withPowerWeight(0.25).powerWeightValue());
        assertEquals(0.0, D.lrTauValue());
        assertEquals(500.0, D.withLrTau(500).lrTauValue());
        // lr_tau's upper end is allowed
        assertDoesNotThrow(D.withLrTau(1e15)::validate);
        refused("lr_tau", Math.nextUp(1e15), D.withLrTau(Math.nextUp(1e15)));
        // edge terminals take two nodes per terminal: 3 inputs and 2 outputs need 10 + ground + hidden = 12 nodes
        InvalidSetting e = refused("nodes", 11, D.withTerminals(Terminals.EDGE).withNodes(11));
        assertTrue(e.allowed().startsWith("integer >= 12 ("), e.getMessage());
        assertTrue(e.allowed().contains(", two nodes per terminal edge"), e.getMessage());
        assertDoesNotThrow(D.withTerminals(Terminals.EDGE).withNodes(12)::validate);
        // node terminals: 3 inputs and 4 outputs need 7 + 2 = 9 nodes, one node each
        e = refused("nodes", 8, D.withNodes(8).withOutputs(4));
        assertTrue(e.allowed().startsWith("integer >= 9 ("), e.getMessage());
        assertFalse(e.allowed().contains("terminal edge"), e.getMessage());
        // a network path: "empty" when blank, else "missing or not a regular file"
        e = refused("network", "\" \"", D.withNetwork(" ", null));
        assertTrue(e.allowed().endsWith("it is empty"), e.getMessage());
        String missing = dir.resolve("missing.csv").toString();
        e = refused("network", "\"" + missing + "\"", D.withNetwork(missing, null));
        assertTrue(e.allowed().endsWith("it is missing or not a regular file"), e.getMessage());
    }
}

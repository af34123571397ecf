package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flexphase.sweeps.RunSpec;
import org.flexphase.sweeps.SweepSpec;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/** The continuous-time settings bind from a sweep spec and are refused by name when out of range. */
class OdeSettingsTest {
    @Test
    void aSpecBindsRelaxOdeGammaDtAndTheUnstableFactor() {
        List<RunSpec> runs = SweepSpec.parse("{\"base\": {\"kind\": \"network\", \"task\": \"teacher\", \"relax\": \"ode\","
                + " \"gamma\": 2.5, \"dt\": 0.2, \"unstable_factor\": 4, \"steps\": 20}, \"seeds\": [1]}", "spec");
        NetworkSettings s = (NetworkSettings) runs.get(0).settings();
        assertEquals(Relaxation.Kind.ODE, s.relax());
        assertEquals(TaskKind.TEACHER, s.task());
        assertEquals(2.5, s.gammaValue());
        assertEquals(0.2, s.dtValue());
        assertEquals(4, s.unstableFactorValue());
    }

    @Test
    void theDefaultValuesAreUnsetSoOldRunsKeepTheirKeysAndASetGammaHasItsOwn() {
        NetworkSettings typed = NetworkSettings.DEFAULTS.withGamma(1.0).withDt(0.1).withUnstableFactor(10);
        assertEquals(NetworkSettings.DEFAULTS, typed, "the command line gives the defaults as values");
        assertEquals(null, typed.gamma());
        assertEquals(null, typed.dt());
        assertEquals(null, typed.unstableFactor());
        String old = new RunSpec("n", NetworkSettings.DEFAULTS.withRelax(Relaxation.Kind.ODE)).key();
        assertEquals(old, new RunSpec("n", typed.withRelax(Relaxation.Kind.ODE)).key());
        List<RunSpec> runs = SweepSpec.parse("{\"base\": {\"kind\": \"network\", \"relax\": \"ode\", \"gamma\": 2},"
                + " \"seeds\": [1]}", "spec");
        NetworkSettings two = (NetworkSettings) runs.get(0).settings();
        assertEquals(2.0, two.gammaValue());
        assertEquals(0.1, two.dtValue());
        assertTrue(!runs.get(0).key().equals(new RunSpec(runs.get(0).group(), two.withGamma(1)).key()),
                "gamma 2 has its own key");
        assertEquals(runs.get(0).key(), new RunSpec(runs.get(0).group(), two).key());
        assertEquals(two.withGamma(1).withSeed(1), NetworkSettings.DEFAULTS.withRelax(Relaxation.Kind.ODE).withSeed(1));
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        NetworkSettings d = NetworkSettings.DEFAULTS;
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> d.withGamma(-1).validate());
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        e = assertThrows(InvalidSetting.class, () -> d.withDt(0).validate());
        assertTrue(e.getMessage().contains("dt"), e.getMessage());
        e = assertThrows(InvalidSetting.class, () -> d.withUnstableFactor(1).validate());
        assertTrue(e.getMessage().contains("unstable_factor"), e.getMessage());
    }
}

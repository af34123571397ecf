package org.flexphase.runs;

import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.util.InvalidSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.phases.PhaseProcess;
import org.junit.jupiter.api.Test;

/** Renewal length laws and AIS in {@code train} settings: bound, checked, and absent from keys when unset. */
class TrainSettingsRenewalTest {
    static TrainSettings with(String mode, String data, String plus, String minus, Integer aisRuns, Integer aisSteps) {
        return TrainSettings.DEFAULTS.withData(data).withMode(InvalidSetting.requireLabel("mode", mode, TrainingMode.class))
                .withB(0.5).withSeed(1).withPlusLength(plus).withMinusLength(minus).withAisRuns(aisRuns)
                .withAisSteps(aisSteps);
    }

    @Test
    void unequalLengthLawsMakeTheTrainersPhaseProcessARenewalOne() {
        TrainSettings s = with("local", "bas4", "fixed(2)", "geometric(0.125)", null, null);
        s.validate();
        PhaseProcess p = s.newPhaseProcess();
        assertEquals("renewal(b=0.5, plus=fixed(2), minus=geometric(0.125))", p.describe());
        assertEquals(0.2, p.positiveOccupancy(), 1e-15); // 0.5 * 2 / (0.5 * 2 + 0.5 * 8)
        assertEquals("geometric(b=0.5, p=0.05)", TrainSettings.DEFAULTS.newPhaseProcess().describe());
    }

    @Test
    void unsetNewSettingsLeaveTheCanonicalJsonAndSoEveryOldKeyUnchanged() {
        var json = SettingsJson.canonical(TrainSettings.DEFAULTS);
        for (String key : new String[]{"plus_length", "minus_length", "ais_runs", "ais_steps"}) {
            assertFalse(json.has(key), key);
        }
        assertTrue(SettingsJson.canonical(with("local", "bas4", "fixed(2)", "fixed(3)", null, null)).has("plus_length"));
    }

    @Test
    void badRenewalAndAisSettingsAreRefusedByKey() {
        assertKey("mode", with("standard", "bas4", "fixed(2)", "fixed(3)", null, null));
        assertKey("minus_length", with("local", "bas4", "fixed(2)", null, null, null));
        assertKey("plus_length", with("local", "bas4", null, "fixed(2)", null, null));
        assertKey("plus_length", with("local", "bas4", "fixed(0)", "fixed(2)", null, null));
        assertKey("minus_length", with("local", "bas4", "fixed(2)", "triangle(3)", null, null));
        assertKey("ais_runs", with("local", "bas4", null, null, 10, 100));
        assertKey("ais_runs", with("local", "mnist", null, null, 1, 100));
        assertKey("ais_steps", with("local", "mnist", null, null, 10, null));
        assertKey("ais_steps", with("local", "mnist", null, null, 10, 0));
        TrainSettings ok = with("local", "mnist", null, null, 10, 100);
        ok.validate();
        assertEquals(100, TrainRun.annealing(ok) == null ? -1 : 100);
        assertNull(TrainRun.annealing(TrainSettings.DEFAULTS));
    }

    static void assertKey(String key, TrainSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate);
        assertEquals(key, e.key(), e.getMessage());
    }
}

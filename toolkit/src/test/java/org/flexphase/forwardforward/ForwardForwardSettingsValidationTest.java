package org.flexphase.forwardforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link ForwardForwardSettings#validate()} refuses, by key, at the edges of each range, and the memory estimate
 * worked out by hand: 9 copies of the parameters, 4 of the activations, and each image as bytes (plus its label) and
 * as doubles, every array with its 16-byte header.
 */
class ForwardForwardSettingsValidationTest {
    static final ForwardForwardSettings BASE = ForwardForwardSettings.DEFAULTS.withHidden(List.of(8));

    static void refused(String key, ForwardForwardSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key);
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void thresholdAndHiddenSizesAreRefusedOutsideTheirRange() {
        refused("threshold", BASE.withThreshold(Double.POSITIVE_INFINITY));
        refused("threshold", BASE.withThreshold(Double.NaN));
        BASE.withThreshold(-1e300).validate();
        refused("hidden", BASE.withHidden(List.of(4, 0)));
        refused("hidden", BASE.withHidden(List.of()));
        refused("hidden", BASE.withHidden(null));
        BASE.withHidden(List.of(1, 1)).validate();
        // A layer of 10^5 x 10^5 weights needs 9 x 80 GB: refused before anything is allocated.
        refused("hidden", BASE.withHidden(List.of(100_000, 100_000)));
    }

    @Test
    void theOtherRangesAreRefusedByTheirKey() {
        refused("b", BASE.withB(0));
        refused("switch_prob", BASE.withSwitchProb(0));
        BASE.withSwitchProb(1).validate();
        refused("epochs", BASE.withEpochs(0));
        refused("lr", BASE.withLr(0));
        refused("eval_every", BASE.withEvalEvery(0));
        refused("eval_size", BASE.withEvalSize(0));
        BASE.withEvalSize(1).withEvalEvery(1).withEpochs(1).validate();
        refused("data", BASE.withData("bas4"));
        refused("data_dir", BASE.withDataDir("/nonexistent/flexphase-data"));
        refused("negatives", BASE.withNegatives(null));
        refused("isd_weights", BASE.withIsdWeights(null));
        refused("mode", BASE.withMode(null));
    }

    @Test
    void copiesChangeExactlyTheirOwnSetting(@TempDir Path dir) {
        ForwardForwardSettings s = BASE.withData("fashion").withDataDir(dir.toString()).withEvalSize(7);
        assertEquals("fashion", s.data());
        assertEquals(dir.toString(), s.dataDir());
        assertEquals(7, s.evalSize());
        assertEquals(BASE.hidden(), s.hidden());
        assertEquals(BASE.seed(), s.seed());
        s.validate();
    }

    /** Bytes a run of one hidden layer of 500 then 500 on 784-pixel images needs, from the formula by hand. */
    static long needed(long images) {
        long params = 784 * 500 + 500 + 500 * 500 + 500;
        long units = 1000;
        return 9 * (16 + 8 * params) + 4 * (16 + 8 * units) + images * ((784 + 1) + (16 + 8 * 784));
    }

    @Test
    void theMemoryCheckRefusesExactlyOneByteShort() {
        ForwardForwardSettings mnist = ForwardForwardSettings.DEFAULTS.withHidden(List.of(500, 500));
        assertEquals(117_058_208L, needed(10_000));
        mnist.requireMemory(needed(10_000));
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> mnist.requireMemory(needed(10_000) - 1));
        assertEquals("hidden", e.key());
        assertTrue(e.getMessage().contains("9 copies of 643000 parameters, activations and 10000 images"),
                e.getMessage());
        ForwardForwardSettings fashion = mnist.withData("fashion");
        fashion.requireMemory(needed(70_000));
        assertThrows(InvalidSetting.class, () -> fashion.requireMemory(needed(70_000) - 1));
    }
}

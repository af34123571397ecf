package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every range {@link TrainSettings#validate()} checks, at its edge: the last value allowed passes, the first beyond
 * it is refused under its own key. Also the derived settings (visible units, schedule, average start, the model a
 * run starts from) and the memory limit worked out by hand.
 */
class TrainSettingsValidationTest {
    static final TrainSettings BASE = TrainSettings.DEFAULTS;

    static void refused(String key, TrainSettings s) {
        InvalidSetting e = assertThrows(InvalidSetting.class, s::validate, key);
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void rangesOfTheDataAndModelSettings() {
        refused("binarise", BASE.withBinarise(-1e-9));
        refused("binarise", BASE.withBinarise(1));
        BASE.withBinarise(0).validate();
        BASE.withBinarise(0.999).validate();
        refused("eval_size", BASE.withEvalSize(0));
        BASE.withEvalSize(1).validate();
        refused("hidden", BASE.withHidden(0));
        BASE.withHidden(1).validate();
        refused("init_sd", BASE.withInitSd(-1e-9));
        BASE.withInitSd(0).validate();
        refused("model", BASE.withModel("dbn"));
        refused("data", BASE.withData("cifar"));
        refused("negative_start", BASE.withNegativeStart(null));
        refused("data_dir", BASE.withDataDir("/nonexistent/flexphase-data"));
    }

    @Test
    void labelledDataTakesOnlyAnRbmTrainedByASampler() {
        TrainSettings mnist = BASE.withData("mnist");
        mnist.validate();
        refused("model", mnist.withModel("lateral-bm"));
        InvalidSetting e = assertThrows(InvalidSetting.class, mnist.withMode(TrainingMode.EXACT)::validate);
        assertEquals("mode", e.key());
        assertTrue(e.getMessage().contains("standard | isd | local (with data mnist"), e.getMessage());
        BASE.withModel("lateral-bm").withHidden(8).withMode(TrainingMode.EXACT).validate();
    }

    @Test
    void cdKMayTakeHalfTheStepsInStandardModeOnly() {
        TrainSettings standard = BASE.withMode(TrainingMode.STANDARD).withSteps(10);
        standard.withCdK(5).validate();
        InvalidSetting e = assertThrows(InvalidSetting.class, standard.withCdK(6)::validate);
        assertEquals("cd_k", e.key());
        assertTrue(e.getMessage().contains("1 <= value <= steps / 2 = 5"), e.getMessage());
        BASE.withSteps(10).withCdK(6).validate();
    }

    @Test
    void averageFromIsMinusOneOrAStepOfTheRun() {
        TrainSettings s = BASE.withSteps(1001);
        s.withAverageFrom(-1).validate();
        s.withAverageFrom(0).validate();
        s.withAverageFrom(1001).validate();
        refused("average_from", s.withAverageFrom(1002));
        refused("average_from", s.withAverageFrom(-2));
        assertEquals(500, s.withAverageFrom(-1).averageFromStep());
        assertEquals(7, s.withAverageFrom(7).averageFromStep());
        assertEquals(0, s.withAverageFrom(0).averageFromStep());
    }

    @Test
    void rateScheduleSettingsAreCheckedWithEitherSchedule() {
        refused("lr_tau", BASE.withLrTau(0));
        refused("lr_kappa", BASE.withLrKappa(0));
        refused("lr_kappa", BASE.withLrKappa(1.0000001));
        BASE.withLrKappa(1).validate();
        assertEquals("constant(1.0E-4)", BASE.schedule().describe());
        assertEquals("robbins-monro(eta0=0.5, tau=10.0, kappa=0.75)",
                BASE.withLrSchedule("rm").withLr(0.5).withLrTau(10).withLrKappa(0.75).schedule().describe());
        assertEquals(0.5 / 2, BASE.withLrSchedule("rm").withLr(0.5).withLrTau(10).withLrKappa(1).schedule().rate(10),
                1e-15);
    }

    @Test
    void renewalLawsNeedLocalModeAndBothLaws() {
        TrainSettings renewal = BASE.withPlusLength("fixed(2)").withMinusLength("uniform(1, 3)");
        assertTrue(renewal.renewal());
        assertFalse(BASE.renewal());
        assertTrue(BASE.withMinusLength("fixed(2)").renewal());
        renewal.validate();
        assertEquals("renewal(b=0.5, plus=fixed(2), minus=uniform(1, 3))", renewal.newPhaseProcess().describe());
        refused("mode", renewal.withMode(TrainingMode.ISD));
        refused("minus_length", renewal.withMinusLength(null));
        refused("plus_length", renewal.withPlusLength(null));
        refused("plus_length", renewal.withPlusLength("fixed(0)"));
        refused("minus_length", renewal.withMinusLength("normal(2)"));
    }

    @Test
    void aisNeedsLabelledDataAndBothSettingsInRange() {
        TrainSettings mnist = BASE.withData("mnist");
        assertFalse(mnist.estimatesLogLikelihood());
        TrainSettings ais = mnist.withAisRuns(2).withAisSteps(1);
        assertTrue(ais.estimatesLogLikelihood());
        assertTrue(mnist.withAisSteps(5).estimatesLogLikelihood());
        ais.validate();
        mnist.withAisRuns(2).withAisSteps(TrainSettings.MAX_AIS_STEPS).validate();
        refused("ais_runs", ais.withAisRuns(1));
        refused("ais_steps", ais.withAisSteps(0));
        refused("ais_steps", ais.withAisSteps(TrainSettings.MAX_AIS_STEPS + 1));
        refused("ais_steps", ais.withAisSteps(null));
        refused("ais_runs", ais.withAisRuns(null));
        // 2^31 - 1 runs keep two arrays of that many log-weights: more than a Java array holds.
        InvalidSetting runs = assertThrows(InvalidSetting.class, ais.withAisRuns(Integer.MAX_VALUE)::validate);
        assertEquals("ais_runs", runs.key());
        assertTrue(runs.getMessage().contains("the AIS log-weights"), runs.getMessage());
        InvalidSetting exact = assertThrows(InvalidSetting.class, ais.withData("bas4")::validate);
        assertEquals("ais_runs", exact.key());
        assertTrue(exact.getMessage().contains("unset with data bas4"), exact.getMessage());
        InvalidSetting steps = assertThrows(InvalidSetting.class, BASE.withAisSteps(9)::validate);
        assertEquals("ais_steps", steps.key(), "a lone ais_steps is named by its own key");
        assertTrue(steps.getMessage().contains(": 9 "), steps.getMessage());
    }

    @Test
    void visibleUnitsAddTenLabelUnitsToLabelledImages() {
        assertEquals(16, BASE.visibleUnits());
        assertEquals(9, BASE.withData("bas3").visibleUnits());
        assertEquals(794, BASE.withData("mnist").visibleUnits());
        assertEquals(794, BASE.withData("fashion").visibleUnits());
        assertTrue(BASE.withData("fashion").labelled());
        assertFalse(BASE.labelled());
    }

    @Test
    void aLateralMachineKeepsAllItsUnitsWithinExactEnumeration() {
        // 24 units in all: bas4's 16 visible units leave 8 hidden, bas3's 9 leave 15.
        TrainSettings lateral = BASE.withModel("lateral-bm");
        lateral.withHidden(8).validate();
        InvalidSetting e = assertThrows(InvalidSetting.class, lateral.withHidden(9)::validate);
        assertEquals("hidden", e.key());
        assertTrue(e.getMessage().contains("1 <= value <= 8 with model lateral-bm on bas4"), e.getMessage());
        lateral.withData("bas3").withHidden(15).validate();
        refused("hidden", lateral.withData("bas3").withHidden(16));
        BASE.withHidden(9).validate();
    }

    @Test
    void theMemoryLimitIsEightCopiesOfTheParametersByHand() {
        // rbm on bas4 with h hidden units: 16 h + 16 + h parameters; lateral-bm adds h (h - 1) / 2 pairs.
        TrainSettings rbm = BASE.withHidden(100);
        double bytes = 8.0 * 8 * (16 * 100 + 16 + 100);
        assertEquals(bytes, TrainMemory.bytes(rbm, 100), 0.0);
        assertEquals(8.0 * 8 * (16 * 7 + 16 + 7 + 21), TrainMemory.bytes(rbm.withModel("lateral-bm"), 7), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, TrainMemory.bytes(rbm, Integer.MAX_VALUE), 0.0);
        assertEquals(100, TrainMemory.maxHidden(rbm, (long) bytes));
        assertEquals(99, TrainMemory.maxHidden(rbm, (long) bytes - 1));
        TrainMemory.requireMemory(rbm, (long) bytes);
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> TrainMemory.requireMemory(rbm, (long) bytes - 1));
        assertEquals("hidden", e.key());
        assertTrue(e.getMessage().contains("1 <= value <= 99 with 16 visible units"), e.getMessage());
        // The message gives both sides in GB: 64 (17 x 10^7 + 16) bytes = 10.1 GB against a 3 GB heap.
        InvalidSetting big = assertThrows(InvalidSetting.class,
                () -> TrainMemory.requireMemory(BASE.withHidden(10_000_000), 3L << 30));
        assertTrue(big.getMessage().contains("10.1 GB here, and this JVM may use 3.0 GB (java -Xmx)"), big.getMessage());
        InvalidSetting huge = assertThrows(InvalidSetting.class, BASE.withData("mnist").withHidden(Integer.MAX_VALUE)::validate);
        assertEquals("hidden", huge.key());
        assertTrue(huge.getMessage().contains("more than any Java array holds"), huge.getMessage());
    }

    @Test
    void newModelsDrawTheirCouplingsFromTheSeedsOwnStream() {
        TrainSettings s = BASE.withHidden(3).withInitSd(0.5).withSeed(11).withVisibleBiases(false);
        Rbm rbm = assertInstanceOf(Rbm.class, s.newModel(4));
        assertFalse(rbm.hasVisibleBiases());
        RandomGenerator same = Rngs.stream(11, -1);
        double[] t = rbm.parameters();
        assertEquals(4 * 3 + 4 + 3, t.length);
        for (int k = 0; k < t.length; k++) {
            assertEquals(k < 12 ? 0.5 * same.nextGaussian() : 0.0, t[k], 0.0, "rbm entry " + k);
        }
        LateralBoltzmannMachine lateral = assertInstanceOf(LateralBoltzmannMachine.class,
                s.withModel("lateral-bm").newModel(4));
        RandomGenerator again = Rngs.stream(11, -1);
        double[] l = lateral.parameters();
        assertEquals(4 * 3 + 4 + 3 + 3, l.length);
        for (int k = 0; k < l.length; k++) {
            assertEquals(k < 12 ? 0.5 * again.nextGaussian() : 0.0, l[k], 0.0, "lateral entry " + k);
        }
        assertEquals(1.0, lateral.inverseTemperature(), 0.0);
        assertEquals(1.0, rbm.inverseTemperature(), 0.0);
    }

    @Test
    void copiesChangeExactlyTheirOwnSetting(@TempDir Path dir) {
        TrainSettings s = BASE.withDataDir(dir.toString()).withBinarise(0.25).withEvalSize(9).withVisibleBiases(false)
                .withInitSd(0.5).withLrSchedule("rm").withLrTau(3).withLrKappa(0.5).withPlusLength("fixed(1)")
                .withMinusLength("fixed(2)").withModel("lateral-bm").withHidden(2);
        assertEquals(dir.toString(), s.dataDir());
        assertEquals(0.25, s.binarise(), 0.0);
        assertEquals(9, s.evalSize());
        assertFalse(s.visibleBiases());
        assertEquals(0.5, s.initSd(), 0.0);
        assertEquals("rm", s.lrSchedule());
        assertEquals(3, s.lrTau(), 0.0);
        assertEquals(0.5, s.lrKappa(), 0.0);
        assertEquals("fixed(1)", s.plusLength());
        assertEquals("fixed(2)", s.minusLength());
        assertEquals("lateral-bm", s.model());
        assertEquals(BASE.seed(), s.seed());
        assertEquals(BASE.steps(), s.steps());
        s.validate();
    }
}

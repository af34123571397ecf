package org.flexphase.boltzmann;

import org.flexphase.learning.LearningRateSchedule;

import org.flexphase.learning.ParameterAverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.PeriodicPhaseProcess;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RandomBlockPhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.junit.jupiter.api.Test;

/** The pieces a {@link BoltzmannTrainer} is configured with: rate schedules, the Polyak–Ruppert average, the settings. */
class LearningSettingsTest {

    @Test
    void robbinsMonroRatesFollowTheirFormulaAndKappaIsInItsRange() {
        LearningRateSchedule rm = LearningRateSchedule.robbinsMonro(0.1, 100, 0.5);
        assertEquals(0.1, rm.rate(0));
        assertEquals(0.1 / 2, rm.rate(300), 1e-15); // (1 + 300/100)^0.5 = 2
        assertEquals(0.1 / Math.pow(1.5, 0.5), rm.rate(50), 1e-15); // step / tau is not rounded
        assertEquals(0.1 / 11, LearningRateSchedule.robbinsMonro(0.1, 10, 1.0).rate(100), 1e-15);
        assertEquals(0.02, LearningRateSchedule.constant(0.02).rate(123_456));
        assertEquals("robbins-monro(eta0=0.1, tau=100.0, kappa=0.5)", rm.describe());
        assertEquals("constant(0.02)", LearningRateSchedule.constant(0.02).describe());
        for (double kappa : new double[] {0.0, -0.5, 1.0000001, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LearningRateSchedule.robbinsMonro(0.1, 10, kappa));
            assertTrue(e.getMessage().contains("kappa"), e.getMessage());
        }
    }

    @Test
    void parameterAverageIsTheMeanOfTheSnapshotsOnItsStrideFromItsStart() {
        ParameterAverage average = new ParameterAverage(2, 2, 3);
        double[] current = {7, 8};
        double[] before = average.meanOr(current);
        assertArrayEquals(current, before);
        assertNotSame(current, before, "a copy, so later updates of theta do not change it");
        for (long step = 0; step <= 9; step++) {
            average.observe(step, new double[] {step, 10 * step});
        }
        // Included: steps 2, 5, 8 (from 2 on, every 3rd).
        assertEquals(3, average.count());
        assertArrayEquals(new double[] {5, 50}, average.meanOr(current), 1e-12);
        ParameterAverage everyStep = new ParameterAverage(1, 0, 0); // a stride below 1 means every step
        everyStep.observe(0, new double[] {1});
        everyStep.observe(1, new double[] {2});
        assertEquals(2, everyStep.count());
        assertArrayEquals(new double[] {1.5}, everyStep.meanOr(current), 1e-15);
    }

    @Test
    void settingsBuildThePhaseProcessOfTheirModeAndTheTrainerTakesAGivenOne() {
        TrainSettings base = TrainSettings.DEFAULTS.withB(0.3).withSwitchProb(0.2).withPhaseLength(7).withCdK(3);
        assertInstanceOf(PeriodicPhaseProcess.class, base.withMode(TrainingMode.STANDARD).newPhaseProcess());
        assertEquals("periodic(T=3)", base.withMode(TrainingMode.STANDARD).newPhaseProcess().describe());
        assertEquals("random-block(b=0.3, T=7)", base.withMode(TrainingMode.ISD).newPhaseProcess().describe());
        assertEquals("geometric(b=0.3, p=0.2)", base.withMode(TrainingMode.LOCAL).newPhaseProcess().describe());
        assertInstanceOf(GeometricPhaseProcess.class, base.withMode(TrainingMode.EXACT).newPhaseProcess());
        PhaseProcess custom = RenewalPhaseProcess.of(0.4, LengthLaws.fixed(2), LengthLaws.fixed(5));
        PhaseProcess fromConfig = new BoltzmannTrainer(base.withMode(TrainingMode.LOCAL)).withPhaseProcess(custom)
                .newPhaseProcess();
        assertInstanceOf(RenewalPhaseProcess.class, fromConfig);
        assertNotSame(custom, fromConfig, "each run gets a fresh copy of the custom process");
        assertInstanceOf(RandomBlockPhaseProcess.class,
                TrainSettings.DEFAULTS.withMode(TrainingMode.ISD).newPhaseProcess());
    }

    @Test
    void theTrainerDescribesEverySettingItUses() {
        TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.ISD).withB(0.25).withSwitchProb(0.3)
                .withPhaseLength(6).withCdK(4).withLr(0.01).withSteps(1000).withWeightDecay(0.5)
                .withNegativeStart(NegativeStart.PCD).withAverageFrom(100).withAverageStride(3).withEvalEvery(50).withExactStride(9)
                .withEquilibriumRefresh(11).withSeed(42);
        Map<String, Object> d = new BoltzmannTrainer(config).describe();
        assertEquals(List.of("mode", "phase_process", "b", "switch_prob", "phase_length", "cd_k", "lr_schedule", "steps",
                "weight_decay", "negative_start", "average_from", "average_stride", "eval_every", "exact_stride",
                "equilibrium_refresh", "seed"), List.copyOf(d.keySet()));
        assertEquals(List.of("isd", "random-block(b=0.25, T=6)", 0.25, 0.3, 6, 4, "constant(0.01)", 1000L, 0.5, "pcd",
                100L, 3, 50L, 9, 11L, 42L), List.copyOf(d.values()));
        assertEquals(500, TrainSettings.DEFAULTS.withSteps(1000).averageFromStep(), "default: the second half");
        assertEquals(0, TrainSettings.DEFAULTS.withSteps(1000).withAverageFrom(0).averageFromStep());
    }

    @Test
    void everyOutOfRangeSettingIsNamed() {
        // The trainer validates its settings, naming the first one out of range in InvalidSetting's wording.
        Map<String, TrainSettings> bad = Map.ofEntries(
                Map.entry("b", TrainSettings.DEFAULTS.withB(1.0)),
                Map.entry("switch_prob", TrainSettings.DEFAULTS.withSwitchProb(0)),
                Map.entry("phase_length", TrainSettings.DEFAULTS.withPhaseLength(0)),
                Map.entry("cd_k", TrainSettings.DEFAULTS.withCdK(0)),
                Map.entry("steps", TrainSettings.DEFAULTS.withSteps(0)),
                Map.entry("weight_decay", TrainSettings.DEFAULTS.withWeightDecay(-1e-9)),
                Map.entry("average_stride", TrainSettings.DEFAULTS.withAverageStride(0)),
                Map.entry("eval_every", TrainSettings.DEFAULTS.withEvalEvery(0)),
                Map.entry("exact_stride", TrainSettings.DEFAULTS.withExactStride(0)),
                Map.entry("equilibrium_refresh", TrainSettings.DEFAULTS.withEquilibriumRefresh(-1)),
                Map.entry("mode", TrainSettings.DEFAULTS.withMode(null)),
                Map.entry("lr", TrainSettings.DEFAULTS.withLr(0)),
                Map.entry("lr_schedule", TrainSettings.DEFAULTS.withLrSchedule(null)));
        bad.forEach((name, settings) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BoltzmannTrainer(settings), name);
            assertTrue(e.getMessage().contains("invalid value for '" + name + "'"), name + ": " + e.getMessage());
        });
        // The smallest allowed values make a trainer.
        new BoltzmannTrainer(TrainSettings.DEFAULTS.withPhaseLength(1).withCdK(1).withSteps(1).withWeightDecay(0)
                .withAverageStride(1).withEvalEvery(1).withExactStride(1).withEquilibriumRefresh(0).withSwitchProb(1.0));
    }

    @Test
    void resultReportsThroughputAndDivergence() {
        TrainingResult fine = new TrainingResult(null, null, 1000, 400, 600, 2.0, null);
        assertEquals(500.0, fine.stepsPerSecond());
        assertEquals(false, fine.diverged());
        assertTrue(Double.isNaN(new TrainingResult(null, null, 1000, 400, 600, 0.0, null).stepsPerSecond()));
        assertTrue(new TrainingResult(null, null, 10, 5, 5, 1.0, "NaN at step 10").diverged());
    }
}

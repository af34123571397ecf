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

/** The pieces a {@link BoltzmannTrainer} is configured with: rate schedules, the Polyak–Ruppert average, the config. */
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
    void configBuildsThePhaseProcessOfItsMode() {
        TrainerConfig.Builder base = TrainerConfig.builder().b(0.3).switchProbability(0.2).phaseLength(7).cdK(3);
        assertInstanceOf(PeriodicPhaseProcess.class, base.mode(TrainingMode.STANDARD).build().newPhaseProcess());
        assertEquals("periodic(T=3)", base.mode(TrainingMode.STANDARD).build().newPhaseProcess().describe());
        assertEquals("random-block(b=0.3, T=7)", base.mode(TrainingMode.ISD).build().newPhaseProcess().describe());
        assertEquals("geometric(b=0.3, p=0.2)", base.mode(TrainingMode.LOCAL).build().newPhaseProcess().describe());
        assertInstanceOf(GeometricPhaseProcess.class, base.mode(TrainingMode.EXACT).build().newPhaseProcess());
        PhaseProcess custom = RenewalPhaseProcess.of(0.4, LengthLaws.fixed(2), LengthLaws.fixed(5));
        PhaseProcess fromConfig = base.mode(TrainingMode.LOCAL).process(custom).build().newPhaseProcess();
        assertInstanceOf(RenewalPhaseProcess.class, fromConfig);
        assertNotSame(custom, fromConfig, "each run gets a fresh copy of the custom process");
        assertInstanceOf(RandomBlockPhaseProcess.class,
                TrainerConfig.builder().mode(TrainingMode.ISD).build().newPhaseProcess());
    }

    @Test
    void configDescribesEverySettingAndRoundTripsThroughItsBuilder() {
        TrainerConfig config = TrainerConfig.builder().mode(TrainingMode.ISD).b(0.25).switchProbability(0.3)
                .phaseLength(6).cdK(4).schedule(LearningRateSchedule.constant(0.01)).steps(1000).weightDecay(0.5)
                .negativeStart(NegativeStart.PCD).averageFrom(100).averageStride(3).evalEvery(50).exactStride(9)
                .equilibriumRefresh(11).seed(42).build();
        Map<String, Object> d = config.describe();
        assertEquals(List.of("mode", "phase_process", "b", "switch_prob", "phase_length", "cd_k", "lr_schedule", "steps",
                "weight_decay", "negative_start", "average_from", "average_stride", "eval_every", "exact_stride",
                "equilibrium_refresh", "seed"), List.copyOf(d.keySet()));
        assertEquals(List.of("isd", "random-block(b=0.25, T=6)", 0.25, 0.3, 6, 4, "constant(0.01)", 1000L, 0.5, "pcd",
                100L, 3, 50L, 9, 11L, 42L), List.copyOf(d.values()));
        assertEquals(d, config.toBuilder().build().describe());
        assertEquals(500, TrainerConfig.builder().steps(1000).build().averageFrom, "default: the second half");
        assertEquals(0, TrainerConfig.builder().steps(1000).averageFrom(0).build().averageFrom);
    }

    @Test
    void everyOutOfRangeSettingIsNamed() {
        Map<String, TrainerConfig.Builder> bad = Map.ofEntries(
                Map.entry("b", TrainerConfig.builder().b(1.0)),
                Map.entry("switch-prob", TrainerConfig.builder().switchProbability(0)),
                Map.entry("phase-length", TrainerConfig.builder().phaseLength(0)),
                Map.entry("cd-k", TrainerConfig.builder().cdK(0)),
                Map.entry("steps", TrainerConfig.builder().steps(0)),
                Map.entry("weight-decay", TrainerConfig.builder().weightDecay(-1e-9)),
                Map.entry("average-stride", TrainerConfig.builder().averageStride(0)),
                Map.entry("eval-every", TrainerConfig.builder().evalEvery(0)),
                Map.entry("exact-stride", TrainerConfig.builder().exactStride(0)),
                Map.entry("equilibrium-refresh", TrainerConfig.builder().equilibriumRefresh(-1)),
                Map.entry("mode", TrainerConfig.builder().mode(null)),
                Map.entry("schedule", TrainerConfig.builder().schedule(null)));
        bad.forEach((name, builder) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build, name);
            assertTrue(e.getMessage().contains(name), name + ": " + e.getMessage());
        });
        // The smallest allowed values build.
        TrainerConfig.builder().phaseLength(1).cdK(1).steps(1).weightDecay(0).averageStride(1).evalEvery(1)
                .exactStride(1).equilibriumRefresh(0).switchProbability(1.0).build();
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

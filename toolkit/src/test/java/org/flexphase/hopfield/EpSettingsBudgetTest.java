package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * What an {@code ep} run's settings imply: the budget in sweeps (epochs x examples x (free + nudge)), the checkpoint
 * interval, the rate schedule with its decay time in sweeps, the layer sizes and LOCAL mode's presentation law, and
 * which settings {@link EpSettings#validate()} refuses (by key).
 */
class EpSettingsBudgetTest {
    @Test
    void budgetCountsEpochsOfFreeAndNudgedSweepsPerExample() {
        EpSettings s = EpSettings.DEFAULTS.withEpochs(3).withFreeSteps(5).withNudgeSteps(2).withEvalPerEpoch(4)
                .withLr(0.05).withLrTauEpochs(2);
        assertEquals(7L * 11, s.sweepsPerEpoch(11));
        EpSettings.Budget b = s.budget(11);
        assertEquals(3L * 11 * 7, b.steps());
        assertEquals(77 / 4, b.evalEvery());
        // Robbins-Monro with tau = 2 epochs of sweeps (154) and kappa 1: eta at step 0, eta/2 at tau, eta/3 at 2 tau.
        LearningRateSchedule r = b.schedule();
        assertEquals(0.05, r.rate(0), 1e-15);
        assertEquals(0.05 / 2, r.rate(154), 1e-15);
        assertEquals(0.05 / 3, r.rate(308), 1e-15);
        // Every example count large enough that an epoch's sweeps exceed an int.
        assertEquals(3L * 24 * 100_000_000, EpSettings.DEFAULTS.withEpochs(3).budget(100_000_000).steps());
    }

    @Test
    void noDecayMeansAConstantRateAndTheCheckpointIntervalIsAtLeastOneSweep() {
        EpSettings.Budget b = EpSettings.DEFAULTS.withLr(0.01).withLrTauEpochs(0).withFreeSteps(1).withNudgeSteps(1)
                .withEvalPerEpoch(5).budget(1);
        assertEquals(0.01, b.schedule().rate(0), 0);
        assertEquals(0.01, b.schedule().rate(1_000_000_000L), 0);
        // Two sweeps per epoch, five checkpoints asked for: one per sweep, never zero.
        assertEquals(1, b.evalEvery());
    }

    @Test
    void layerSizesPutTheInputFirstTheHiddenLayersInOrderAndTenOutputs() {
        assertArrayEquals(new int[]{784, 500, 30, 10},
                EpSettings.DEFAULTS.withHidden(List.of(500, 30)).layerSizes(784));
        assertArrayEquals(new int[]{4, 7, 10}, EpSettings.DEFAULTS.withHidden(List.of(7)).layerSizes(4));
    }

    @Test
    void presentationLawHasTheMeanOfOneExamplesSweeps() {
        for (PresentationLaw law : PresentationLaw.values()) {
            EpSettings s = EpSettings.DEFAULTS.withPresentation(law).withFreeSteps(6).withNudgeSteps(3);
            assertEquals(9.0, s.presentationLaw().mean(), 1e-12, law.name());
        }
    }

    @Test
    void hiddenSizesAndRateDecayAreRefusedByKey() {
        assertKey("hidden", EpSettings.DEFAULTS.withHidden(List.of()));
        assertKey("hidden", EpSettings.DEFAULTS.withHidden(List.of(5, 0)));
        assertKey("hidden", EpSettings.DEFAULTS.withHidden(null));
        List<Integer> one = new ArrayList<>(List.of(1));
        EpSettings.DEFAULTS.withHidden(one).validate();
        assertKey("lr_tau_epochs", EpSettings.DEFAULTS.withLrTauEpochs(-1e-9));
        assertKey("lr_tau_epochs", EpSettings.DEFAULTS.withLrTauEpochs(Double.POSITIVE_INFINITY));
        assertKey("lr_tau_epochs", EpSettings.DEFAULTS.withLrTauEpochs(Double.NaN));
        EpSettings.DEFAULTS.withLrTauEpochs(0).validate();
        assertKey("trace_tau", EpSettings.DEFAULTS.withTraceTau(0.5));
        EpSettings.DEFAULTS.withTraceTau(1).validate();
        assertKey("switch_prob", EpSettings.DEFAULTS.withSwitchProb(0));
        EpSettings.DEFAULTS.withSwitchProb(1).validate();
        assertKey("beta", EpSettings.DEFAULTS.withBeta(1));
        assertKey("b", EpSettings.DEFAULTS.withB(0));
        assertKey("sweeps_per_step", EpSettings.DEFAULTS.withSweepsPerStep(0));
        assertKey("presentation", EpSettings.DEFAULTS.withPresentation(null));
        assertKey("mode", EpSettings.DEFAULTS.withMode(null));
        assertKey("data", EpSettings.DEFAULTS.withData("cifar"));
        assertKey("lr", EpSettings.DEFAULTS.withLr(0));
        assertKey("eval_size", EpSettings.DEFAULTS.withEvalSize(0));
    }

    private static void assertKey(String key, EpSettings settings) {
        InvalidSetting e = assertThrows(InvalidSetting.class, settings::validate);
        assertEquals(key, e.key(), e.getMessage());
    }
}

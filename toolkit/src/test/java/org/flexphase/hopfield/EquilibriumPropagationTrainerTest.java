package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.learning.LearningLoop;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class EquilibriumPropagationTrainerTest {
    /** Four 4-pixel patterns, two classes: class = whether the left half is brighter. */
    static Examples toy() {
        double[][] x = {{1, 1, 0, 0}, {0.8, 0.9, 0.1, 0}, {0, 0, 1, 1}, {0.1, 0, 0.9, 0.8}};
        return Examples.oneHot(x, new int[]{0, 0, 1, 1}, 2);
    }

    /** Sweeps in one epoch of the toy problem: 4 examples of 10 free and 4 nudged sweeps. */
    static final long EPOCH = 4 * 14;

    static EpSettings settings(Mode mode, int epochs, long seed) {
        // Local learning's per-step estimator is phi / (rho beta), not a difference: its variance asks for a rate
        // about 50 times smaller than the paired modes' (docs/theory.md T2's price of locality).
        double eta = mode == Mode.LOCAL ? 0.002 : 0.1;
        return EpSettings.DEFAULTS.withMode(mode).withBeta(0.5).withFreeSteps(10).withNudgeSteps(4).withB(0.5)
                .withSwitchProb(0.1).withEpochs(epochs).withEvalPerEpoch(1).withLr(eta).withLrTauEpochs(0)
                .withSeed(seed);
    }

    static double meanCost(HopfieldNetwork net, Examples ex) {
        HopfieldState st = net.newState();
        double c = 0;
        for (int k = 0; k < ex.count(); k++) {
            st.resetActivations();
            st.show(ex.inputs()[k], ex.targets()[k], ex.labels()[k]);
            for (int s = 0; s < 30; s++) {
                net.sweep(st, 0, false);
            }
            c += net.cost(st);
        }
        return c / ex.count();
    }

    @Test
    void everyModeLowersTheCostAndClassifiesTheToyProblem() {
        for (Mode mode : Mode.values()) {
            HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
            double before = meanCost(net, toy());
            int epochs = mode == Mode.LOCAL ? 3_572 : 715; // 200,032 and 40,040 sweeps
            LearningLoop loop = new EquilibriumPropagationTrainer(settings(mode, epochs, 3)).train(net, toy(), null);
            assertEquals(null, loop.divergence());
            double after = meanCost(net, toy());
            assertTrue(after < 0.3 * before, mode + ": cost " + before + " -> " + after);
            assertEquals(0.0, EquilibriumPropagationTrainer.errorRate(net, toy(), 30), mode.toString());
        }
    }

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        for (Mode mode : Mode.values()) {
            HopfieldNetwork a = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
            HopfieldNetwork b = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
            new EquilibriumPropagationTrainer(settings(mode, 90, 7)).train(a, toy(), null);
            new EquilibriumPropagationTrainer(settings(mode, 90, 7)).train(b, toy(), null);
            assertArrayEquals(a.parameters(), b.parameters(), 0.0, mode.toString());
        }
    }

    @Test
    void budgetIsCountedInRelaxationSweeps() {
        // 18 epochs of 4 examples x (10 + 4) sweeps: 1,008 sweeps.
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
        LearningLoop standard = new EquilibriumPropagationTrainer(settings(Mode.STANDARD, 18, 1)).train(net, toy(),
                null);
        assertEquals(18 * EPOCH, standard.step());
        assertEquals(18 * EPOCH / 14, standard.updates());
        LearningLoop symmetric = new EquilibriumPropagationTrainer(settings(Mode.SYMMETRIC, 18, 1)).train(net,
                toy(), null);
        assertEquals(18 * EPOCH / 18, symmetric.updates());
        LearningLoop local = new EquilibriumPropagationTrainer(settings(Mode.LOCAL, 18, 1)).train(net, toy(), null);
        assertEquals(18 * EPOCH, local.step());
        assertEquals(18 * EPOCH, local.updates());
    }

    @Test
    void overridesReplaceOnlyLocalModesLawsAndLeaveTheOriginal() {
        EquilibriumPropagationTrainer t = new EquilibriumPropagationTrainer(settings(Mode.LOCAL, 1, 1));
        assertEquals(14.0, t.presentationLaw().mean());
        PhaseProcess process = GeometricPhaseProcess.of(0.25, 0.2);
        EquilibriumPropagationTrainer u = t.withPresentationLaw(LengthLaws.fixed(3)).withPhaseProcess(process);
        assertEquals(3.0, u.presentationLaw().mean());
        assertSame(process, u.phaseProcess());
        assertSame(t.settings(), u.settings());
        assertEquals(14.0, t.presentationLaw().mean());
        assertNotSame(process, t.phaseProcess());
    }

    @Test
    void badSettingsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EquilibriumPropagationTrainer(settings(Mode.STANDARD, 1, 1).withBeta(1.5)));
        assertTrue(e.getMessage().contains("'beta'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EquilibriumPropagationTrainer(settings(Mode.STANDARD, 1, 1).withFreeSteps(0)));
        assertTrue(e.getMessage().contains("'free_steps'"), e.getMessage());
        HopfieldNetwork wrong = HopfieldNetwork.of(5, 3, 2);
        e = assertThrows(IllegalArgumentException.class, () -> new EquilibriumPropagationTrainer(
                settings(Mode.STANDARD, 1, 1)).train(wrong, toy(), null));
        assertTrue(e.getMessage().contains("4 inputs"), e.getMessage());
    }
}

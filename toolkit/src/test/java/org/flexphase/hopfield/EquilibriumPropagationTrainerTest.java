package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.hopfield.EquilibriumPropagationTrainer.Config;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class EquilibriumPropagationTrainerTest {
    /** Four 4-pixel patterns, two classes: class = whether the left half is brighter. */
    static Examples toy() {
        double[][] x = {{1, 1, 0, 0}, {0.8, 0.9, 0.1, 0}, {0, 0, 1, 1}, {0.1, 0, 0.9, 0.8}};
        return Examples.oneHot(x, new int[]{0, 0, 1, 1}, 2);
    }

    static Config config(Mode mode, long steps, long seed) {
        // Local learning's per-step estimator is phi / (rho beta), not a difference: its variance asks for a rate
        // about 50 times smaller than the paired modes' (docs/theory.md T2's price of locality).
        double eta = mode == Mode.LOCAL ? 0.002 : 0.1;
        return new Config(mode, 0.5, 10, 4, 0.5, 0.1, null, 1, LearningRateSchedule.constant(eta), steps, steps,
                seed);
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
            long steps = mode == Mode.LOCAL ? 200_000 : 40_000;
            LearningLoop loop = new EquilibriumPropagationTrainer(config(mode, steps, 3)).train(net, toy(), null);
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
            new EquilibriumPropagationTrainer(config(mode, 5_000, 7)).train(a, toy(), null);
            new EquilibriumPropagationTrainer(config(mode, 5_000, 7)).train(b, toy(), null);
            assertArrayEquals(a.parameters(), b.parameters(), 0.0, mode.toString());
        }
    }

    @Test
    void budgetIsCountedInRelaxationSweeps() {
        HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.create(2), 4, 6, 2);
        LearningLoop standard = new EquilibriumPropagationTrainer(config(Mode.STANDARD, 1_000, 1)).train(net, toy(),
                null);
        assertEquals(14L * (1_000 / 14), standard.step());
        assertEquals(1_000 / 14, standard.updates());
        LearningLoop symmetric = new EquilibriumPropagationTrainer(config(Mode.SYMMETRIC, 1_000, 1)).train(net,
                toy(), null);
        assertEquals(1_000 / 18, symmetric.updates());
        LearningLoop local = new EquilibriumPropagationTrainer(config(Mode.LOCAL, 1_000, 1)).train(net, toy(), null);
        assertEquals(1_000, local.step());
        assertEquals(1_000, local.updates());
    }

    @Test
    void badSettingsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Config(Mode.STANDARD,
                1.5, 10, 4, 0.5, 0.1, null, 1, LearningRateSchedule.constant(0.1), 100, 100, 1));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Config(Mode.STANDARD, 0.5, 0, 4, 0.5, 0.1, null, 1,
                LearningRateSchedule.constant(0.1), 100, 100, 1));
        assertTrue(e.getMessage().contains("free-steps"), e.getMessage());
        HopfieldNetwork wrong = HopfieldNetwork.of(5, 3, 2);
        e = assertThrows(IllegalArgumentException.class, () -> new EquilibriumPropagationTrainer(
                config(Mode.STANDARD, 100, 1)).train(wrong, toy(), null));
        assertTrue(e.getMessage().contains("4 inputs"), e.getMessage());
    }
}

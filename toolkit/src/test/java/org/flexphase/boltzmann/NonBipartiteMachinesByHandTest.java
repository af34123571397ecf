package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.random.RandomGenerator;
import org.flexphase.phases.Phase;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The fully visible and the lateral machine by hand: flat layout, energy, statistic, weight decay, copies,
 * descriptions, refused shapes, and the random numbers a Gibbs step consumes; and {@link BoltzmannMachine}'s
 * default methods against the calls they stand for. The gradient and kernel tests check these models only
 * through sums over all states, where a wrong offset or a decayed bias can hide behind other terms.
 */
class NonBipartiteMachinesByHandTest {

    /** J01, J02, J12, then c0, c1, c2 (PairLayout order). */
    static FullyVisibleBoltzmannMachine threeUnits() {
        return FullyVisibleBoltzmannMachine.of(3, 0.5, new double[] {0.3, -0.7, 1.1, 0.2, -0.4, 0.9});
    }

    /** W (3 x 2, row per hidden unit), a (2), b (3), then L01, L02, L12. */
    static LateralBoltzmannMachine twoByThree() {
        LateralBoltzmannMachine m = LateralBoltzmannMachine.of(2, 3, 2.0);
        double[] t = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, -1.0, -2.0, 0.7, 0.8, 0.9, 1.5, -2.5, 3.5};
        System.arraycopy(t, 0, m.parameters(), 0, t.length);
        return m;
    }

    static BoltzmannState state(BoltzmannMachine m, double[] v, double[] h) {
        BoltzmannState s = m.newState();
        System.arraycopy(v, 0, s.visible, 0, v.length);
        System.arraycopy(h, 0, s.hidden, 0, h.length);
        return s;
    }

    @Test
    void fullyVisibleLayoutEnergyAndFieldsByHand() {
        FullyVisibleBoltzmannMachine m = threeUnits();
        assertEquals(3, m.biasOffset());
        assertEquals(6, m.parameterCount());
        assertEquals(3, m.visibleCount());
        assertEquals(0, m.hiddenCount());
        assertEquals(0.5, m.inverseTemperature());
        assertEquals("fvbm(3, beta=0.5)", m.describe());
        // -beta E(1, 0, 1) = beta (J02 + c0 + c2) = 0.5 (-0.7 + 0.2 + 0.9)
        assertEquals(0.2, m.negativeEnergy(state(m, new double[] {1, 0, 1}, new double[0])), 1e-15);
        assertEquals(0.5 * (0.3 + 1.1 - 0.7 + 0.2 - 0.4 + 0.9),
                m.negativeEnergy(state(m, new double[] {1, 1, 1}, new double[0])), 1e-15);
        // The field of unit i leaves out s_i itself: c1 + J01 + J12, whatever s_1 is.
        assertEquals(1.0, m.field(1, new double[] {1, 0, 1}), 1e-15);
        assertEquals(1.0, m.field(1, new double[] {1, 1, 1}), 1e-15);
        assertEquals(0.2 + 0.3, m.field(0, new double[] {1, 1, 0}), 1e-15);
        assertEquals(0.9 - 0.7 + 1.1, m.field(2, new double[] {1, 1, 0}), 1e-15);
    }

    @Test
    void fullyVisibleStatisticIsBetaTimesTheActivePairsAndUnits() {
        FullyVisibleBoltzmannMachine m = threeUnits();
        double[] target = {10, 10, 10, 10, 10, 10};
        // weight 2 x beta 0.5 = 1 per active pair and unit, added onto what is there.
        m.addStatistic(state(m, new double[] {1, 0, 1}, new double[0]), 2.0, target);
        assertArrayEquals(new double[] {10, 11, 10, 11, 10, 11}, target, 0);
        m.addStatistic(state(m, new double[] {0, 1, 1}, new double[0]), -4.0, target);
        assertArrayEquals(new double[] {10, 11, 8, 11, 8, 9}, target, 0);
        m.addStatistic(state(m, new double[] {1, 1, 0}, new double[0]), 1.0, target);
        assertArrayEquals(new double[] {10.5, 11, 8, 11.5, 8.5, 9}, target, 0);
    }

    @Test
    void fullyVisibleDecayCopyAndRefusals() {
        FullyVisibleBoltzmannMachine m = threeUnits();
        m.scaleCouplings(0.5);
        assertArrayEquals(new double[] {0.15, -0.35, 0.55, 0.2, -0.4, 0.9}, m.parameters(), 0, "biases are not decayed");
        FullyVisibleBoltzmannMachine c = m.copy();
        assertNotSame(m.parameters(), c.parameters());
        assertArrayEquals(m.parameters(), c.parameters(), 0);
        assertEquals(m.describe(), c.describe());
        c.parameters()[0] = 9;
        assertEquals(0.15, m.parameters()[0]);
        assertEquals(m.biasOffset(), c.biasOffset());
        double[] given = {1, 2, 3, 4, 5, 6};
        FullyVisibleBoltzmannMachine g = FullyVisibleBoltzmannMachine.of(3, 1.0, given);
        given[0] = 7;
        assertEquals(1, g.parameters()[0], "the machine keeps a copy of the given parameters");
        assertArrayEquals(new double[6], FullyVisibleBoltzmannMachine.of(3, 1.0).parameters(), 0);
        assertEquals("units", assertThrows(InvalidSetting.class, () -> FullyVisibleBoltzmannMachine.of(0, 1.0)).key());
        assertEquals("beta", assertThrows(InvalidSetting.class, () -> FullyVisibleBoltzmannMachine.of(3, 0.0)).key());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FullyVisibleBoltzmannMachine.of(3, 1.0, new double[5]));
        assertEquals("parameters length must be 6: 5", e.getMessage());
        assertEquals(1, FullyVisibleBoltzmannMachine.of(1, 1.0).parameterCount());
    }

    @Test
    void fullyVisibleStepsConsumeOneDrawPerUnitOnlyInTheNegativePhase() {
        FullyVisibleBoltzmannMachine m = threeUnits();
        RandomGenerator rng = Rngs.create(4);
        RandomGenerator twin = Rngs.create(4);
        BoltzmannState s = state(m, new double[] {1, 0, 1}, new double[0]);
        m.gibbsStep(s, Phase.POSITIVE, rng);
        assertArrayEquals(new double[] {1, 0, 1}, s.visible, 0, "a clamped step changes nothing");
        assertEquals(twin.nextDouble(), rng.nextDouble(), "and draws nothing");
        m.gibbsStep(s, Phase.NEGATIVE, rng);
        twin.nextDouble();
        twin.nextDouble();
        twin.nextDouble();
        assertEquals(twin.nextDouble(), rng.nextDouble(), "a sweep draws one number per unit");
    }

    @Test
    void fullyVisibleSweepIsSequentialInIndexOrder() {
        // Fields of +-40 make every conditional 0 or 1 but with probability 4e-18: unit 0 turns on (c0 = 40), unit 1
        // copies unit 0 (J01 = 80, c1 = -40), unit 2 turns on only if both are on (c2 = -120, J02 = J12 = 80). A
        // parallel update from all-zeros would leave units 1 and 2 off.
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0, new double[] {80, 80, 80, 40, -40, -120});
        BoltzmannState s = m.newState();
        m.gibbsStep(s, Phase.NEGATIVE, Rngs.create(1));
        assertArrayEquals(new double[] {1, 1, 1}, s.visible, 0);
    }

    @Test
    void lateralLayoutEnergyStatisticAndDecayByHand() {
        LateralBoltzmannMachine m = twoByThree();
        assertEquals(11, m.lateralOffset());
        assertEquals(14, m.parameterCount());
        assertEquals(2, m.visibleCount());
        assertEquals(3, m.hiddenCount());
        assertEquals(2.0, m.inverseTemperature());
        assertEquals("lateral-bm(2x3, beta=2.0)", m.describe());
        assertEquals(1.5, m.lateral(1, 0));
        assertEquals(-2.5, m.lateral(2, 0));
        assertEquals(3.5, m.lateral(1, 2));
        // v = (1, 0), h = (1, 0, 1): W00 + W20 + a0 + b0 + b2 + L02.
        BoltzmannState s = state(m, new double[] {1, 0}, new double[] {1, 0, 1});
        assertEquals(2.0 * (0.1 + 0.5 - 1.0 + 0.7 + 0.9 - 2.5), m.negativeEnergy(s), 1e-14);
        // v = (0, 1), h = (0, 1, 1): W11 + W21 + a1 + b1 + b2 + L12.
        BoltzmannState t = state(m, new double[] {0, 1}, new double[] {0, 1, 1});
        assertEquals(2.0 * (0.4 + 0.6 - 2.0 + 0.8 + 0.9 + 3.5), m.negativeEnergy(t), 1e-14);

        double[] target = new double[14];
        m.addStatistic(s, 0.25, target); // weight x beta = 0.5 per active term
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0}, target, 0);
        m.addStatistic(t, 1.0, target);
        assertArrayEquals(new double[] {0.5, 0, 0, 2, 0.5, 2, 0.5, 2, 0.5, 2, 2.5, 0, 0.5, 2}, target, 0);

        m.scaleCouplings(0.5);
        assertArrayEquals(new double[] {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, -1.0, -2.0, 0.7, 0.8, 0.9, 0.75, -1.25, 1.75},
                m.parameters(), 1e-15, "W and L decay, a and b do not");
    }

    @Test
    void lateralCopyShapesAndRefusals() {
        LateralBoltzmannMachine m = twoByThree();
        LateralBoltzmannMachine c = m.copy();
        assertNotSame(m.parameters(), c.parameters());
        assertArrayEquals(m.parameters(), c.parameters(), 0);
        assertEquals(m.lateralOffset(), c.lateralOffset());
        assertEquals(m.describe(), c.describe());
        c.parameters()[13] = 0;
        assertEquals(3.5, m.lateral(1, 2));
        assertEquals(2 * 4 + 2 + 4 + 6, LateralBoltzmannMachine.of(2, 4, 1.0).parameterCount());
        LateralBoltzmannMachine none = LateralBoltzmannMachine.of(3, 0, 1.0);
        assertEquals(3, none.parameterCount());
        assertEquals(3, none.lateralOffset());
        assertEquals("visible", assertThrows(InvalidSetting.class, () -> LateralBoltzmannMachine.of(0, 2, 1.0)).key());
        assertEquals("hidden", assertThrows(InvalidSetting.class, () -> LateralBoltzmannMachine.of(2, -1, 1.0)).key());
        assertEquals("beta", assertThrows(InvalidSetting.class, () -> LateralBoltzmannMachine.of(2, 2, 0.0)).key());
    }

    @Test
    void lateralStepsConsumeOneDrawPerResampledUnit() {
        LateralBoltzmannMachine m = twoByThree();
        RandomGenerator rng = Rngs.create(9);
        RandomGenerator twin = Rngs.create(9);
        BoltzmannState s = state(m, new double[] {1, 0}, new double[] {1, 0, 1});
        m.gibbsStep(s, Phase.POSITIVE, rng);
        assertArrayEquals(new double[] {1, 0}, s.visible, 0, "the clamped visible units stay");
        for (int k = 0; k < 3; k++) {
            twin.nextDouble();
        }
        assertEquals(twin.nextDouble(), rng.nextDouble(), "a clamped step draws one number per hidden unit");
        m.gibbsStep(s, Phase.NEGATIVE, rng);
        for (int k = 0; k < 5; k++) {
            twin.nextDouble();
        }
        assertEquals(twin.nextDouble(), rng.nextDouble(), "a free step draws one per visible and one per hidden unit");
    }

    @Test
    void lateralFreeStepSamplesTheVisibleUnitsFromTheOldHiddenStateThenSweepsInOrder() {
        // Fields of +-40 make every conditional certain but with probability 4e-18. Visible: v0 = h1, v1 = h0
        // (W10 = W01 = 80, a = -40). Hidden, in index order: h0 = v1 or h1 or h2 (b0 = -40), h1 = h0 or h2
        // (L01 = 80, b1 = -40), h2 = h0 and h1 (L02 = L12 = 80, b2 = -120).
        LateralBoltzmannMachine m = LateralBoltzmannMachine.of(2, 3, 1.0);
        double[] t = {0, 80, 80, 0, 0, 0, -40, -40, -40, -40, -120, 80, 80, 80};
        System.arraycopy(t, 0, m.parameters(), 0, t.length);
        BoltzmannState s = state(m, new double[] {0, 0}, new double[] {1, 0, 0});
        m.gibbsStep(s, Phase.NEGATIVE, Rngs.create(2));
        // v from the old h = (1, 0, 0): v0 = h1 = 0, v1 = h0 = 1; then h0 = v1 = 1, h1 = h0 = 1, h2 = 1.
        assertArrayEquals(new double[] {0, 1}, s.visible, 0);
        assertArrayEquals(new double[] {1, 1, 1}, s.hidden, 0);
        BoltzmannState c = state(m, new double[] {0, 0}, new double[] {0, 0, 0});
        m.gibbsStep(c, Phase.POSITIVE, Rngs.create(2));
        assertArrayEquals(new double[] {0, 0, 0}, c.hidden, 0);
        BoltzmannState d = state(m, new double[] {0, 1}, new double[] {0, 0, 0});
        m.sweepHidden(d, Rngs.create(3));
        assertArrayEquals(new double[] {1, 1, 1}, d.hidden, 0, "each hidden unit sees the ones updated before it");
    }

    @Test
    void defaultMethodsAreTheCallsTheyStandFor() {
        for (BoltzmannMachine m : new BoltzmannMachine[] {threeUnits(), twoByThree()}) {
            BoltzmannState fresh = m.newState();
            assertEquals(m.visibleCount(), fresh.visible.length);
            assertEquals(m.hiddenCount(), fresh.hidden.length);
            assertArrayEquals(new double[m.visibleCount()], fresh.visible, 0);
            for (Phase phase : Phase.values()) {
                BoltzmannState a = m.newState();
                BoltzmannState b = m.newState();
                RandomGenerator ra = Rngs.create(6);
                RandomGenerator rb = Rngs.create(6);
                double[] ta = new double[m.parameterCount()];
                double[] tb = new double[m.parameterCount()];
                for (int k = 0; k < 40; k++) {
                    m.step(a, phase, ra);
                    m.gibbsStep(b, phase, rb);
                    assertArrayEquals(b.visible, a.visible, 0, m.describe() + " step");
                    assertArrayEquals(b.hidden, a.hidden, 0, m.describe() + " step");
                }
                for (int k = 0; k < 40; k++) {
                    m.stepAndAddStatistic(a, phase, ra, 0.5, ta);
                    m.gibbsStep(b, phase, rb);
                    m.addStatistic(b, 0.5, tb);
                }
                assertArrayEquals(b.visible, a.visible, 0, m.describe() + " stepAndAddStatistic");
                assertArrayEquals(tb, ta, 0, m.describe() + " stepAndAddStatistic adds phi of the new state");
                assertEquals(rb.nextLong(), ra.nextLong(), "the same draws");
            }
        }
    }
}

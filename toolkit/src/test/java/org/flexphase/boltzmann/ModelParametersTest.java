package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * The parameter bookkeeping of the Boltzmann machines: which entries weight decay shrinks, copies, descriptions
 * (they go into every run's summary) and the state and bit-code helpers.
 */
class ModelParametersTest {

    /** Fills the parameters with 1, 2, 3, ... so every entry is distinguishable. */
    private static double[] numbered(BoltzmannMachine m) {
        double[] t = m.parameters();
        for (int k = 0; k < t.length; k++) {
            t[k] = k + 1;
        }
        return t.clone();
    }

    /** Weight decay acts on couplings only; entries in {@code [from, to)} are biases and must not change. */
    private static void assertOnlyCouplingsScaled(BoltzmannMachine m, int biasFrom, int biasTo) {
        double[] before = numbered(m);
        m.scaleCouplings(0.25);
        double[] after = m.parameters();
        for (int k = 0; k < before.length; k++) {
            boolean bias = k >= biasFrom && k < biasTo;
            assertEquals(bias ? before[k] : 0.25 * before[k], after[k], 0.0, m.describe() + " entry " + k);
        }
    }

    @Test
    void weightDecayScalesCouplingsAndLeavesBiases() {
        Rbm rbm = Rbm.of(3, 2, 1.0, true);
        assertOnlyCouplingsScaled(rbm, rbm.visibleBiasOffset(), rbm.parameterCount());
        LateralBoltzmannMachine lateral = LateralBoltzmannMachine.of(2, 3, 1.0);
        assertOnlyCouplingsScaled(lateral, 2 * 3, lateral.lateralOffset());
        FullyVisibleBoltzmannMachine fvbm = FullyVisibleBoltzmannMachine.of(4, 1.0);
        assertOnlyCouplingsScaled(fvbm, fvbm.biasOffset(), fvbm.parameterCount());
    }

    @Test
    void copiesHaveEqualButIndependentParameters() {
        BoltzmannMachine[] models = {Rbm.of(3, 2, 0.5, false), LateralBoltzmannMachine.of(2, 3, 1.5),
            FullyVisibleBoltzmannMachine.of(4, 2.0)};
        for (BoltzmannMachine m : models) {
            double[] original = numbered(m);
            BoltzmannMachine copy = m.copy();
            assertNotSame(m.parameters(), copy.parameters());
            assertArrayEquals(original, copy.parameters());
            assertEquals(m.describe(), copy.describe());
            assertEquals(m.inverseTemperature(), copy.inverseTemperature());
            copy.parameters()[0] = -99;
            assertEquals(1, m.parameters()[0], m.describe() + ": changing the copy changed the original");
        }
    }

    @Test
    void descriptionsNameTheModelItsSizesAndTemperature() {
        assertEquals("rbm(3x2, beta=0.5, visible biases)", Rbm.of(3, 2, 0.5, true).describe());
        assertEquals("rbm(3x2, beta=1.0, no visible biases)", Rbm.of(3, 2, 1.0, false).describe());
        assertEquals("lateral-bm(2x3, beta=1.5)", LateralBoltzmannMachine.of(2, 3, 1.5).describe());
        assertEquals("fvbm(4, beta=2.0)", FullyVisibleBoltzmannMachine.of(4, 2.0).describe());
        assertTrue(Rbm.of(3, 2, 1.0, true).hasVisibleBiases());
        assertEquals(false, Rbm.of(3, 2, 1.0, false).hasVisibleBiases());
    }

    @Test
    void fullyVisibleMachineTakesParametersOfItsOwnLength() {
        double[] p = {0.1, 0.2, 0.3, -1, -2, -3};
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(3, 1.0, p);
        assertArrayEquals(p, m.parameters());
        assertNotSame(p, m.parameters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FullyVisibleBoltzmannMachine.of(3, 1.0, new double[5]));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void stateClampsCopiesAndEncodes() {
        BoltzmannState s = new BoltzmannState(3, 2);
        s.clamp(new double[] {1, 0, 1});
        s.hidden[1] = 1;
        assertEquals(0b101, s.visibleBits());
        assertEquals(0b10, s.hiddenBits());
        assertEquals("v=[1.0, 0.0, 1.0] h=[0.0, 1.0]", s.toString());
        BoltzmannState copy = s.copy();
        assertNotSame(s.visible, copy.visible);
        assertEquals(s.toString(), copy.toString());
        copy.setBits(0b010, 0b01);
        assertArrayEquals(new double[] {0, 1, 0}, copy.visible);
        assertArrayEquals(new double[] {1, 0}, copy.hidden);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.clamp(new double[4]));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void initialWeightsAreScaledGaussiansInLayoutOrderAndBiasesStartAtZero() {
        Rbm rbm = Rbm.of(3, 2, 1.0, true);
        numbered(rbm);
        assertSame(rbm, rbm.initializeWeights(0.5, Rngs.create(9)));
        RandomGenerator same = Rngs.create(9);
        for (int k = 0; k < rbm.parameterCount(); k++) {
            double expected = k < rbm.visibleBiasOffset() ? 0.5 * same.nextGaussian() : 0.0;
            assertEquals(expected, rbm.parameters()[k], 0.0, "entry " + k);
        }
    }

    @Test
    void pairLayoutExpandsToASymmetricMatrixWithZeroDiagonal() {
        double[] pairs = {99, 1, 2, 3};
        double[] dense = new double[9];
        java.util.Arrays.fill(dense, 7);
        PairLayout.expand(pairs, 1, 3, dense);
        assertArrayEquals(new double[] {0, 1, 2, 1, 0, 3, 2, 3, 0}, dense);
    }

    @Test
    void bitCodesHoldUpTo63Units() {
        double[] units = new double[63];
        units[62] = 1;
        units[0] = 1;
        long code = Bits.encode(units);
        assertEquals((1L << 62) | 1L, code);
        assertArrayEquals(units, Bits.decode(code, new double[63]));
        assertThrows(IllegalArgumentException.class, () -> Bits.encode(new double[64]));
    }
}

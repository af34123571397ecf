package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactSampler} draw for draw against the inverse of the cumulative distribution written out here from the
 * model's energy (a linear scan over codes in the sampler's order), for every path: an RBM enumerated over its
 * visible layer (also the square case, where the visible layer is chosen), over its hidden layer, and machines
 * drawn as joint codes. Also the enumeration limits at their edges: constructing the enumerations allocates only
 * the couplings, so the largest accepted shapes cost nothing until their sums are taken.
 */
class ExactSamplerByInverseCdfTest {

    static void randomize(BoltzmannMachine m, long seed) {
        RandomGenerator r = Rngs.create(seed);
        double[] t = m.parameters();
        for (int k = 0; k < t.length; k++) {
            t[k] = 1.5 * r.nextGaussian();
        }
    }

    /** The first index whose cumulative mass exceeds {@code u}, from unnormalised log weights. */
    static int inverseCdf(double[] logW, double u) {
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logW) {
            max = Math.max(max, w);
        }
        double total = 0;
        for (double w : logW) {
            total += Math.exp(w - max);
        }
        double acc = 0;
        for (int k = 0; k < logW.length; k++) {
            acc += Math.exp(logW[k] - max) / total;
            if (acc > u) {
                return k;
            }
        }
        return logW.length - 1;
    }

    /** log of the summed weight of each code of one layer, the other layer summed out by brute force. */
    static double[] layerLogWeights(BoltzmannMachine m, boolean visibleLayer) {
        int nv = m.visibleCount();
        int nh = m.hiddenCount();
        int n = visibleLayer ? nv : nh;
        int other = visibleLayer ? nh : nv;
        double[] out = new double[1 << n];
        BoltzmannState s = m.newState();
        for (int code = 0; code < out.length; code++) {
            double[] terms = new double[1 << other];
            for (int o = 0; o < terms.length; o++) {
                if (visibleLayer) {
                    s.setBits(code, o);
                } else {
                    s.setBits(o, code);
                }
                terms[o] = m.negativeEnergy(s);
            }
            out[code] = org.flexphase.util.LogSpace.logSumExp(terms, terms.length);
        }
        return out;
    }

    static void assertRbmDraws(Rbm rbm, boolean visibleFirst) {
        ExactSampler sampler = ExactSampler.of(rbm);
        double[] logW = layerLogWeights(rbm, visibleFirst);
        RandomGenerator rng = Rngs.create(31);
        RandomGenerator twin = Rngs.create(31);
        BoltzmannState s = rbm.newState();
        BoltzmannState e = rbm.newState();
        int[] seen = new int[logW.length];
        for (int draw = 0; draw < 400; draw++) {
            sampler.sample(s, rng);
            int code = inverseCdf(logW, twin.nextDouble());
            seen[code]++;
            if (visibleFirst) {
                Bits.decode(code, e.visible);
                rbm.sampleHiddenGivenVisible(e.visible, e.hidden, twin);
            } else {
                Bits.decode(code, e.hidden);
                rbm.sampleVisibleGivenHidden(e.hidden, e.visible, twin);
            }
            assertArrayEquals(e.visible, s.visible, 0, rbm.describe() + " draw " + draw + " visible");
            assertArrayEquals(e.hidden, s.hidden, 0, rbm.describe() + " draw " + draw + " hidden");
        }
        int distinct = 0;
        for (int c : seen) {
            distinct += c > 0 ? 1 : 0;
        }
        assertTrue(distinct > logW.length / 2, "the draws visit most codes: " + distinct);
    }

    @Test
    void anRbmDrawsItsSmallerLayerByInverseCdfThenTheOtherFromItsConditional() {
        Rbm tall = Rbm.of(2, 4, 1.0, true);
        randomize(tall, 1);
        assertRbmDraws(tall, true);
        Rbm wide = Rbm.of(4, 2, 0.7, true);
        randomize(wide, 2);
        assertRbmDraws(wide, false);
        // A square RBM enumerates its visible layer: the choice fixes which numbers a draw consumes, so the
        // equilibrium start of a run depends on it.
        Rbm square = Rbm.of(3, 3, 1.0, false);
        randomize(square, 3);
        assertTrue(new BipartiteEnumeration(square).enumeratesVisible());
        assertRbmDraws(square, true);
    }

    @Test
    void otherMachinesDrawTheJointCodeWithOneNumber() {
        LateralBoltzmannMachine lateral = LateralBoltzmannMachine.of(2, 3, 1.0);
        randomize(lateral, 4);
        FullyVisibleBoltzmannMachine fv = FullyVisibleBoltzmannMachine.of(4, 0.8);
        randomize(fv, 5);
        for (BoltzmannMachine m : new BoltzmannMachine[] {lateral, fv}) {
            int nv = m.visibleCount();
            double[] logW = new double[1 << (nv + m.hiddenCount())];
            BoltzmannState s = m.newState();
            for (int code = 0; code < logW.length; code++) {
                s.setBits(code % (1 << nv), code >> nv);
                logW[code] = m.negativeEnergy(s);
            }
            ExactSampler sampler = ExactSampler.of(m);
            RandomGenerator rng = Rngs.create(8);
            RandomGenerator twin = Rngs.create(8);
            int[] seen = new int[logW.length];
            for (int draw = 0; draw < 400; draw++) {
                sampler.sample(s, rng);
                int code = inverseCdf(logW, twin.nextDouble());
                seen[code]++;
                assertEquals(code, s.visibleBits() | (s.hiddenBits() << nv), m.describe() + " draw " + draw);
            }
            assertEquals(twin.nextLong(), rng.nextLong(), "one number per draw");
            int distinct = 0;
            for (int c : seen) {
                distinct += c > 0 ? 1 : 0;
            }
            assertTrue(distinct > logW.length / 2, "the draws visit most codes: " + distinct);
        }
    }

    @Test
    void aSamplerIsASnapshotOfTheParametersAtConstruction() {
        FullyVisibleBoltzmannMachine fv = FullyVisibleBoltzmannMachine.of(2, 1.0, new double[] {0, 40, -40});
        ExactSampler sampler = ExactSampler.of(fv);
        fv.parameters()[1] = -40;
        fv.parameters()[2] = 40;
        BoltzmannState s = fv.newState();
        RandomGenerator rng = Rngs.create(12);
        for (int draw = 0; draw < 50; draw++) {
            sampler.sample(s, rng);
            assertArrayEquals(new double[] {1, 0}, s.visible, 0, "draw " + draw);
        }
    }

    @Test
    void theCumulativeMassIsFormedInLogSpace() {
        // log weights 0, 400, -400, 0 (codes (0,0), (1,0), (0,1), (1,1)): log Z = 400, and (1, 0) carries all the
        // mass but e^-400. Unnormalised, e^400 is finite but e^800 is not, which would send every draw to the end.
        FullyVisibleBoltzmannMachine fv = FullyVisibleBoltzmannMachine.of(2, 1.0, new double[] {0, 400, -400});
        ExactSampler sampler = ExactSampler.of(fv);
        BoltzmannState s = fv.newState();
        RandomGenerator rng = Rngs.create(13);
        for (int draw = 0; draw < 50; draw++) {
            sampler.sample(s, rng);
            assertArrayEquals(new double[] {1, 0}, s.visible, 0, "draw " + draw);
        }
    }

    @Test
    void bipartiteEnumerationTakesUpTo26UnitsInTheSmallerLayer() {
        BipartiteEnumeration largest = new BipartiteEnumeration(Rbm.of(26, 26, 1.0, true));
        assertEquals(26, largest.enumeratedCount());
        assertTrue(largest.enumeratesVisible());
        BipartiteEnumeration hiddenSide = new BipartiteEnumeration(Rbm.of(40, 26, 1.0, true));
        assertEquals(26, hiddenSide.enumeratedCount());
        assertFalse(hiddenSide.enumeratesVisible());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BipartiteEnumeration(Rbm.of(28, 27, 1.0, true)));
        assertEquals("exact analysis enumerates the smaller layer, which must have at most 26 units: 27 (visible 28, "
                + "hidden 27)", e.getMessage());
    }

    @Test
    void jointEnumerationTakesUpTo24UnitsInAll() {
        FullyVisibleBoltzmannMachine fv24 = FullyVisibleBoltzmannMachine.of(24, 2.0);
        fv24.parameters()[fv24.biasOffset()] = 0.25;
        double[] v = new double[24];
        v[0] = 1;
        // No hidden units: log p*(v) is -beta E(v) = 2 x 0.25.
        assertEquals(0.5, ExactAnalysis.logMarginal(fv24, v), 0);
        LateralBoltzmannMachine lateral24 = LateralBoltzmannMachine.of(20, 4, 1.0);
        // All parameters zero: 2^4 hidden states of weight 1.
        assertEquals(4 * Math.log(2), ExactAnalysis.logMarginal(lateral24, new double[20]), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactAnalysis.logMarginal(FullyVisibleBoltzmannMachine.of(25, 1.0), new double[25]));
        assertEquals("exact joint enumeration needs at most 24 units in all: 25 (fvbm(25, beta=1.0))", e.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> ExactAnalysis.logPartition(LateralBoltzmannMachine.of(20, 5, 1.0)));
        assertEquals("exact joint enumeration needs at most 24 units in all: 25 (lateral-bm(20x5, beta=1.0))",
                l.getMessage());
        assertEquals(24, ExactAnalysis.MAX_JOINT_UNITS);
    }
}

package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class HopfieldNetworkTest {
    static HopfieldNetwork randomNetwork(long seed, int... sizes) {
        RandomGenerator rng = Rngs.create(seed);
        HopfieldNetwork net = HopfieldNetwork.glorot(rng, sizes);
        double[] theta = net.parameters();
        for (int k = net.biasOffset(1); k < theta.length; k++) {
            theta[k] = rng.nextDouble() - 0.3;
        }
        return net;
    }

    static double[] uniform(RandomGenerator rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
        }
        return v;
    }

    @Test
    void layoutPutsWeightMatricesFirstThenBiases() {
        HopfieldNetwork net = HopfieldNetwork.of(3, 4, 2);
        assertEquals(0, net.weightOffset(1));
        assertEquals(12, net.weightOffset(2));
        assertEquals(20, net.biasOffset(1));
        assertEquals(24, net.biasOffset(2));
        assertEquals(26, net.parameterCount());
        assertEquals(6, net.stateSize());
        assertEquals("hopfield(3-4-2)", net.describe());
    }

    @Test
    void everySweepLowersTheTotalEnergyAndKeepsUnitsInTheBox() {
        // Each layer's update is the exact minimiser of F over that layer in [0, 1] (F is convex in one layer when
        // 1 + beta > 0), so block coordinate descent never raises F.
        for (double beta : new double[]{0, 0.4, -0.4}) {
            HopfieldNetwork net = randomNetwork(3, 6, 5, 4, 3);
            RandomGenerator rng = Rngs.create(4);
            HopfieldState st = net.newState();
            st.show(uniform(rng, 6), uniform(rng, 3), -1);
            double before = net.totalEnergy(st, beta);
            for (int k = 0; k < 30; k++) {
                net.sweep(st, beta, false);
                double after = net.totalEnergy(st, beta);
                assertTrue(after <= before + 1e-12, "F rose from " + before + " to " + after + " at beta " + beta);
                before = after;
                for (double v : st.flatActivations()) {
                    assertTrue(v >= 0 && v <= 1, "unit outside [0, 1]: " + v);
                }
            }
        }
    }

    @Test
    void statisticIsMinusTheEnergyGradientInTheParameters() {
        HopfieldNetwork net = randomNetwork(5, 4, 3, 2, 2);
        RandomGenerator rng = Rngs.create(6);
        HopfieldState st = net.newState();
        st.show(uniform(rng, 4), uniform(rng, 2), -1);
        st.setFlatActivations(uniform(rng, net.stateSize()));
        double[] phi = new double[net.parameterCount()];
        net.addStatistic(st, 1.0, phi);
        double[] theta = net.parameters();
        double h = 1e-6;
        for (int k = 0; k < theta.length; k++) {
            double keep = theta[k];
            theta[k] = keep + h;
            net.parametersChanged();
            double up = net.energy(st);
            theta[k] = keep - h;
            net.parametersChanged();
            double down = net.energy(st);
            theta[k] = keep;
            net.parametersChanged();
            // E is linear in theta: central differences are exact up to rounding.
            assertEquals(-(up - down) / (2 * h), phi[k], 1e-8, "parameter " + k);
        }
    }

    @Test
    void learningIntoTheLiveParametersKeepsTheCachedInputDriveExact() {
        HopfieldNetwork net = randomNetwork(7, 8, 5, 3);
        RandomGenerator rng = Rngs.create(8);
        HopfieldState st = net.newState();
        st.show(uniform(rng, 8), uniform(rng, 3), -1);
        for (int k = 0; k < 50; k++) {
            net.sweep(st, 0.3, false);
            net.addStatistic(st, 0.05 * (k % 2 == 0 ? 1 : -1), net.parameters());
        }
        HopfieldState fresh = net.newState();
        fresh.show(st.input(), st.target(), -1);
        fresh.copyActivationsFrom(st);
        net.sweep(st, 0.3, false);
        net.sweep(fresh, 0.3, false);
        assertArrayEquals(fresh.flatActivations(), st.flatActivations(), 1e-12);
    }

    @Test
    void centredStatisticSubtractsTheTraceBaselineAndKeepsTheCachedDriveExact() {
        HopfieldNetwork net = randomNetwork(12, 6, 4, 3, 2);
        RandomGenerator rng = Rngs.create(13);
        HopfieldState st = net.newState();
        st.show(uniform(rng, 6), uniform(rng, 2), -1);
        for (int k = 0; k < 30; k++) {
            st.updateTrace(3);
            net.sweep(st, k % 3 == 0 ? 0.4 : 0, false);
            net.addStatistic(st, 0.05 * (k % 2 == 0 ? 1 : -1), net.parameters(), true);
        }
        // phi(s) - phi_bar(r) by hand: x (s_1 - r_1)^T, s_{l-1} s_l^T - r_{l-1} r_l^T, s_l - r_l.
        double[] centred = new double[net.parameterCount()];
        net.addStatistic(st, 1, centred, true);
        int[] sizes = net.sizes();
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            for (int i = 0; i < sizes[l - 1]; i++) {
                for (int j = 0; j < sizes[l]; j++) {
                    double expected = l == 1 ? st.x[i] * (st.s[1][j] - st.trace[1][j])
                            : st.s[l - 1][i] * st.s[l][j] - st.trace[l - 1][i] * st.trace[l][j];
                    assertEquals(expected, centred[at++], 1e-12, "W_" + l + "[" + i + "," + j + "]");
                }
            }
        }
        for (int l = 1; l < sizes.length; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                assertEquals(st.s[l][j] - st.trace[l][j], centred[at++], 1e-12, "b_" + l + "[" + j + "]");
            }
        }
        HopfieldState fresh = net.newState();
        fresh.show(st.input(), st.target(), -1);
        fresh.copyActivationsFrom(st);
        net.sweep(st, 0.3, false);
        net.sweep(fresh, 0.3, false);
        assertArrayEquals(fresh.flatActivations(), st.flatActivations(), 1e-12);
        HopfieldState noTrace = net.newState();
        noTrace.show(st.input(), st.target(), -1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.addStatistic(noTrace, 1, new double[net.parameterCount()], true));
        assertTrue(e.getMessage().contains("no activity trace"));
    }

    /** Shapes with a first hidden layer narrower than a later one (the scratch is as wide as the widest layer). */
    static java.util.stream.Stream<int[]> layerWidths() {
        java.util.stream.Stream<int[]> fixed = java.util.stream.Stream.of(new int[]{5, 2, 7, 3}, new int[]{9, 1, 4},
                new int[]{4, 3, 8, 2, 6}, new int[]{3, 6, 2}, new int[]{6, 4, 4});
        RandomGenerator shapes = Rngs.create(2025);
        java.util.stream.Stream<int[]> random = java.util.stream.IntStream.range(0, 40).mapToObj(k -> {
            int[] sizes = new int[3 + shapes.nextInt(3)];
            for (int l = 0; l < sizes.length; l++) {
                sizes[l] = 1 + shapes.nextInt(9);
            }
            return sizes;
        });
        return java.util.stream.Stream.concat(fixed, random);
    }

    /**
     * Every statistic path (plain or centred on the trace; into a separate array, into the live parameters with the
     * cached drive current, or with it stale) on every layer-width pattern: the statistic is the definition, and
     * learning into the live parameters keeps the cached input drive exact.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "sizes {0}")
    @org.junit.jupiter.params.provider.MethodSource("layerWidths")
    void everyStatisticPathHoldsOnEveryLayerWidthPattern(int[] sizes) {
        for (boolean centred : new boolean[]{false, true}) {
            HopfieldNetwork net = randomNetwork(31, sizes);
            RandomGenerator rng = Rngs.create(32);
            HopfieldState st = net.newState();
            st.show(uniform(rng, sizes[0]), uniform(rng, sizes[sizes.length - 1]), -1);
            for (int k = 0; k < 12; k++) {
                st.updateTrace(3);
                net.sweep(st, k % 3 == 0 ? 0.4 : 0, false);
                if (k == 6) {
                    net.parametersChanged(); // the cached drive is stale: the live path must not extend it
                }
                net.addStatistic(st, 0.05 * (k % 2 == 0 ? 1 : -1), net.parameters(), centred);
            }
            double[] phi = new double[net.parameterCount()];
            net.addStatistic(st, 1, phi, centred);
            int at = 0;
            for (int l = 1; l < sizes.length; l++) {
                for (int i = 0; i < sizes[l - 1]; i++) {
                    for (int j = 0; j < sizes[l]; j++) {
                        double lower = l == 1 ? st.x[i] : st.s[l - 1][i];
                        double expected = lower * st.s[l][j] - (!centred ? 0
                                : l == 1 ? st.x[i] * st.trace[1][j] : st.trace[l - 1][i] * st.trace[l][j]);
                        assertEquals(expected, phi[at++], 1e-12, "centred " + centred + ", W_" + l + "[" + i + "," + j + "]");
                    }
                }
            }
            for (int l = 1; l < sizes.length; l++) {
                for (int j = 0; j < sizes[l]; j++) {
                    assertEquals(st.s[l][j] - (centred ? st.trace[l][j] : 0), phi[at++], 1e-12,
                            "centred " + centred + ", b_" + l + "[" + j + "]");
                }
            }
            HopfieldState fresh = net.newState();
            fresh.show(st.input(), st.target(), -1);
            fresh.copyActivationsFrom(st);
            net.sweep(st, 0.3, false);
            net.sweep(fresh, 0.3, false);
            assertArrayEquals(fresh.flatActivations(), st.flatActivations(), 1e-12, "centred " + centred);
        }
    }

    @Test
    void clampedSweepHoldsTheOutputAtTheTarget() {
        HopfieldNetwork net = randomNetwork(9, 3, 4, 2);
        HopfieldState st = net.newState();
        st.show(new double[]{0.2, 0.9, 0}, new double[]{1, 0}, 0);
        net.sweep(st, 0, true);
        assertArrayEquals(new double[]{1, 0}, st.output(), 0);
    }

    @Test
    void newtonFindsTheFixedPointTheRelaxationConvergesTo() {
        HopfieldNetwork net = randomNetwork(11, 3, 4, 2);
        double[] theta = net.parameters();
        for (int k = 0; k < net.biasOffset(1); k++) {
            theta[k] *= 0.3;
        }
        for (int k = net.biasOffset(1); k < theta.length; k++) {
            theta[k] = 0.5;
        }
        HopfieldState st = net.newState();
        st.show(new double[]{0.2, 0.6, 0.4}, new double[]{0.3, 0.7}, -1);
        for (int k = 0; k < 2000; k++) {
            net.sweep(st, 0.2, false);
        }
        double[] relaxed = st.flatActivations();
        st.resetActivations();
        FixedPoints.Solution s = FixedPoints.solve(st, 0.2, false, 3);
        assertTrue(s.isInteriorMinimum(0.01, 1e-12), s.toString());
        assertArrayEquals(relaxed, s.activations(), 1e-10);
        double[] g = FixedPoints.gradient(st, 0.2);
        for (double v : g) {
            assertEquals(0, v, 1e-12);
        }
    }

    @Test
    void badShapesAndSettingsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> HopfieldNetwork.of(3));
        HopfieldNetwork net = HopfieldNetwork.of(3, 2);
        HopfieldState st = net.newState();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.sweep(st, 0, false));
        assertTrue(e.getMessage().contains("no example shown"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> st.show(new double[2], new double[2], -1));
        assertTrue(wrong.getMessage().contains("input must have 3"));
        st.show(new double[3], new double[2], -1);
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class, () -> net.sweep(st, -1, false));
        assertTrue(beta.getMessage().contains("beta must be > -1"));
    }
}

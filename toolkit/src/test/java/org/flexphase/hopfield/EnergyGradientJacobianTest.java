package org.flexphase.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The energy, cost and total energy of a layered Hopfield network by hand, with units outside [0, 1] (which enter the
 * coupling terms through rho, the input raw), and the fixed-point solver's G = dF/ds and its Jacobian against central
 * differences of F and of G, on states with units inside and outside the box (none on a kink).
 */
class EnergyGradientJacobianTest {
    /** Sizes 1-2-1: W_1 = (0.5, -0.3), W_2 = (0.8, 0.4)^T, b_1 = (0.1, 0.2), b_2 = -0.1. */
    static HopfieldNetwork tiny() {
        HopfieldNetwork net = HopfieldNetwork.of(1, 2, 1);
        System.arraycopy(new double[]{0.5, -0.3, 0.8, 0.4, 0.1, 0.2, -0.1}, 0, net.parameters(), 0, 7);
        net.parametersChanged();
        return net;
    }

    @Test
    void energyCostAndTotalEnergyByHand() {
        HopfieldNetwork net = tiny();
        HopfieldState st = net.newState();
        assertThrows(IllegalStateException.class, () -> net.energy(st));
        assertThrows(IllegalStateException.class, () -> net.cost(st));
        st.show(new double[]{1.5}, new double[]{0.6}, -1);
        st.setFlatActivations(new double[]{-0.2, 1.3, 0.7});
        // 1/2 |s|^2 = 1.11; - x W_1 rho(s_1) = -1.5 * (-0.3) = +0.45; - b_1 rho(s_1) = -0.2;
        // - rho(s_1) W_2 rho(s_2) = -0.4 * 0.7 = -0.28; - b_2 rho(s_2) = +0.07.
        assertEquals(1.15, net.energy(st), 1e-12);
        assertEquals(0.005, net.cost(st), 1e-12);
        assertEquals(1.15 + 0.3 * 0.005, net.totalEnergy(st, 0.3), 1e-12);
        assertEquals(1.15 - 0.5 * 0.005, net.totalEnergy(st, -0.5), 1e-12);
    }

    /** Sizes 2-3-2 with mixed-sign weights, a state with two hidden units and one output outside the box. */
    static HopfieldState mixed(double[] flat) {
        HopfieldNetwork net = HopfieldNetwork.of(2, 3, 2);
        double[] theta = net.parameters();
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.9 * Math.sin(1.7 * k + 0.4);
        }
        net.parametersChanged();
        HopfieldState st = net.newState();
        st.show(new double[]{0.8, 0.3}, new double[]{0.2, 0.9}, -1);
        st.setFlatActivations(flat);
        return st;
    }

    static final double[] OUTSIDE = {0.35, -0.4, 1.25, 0.6, 1.4};
    static final double[] INSIDE = {0.35, 0.55, 0.8, 0.6, 0.25};

    @Test
    void gradientIsTheDerivativeOfTheTotalEnergyAndLeavesTheStateAsItWas() {
        for (double[] flat : new double[][]{OUTSIDE, INSIDE}) {
            for (double beta : new double[]{0, 0.3}) {
                HopfieldState st = mixed(flat);
                double[] g = FixedPoints.gradient(st, beta);
                assertArrayEquals(flat, st.flatActivations(), 0, "gradient restores clipped neighbours");
                double[] fd = new double[flat.length];
                for (int i = 0; i < flat.length; i++) {
                    fd[i] = centralDifference(st, flat, i, beta);
                }
                assertArrayEquals(fd, g, 1e-7, "beta " + beta);
            }
        }
    }

    @Test
    void jacobianIsTheDerivativeOfTheGradient() {
        for (double[] flat : new double[][]{OUTSIDE, INSIDE}) {
            for (boolean clamp : new boolean[]{false, true}) {
                double beta = 0.3;
                HopfieldState st = mixed(flat);
                int free = clamp ? 3 : 5;
                DMatrixRMaj jac = FixedPoints.jacobian(st, beta, free, true);
                assertEquals(free, jac.numRows);
                assertEquals(free, jac.numCols);
                for (int j = 0; j < free; j++) {
                    double h = 1e-6;
                    double[] up = flat.clone();
                    double[] down = flat.clone();
                    up[j] += h;
                    down[j] -= h;
                    st.setFlatActivations(up);
                    double[] gUp = FixedPoints.gradient(st, clamp ? 0 : beta);
                    st.setFlatActivations(down);
                    double[] gDown = FixedPoints.gradient(st, clamp ? 0 : beta);
                    st.setFlatActivations(flat);
                    for (int i = 0; i < free; i++) {
                        assertEquals((gUp[i] - gDown[i]) / (2 * h), jac.get(i, j), 1e-7,
                                "d g_" + i + " / d s_" + j + (clamp ? " clamped" : ""));
                    }
                }
            }
        }
        // Without slopes the Jacobian is F's Hessian of the interior formula: inside the box, the same matrix.
        HopfieldState st = mixed(INSIDE);
        DMatrixRMaj with = FixedPoints.jacobian(st, 0.3, 5, true);
        DMatrixRMaj without = FixedPoints.jacobian(mixed(OUTSIDE), 0.3, 5, false);
        assertArrayEquals(with.data, without.data, 0);
    }

    private static double centralDifference(HopfieldState st, double[] flat, int i, double beta) {
        double h = 1e-6;
        double[] s = flat.clone();
        s[i] = flat[i] + h;
        st.setFlatActivations(s);
        double up = st.network().totalEnergy(st, beta);
        s[i] = flat[i] - h;
        st.setFlatActivations(s);
        double down = st.network().totalEnergy(st, beta);
        st.setFlatActivations(flat);
        return (up - down) / (2 * h);
    }
}

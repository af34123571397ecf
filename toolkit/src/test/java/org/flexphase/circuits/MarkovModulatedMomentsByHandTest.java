package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The stationary law and second moments of a scalar Markov-modulated recursion {@code x_t = a_s x_{t-1} + c_s}
 * against their closed forms: for a two-state chain {@code pi = (b, a) / (a + b)}; when the states are drawn
 * independently (every row of {@code P} is {@code pi}), {@code m = E x} and {@code q = E x^2} solve scalar fixed
 * points and {@code M_s = pi_s (a_s^2 q + 2 a_s c_s m + c_s^2)}.
 */
class MarkovModulatedMomentsByHandTest {

    private static DMatrixRMaj[] scalars(double... a) {
        DMatrixRMaj[] m = new DMatrixRMaj[a.length];
        for (int s = 0; s < a.length; s++) {
            m[s] = new DMatrixRMaj(new double[][]{{a[s]}});
        }
        return m;
    }

    @Test
    void twoStateChainHasStationaryLawBOverAPlusB() {
        double a = 0.2;
        double b = 0.6;
        MarkovModulatedMoments mm = MarkovModulatedMoments.solve(new double[][]{{1 - a, a}, {b, 1 - b}},
                scalars(0.5, -0.3), new double[][]{{1.0}, {2.0}});
        assertEquals(2, mm.states());
        assertEquals(b / (a + b), mm.probability(0), 1e-14);
        assertEquals(a / (a + b), mm.probability(1), 1e-14);
    }

    @Test
    void independentStatesGiveTheScalarFixedPointsMoments() {
        double[] pi = {0.5, 0.3, 0.2};
        double[] a = {0.5, -0.4, 0.9};
        double[] c = {1.0, -2.0, 0.5};
        double[][] p = {pi.clone(), pi.clone(), pi.clone()};
        MarkovModulatedMoments mm = MarkovModulatedMoments.solve(p, scalars(a),
                new double[][]{{c[0]}, {c[1]}, {c[2]}});
        double ea = 0;
        double ec = 0;
        double ea2 = 0;
        for (int s = 0; s < 3; s++) {
            ea += pi[s] * a[s];
            ec += pi[s] * c[s];
            ea2 += pi[s] * a[s] * a[s];
        }
        double m = ec / (1 - ea);
        double num = 0;
        for (int s = 0; s < 3; s++) {
            num += pi[s] * (2 * a[s] * c[s] * m + c[s] * c[s]);
        }
        double q = num / (1 - ea2);
        assertEquals(3, mm.states());
        double total = 0;
        for (int s = 0; s < 3; s++) {
            assertEquals(pi[s], mm.probability(s), 1e-14, "pi_" + s);
            double ms = pi[s] * (a[s] * a[s] * q + 2 * a[s] * c[s] * m + c[s] * c[s]);
            assertEquals(ms, mm.secondMoment(s, 0, 0), 1e-12, "M_" + s);
            total += mm.secondMoment(s, 0, 0);
        }
        assertEquals(q, total, 1e-12, "E x^2");
    }
}

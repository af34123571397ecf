package org.flexphase.boltzmann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** The table-bounded sampler decides exactly as {@code u < sigmoid(x)}, including at grid points and table values. */
class LogisticBernoulliTest {
    static double plain(double x, double u) {
        return u < 1.0 / (1.0 + Math.exp(-x)) ? 1.0 : 0.0;
    }

    @Test
    void agreesWithThePlainComparisonOnRandomInputs() {
        RandomGenerator r = Rngs.create(31);
        for (int k = 0; k < 2_000_000; k++) {
            double x = 40 * r.nextDouble() - 20;
            double u = r.nextDouble();
            assertEquals(plain(x, u), LogisticBernoulli.sample(x, u), "x=" + x + " u=" + u);
        }
    }

    @Test
    void agreesAtGridPointsAndWhenUEqualsATableValue() {
        for (int k = 0; k <= 2048; k++) {
            double x = -LogisticBernoulli.LIMIT + k * LogisticBernoulli.STEP;
            double s = LogisticBernoulli.sigmoid(x);
            for (double u : new double[]{s, Math.nextDown(s), Math.nextUp(s), 0.0, 0.5}) {
                for (double dx : new double[]{0, Math.ulp(x), -Math.ulp(x), 1e-9}) {
                    assertEquals(plain(x + dx, u), LogisticBernoulli.sample(x + dx, u), "x=" + (x + dx) + " u=" + u);
                }
            }
        }
    }

    @Test
    void extremeFieldsFallBackToTheExactFormula() {
        for (double x : new double[]{-1e6, -16.0, 16.0, 1e6, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            for (double u : new double[]{0.0, 1e-300, 0.5, Math.nextDown(1.0)}) {
                assertEquals(plain(x, u), LogisticBernoulli.sample(x, u), "x=" + x + " u=" + u);
            }
        }
    }

    @Test
    void fieldsRoundedAcrossACellBoundaryAndNanDecideExactly() {
        // x just below a grid point x_k can round (in x + LIMIT) into cell k: its bounds must still hold.
        for (int k = 1; k < LogisticBernoulli.CELLS; k += 7) {
            double xk = -LogisticBernoulli.LIMIT + k * LogisticBernoulli.STEP;
            for (int e = 40; e <= 60; e++) {
                for (double x : new double[]{xk - Math.scalb(1.0, -e), xk + Math.scalb(1.0, -e)}) {
                    double s = LogisticBernoulli.sigmoid(x);
                    for (double u : new double[]{s, Math.nextDown(s), Math.nextUp(s), LogisticBernoulli.sigmoid(xk),
                            Math.nextDown(LogisticBernoulli.sigmoid(xk))}) {
                        assertEquals(plain(x, u), LogisticBernoulli.sample(x, u), "x=" + x + " u=" + u);
                    }
                }
            }
        }
        for (double x : new double[]{Double.NaN, -16.5, -16.0 - 1e-9, 16.0 - 1e-9, 16.5, 1e300, -1e300}) {
            double s = LogisticBernoulli.sigmoid(x);
            for (double u : new double[]{0.0, Double.MIN_VALUE, s, Math.nextDown(s), Math.nextUp(s), 0.5,
                    Math.nextDown(1.0)}) {
                if (u >= 0 && u < 1) {
                    assertEquals(plain(x, u), LogisticBernoulli.sample(x, u), "x=" + x + " u=" + u);
                }
            }
        }
    }
}

package org.flexphase.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.junit.jupiter.api.Test;

/**
 * {@link MaximumLikelihood}'s damped Newton method step by step, on models small enough to check by hand or by a
 * plain enumeration written here: the one-unit iteration {@code theta += (m - s) / (beta s (1 - s))}, the closed-form
 * optimum of the saturated two-unit machine, moment matching and a halved first step for three units.
 */
class MaximumLikelihoodNewtonTest {
    /** Three of four rows are 1: data mean 3/4, optimum logit(3/4) / beta = log(3) / beta. */
    static final DataDistribution THREE_OF_FOUR = DataDistribution.of(new double[][] {{1}, {1}, {1}, {0}});

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Newton's iterates for one unit, by hand: ll = theta beta m - log(1 + e^(beta theta)). */
    static double[] handIterates(double m, double beta, int count) {
        double[] theta = new double[count + 1];
        for (int k = 0; k < count; k++) {
            double s = sigmoid(beta * theta[k]);
            theta[k + 1] = theta[k] + (m - s) / (beta * s * (1 - s));
        }
        return theta;
    }

    @Test
    void oneUnitNewtonFollowsTheHandIterationStepByStepToLog3OverBeta() {
        for (double beta : new double[] {1.0, 2.0}) {
            double[] hand = handIterates(0.75, beta, 8);
            for (int k = 0; k <= 4; k++) {
                MaximumLikelihood.Result r = MaximumLikelihood.fullyVisible(1, beta, THREE_OF_FOUR, 0.0, k);
                assertEquals(k, r.iterations(), "beta " + beta + ", cap " + k);
                assertFalse(r.converged(), "beta " + beta + ", cap " + k);
                assertEquals(hand[k], r.theta()[0], 1e-13, "beta " + beta + ", iterate " + k);
                double gradient = beta * Math.abs(0.75 - sigmoid(beta * hand[k]));
                assertEquals(gradient, r.gradientNorm(), 1e-13, "beta " + beta + ", iterate " + k);
            }
            int needed = 0;
            while (beta * Math.abs(0.75 - sigmoid(beta * hand[needed])) > 1e-12) {
                needed++;
            }
            MaximumLikelihood.Result r = MaximumLikelihood.fullyVisible(1, beta, THREE_OF_FOUR, 1e-12, 50);
            assertTrue(r.converged(), "beta " + beta);
            assertEquals(needed, r.iterations(), "beta " + beta);
            assertTrue(r.gradientNorm() <= 1e-12, "beta " + beta + ": " + r.gradientNorm());
            assertEquals(Math.log(3) / beta, r.theta()[0], 1e-12, "beta " + beta);
        }
    }

    @Test
    void aToleranceEqualToTheStartingGradientTakesNoStepAndCountsAsConverged() {
        MaximumLikelihood.Result none = MaximumLikelihood.fullyVisible(1, 1.0, THREE_OF_FOUR, 1e-12, 0);
        assertEquals(0, none.iterations());
        assertFalse(none.converged());
        assertEquals(0.25, none.gradientNorm(), 1e-15);
        MaximumLikelihood.Result atEdge = MaximumLikelihood.fullyVisible(1, 1.0, THREE_OF_FOUR, none.gradientNorm(), 50);
        assertEquals(0, atEdge.iterations());
        assertTrue(atEdge.converged());
        assertEquals(0.0, atEdge.theta()[0]);
        MaximumLikelihood.Result justBelow = MaximumLikelihood.fullyVisible(1, 1.0, THREE_OF_FOUR,
                Math.nextDown(none.gradientNorm()), 50);
        assertEquals(1, justBelow.iterations());
        assertTrue(justBelow.converged());
    }

    @Test
    void theSaturatedTwoUnitMachineFitsTheDataExactlyInClosedForm() {
        // p(00, 10, 01, 11) = 0.1, 0.2, 0.3, 0.4 (pattern {s0, s1}); beta theta = (log odds ratio, two log odds).
        List<double[]> rows = new ArrayList<>();
        double[][] patterns = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (int k = 0; k < 4; k++) {
            for (int r = 0; r <= k; r++) {
                rows.add(patterns[k]);
            }
        }
        double beta = 1.5;
        MaximumLikelihood.Result r = MaximumLikelihood.fullyVisible(2, beta,
                DataDistribution.of(rows.toArray(new double[0][])), 1e-12, 50);
        assertTrue(r.converged());
        double[] expected = {Math.log(0.4 * 0.1 / (0.2 * 0.3)) / beta, Math.log(0.2 / 0.1) / beta,
            Math.log(0.3 / 0.1) / beta};
        assertArrayEquals(expected, r.theta(), 1e-11);
    }

    /** All eight patterns once and 54 more 000 rows: Newton's second full step from zero overshoots. */
    static DataDistribution skewedThreeUnitData() {
        List<double[]> rows = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            rows.add(new double[] {c & 1, (c >> 1) & 1, (c >> 2) & 1});
        }
        for (int r = 0; r < 54; r++) {
            rows.add(new double[3]);
        }
        return DataDistribution.of(rows.toArray(new double[0][]));
    }

    /** The undamped Newton step {@code Cov(theta)^-1 (E_data phi - E_theta phi)}, from the enumeration here. */
    static double[] fullStep(double[] theta, double beta, DataDistribution data) {
        Enumerated at = Enumerated.of(theta, beta);
        double[] dataMoments = dataMoments(data, beta);
        double[] u = new double[6];
        for (int k = 0; k < 6; k++) {
            u[k] = dataMoments[k] - at.mean[k];
        }
        DMatrixRMaj step = new DMatrixRMaj(6, 1);
        assertTrue(CommonOps_DDRM.solve(new DMatrixRMaj(at.covariance), new DMatrixRMaj(6, 1, true, u), step));
        return step.getData().clone();
    }

    static double[] plus(double[] theta, double t, double[] step) {
        double[] x = theta.clone();
        for (int k = 0; k < x.length; k++) {
            x[k] += t * step[k];
        }
        return x;
    }

    @Test
    void aStepThatWouldLowerTheLikelihoodIsHalvedAndTheFitMatchesTheDataMoments() {
        DataDistribution data = skewedThreeUnitData();
        double beta = 1.0;
        double[] zero = new double[6];
        MaximumLikelihood.Result first = MaximumLikelihood.fullyVisible(3, beta, data, 1e-12, 1);
        assertArrayEquals(fullStep(zero, beta, data), first.theta(), 1e-12, "the first step is a full one");
        double[] theta1 = first.theta();

        double[] step = fullStep(theta1, beta, data);
        double ll1 = logLikelihood(theta1, beta, data);
        assertTrue(logLikelihood(plus(theta1, 1, step), beta, data) < ll1, "the second full step must overshoot");
        assertTrue(logLikelihood(plus(theta1, 0.5, step), beta, data) >= ll1, "its half must not");
        MaximumLikelihood.Result second = MaximumLikelihood.fullyVisible(3, beta, data, 1e-12, 2);
        assertEquals(2, second.iterations());
        assertArrayEquals(plus(theta1, 0.5, step), second.theta(), 1e-12, "the second step is halved once");

        MaximumLikelihood.Result fit = MaximumLikelihood.fullyVisible(3, beta, data, 1e-12, 50);
        assertTrue(fit.converged());
        assertTrue(fit.iterations() > 2 && fit.iterations() < 50, "iterations " + fit.iterations());
        assertArrayEquals(dataMoments(data, beta), Enumerated.of(fit.theta(), beta).mean, 1e-10);
    }

    @Test
    void theHessianIsTheModelCovarianceOfTheStatistics() {
        double beta = 1.3;
        double[] theta = {0.4, -0.7, 1.1, 0.2, -0.3, 0.5};
        DMatrixRMaj cov = MaximumLikelihood.covariance(FullyVisibleBoltzmannMachine.of(3, beta, theta));
        double[][] expected = Enumerated.of(theta, beta).covariance;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(expected[i][j], cov.get(i, j), 1e-14, "entry " + i + ", " + j);
            }
        }
    }

    /** phi(s) = beta (s0 s1, s0 s2, s1 s2, s0, s1, s2): pairs in row order, then biases. */
    static double[] statistic(double[] s, double beta) {
        return new double[] {beta * s[0] * s[1], beta * s[0] * s[2], beta * s[1] * s[2], beta * s[0], beta * s[1],
            beta * s[2]};
    }

    static double dot(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            d += a[k] * b[k];
        }
        return d;
    }

    static double[] dataMoments(DataDistribution data, double beta) {
        double[] m = new double[6];
        for (int k = 0; k < data.support(); k++) {
            double[] phi = statistic(data.pattern(k), beta);
            for (int i = 0; i < 6; i++) {
                m[i] += data.probability(k) * phi[i];
            }
        }
        return m;
    }

    static double logLikelihood(double[] theta, double beta, DataDistribution data) {
        double z = 0;
        for (int c = 0; c < 8; c++) {
            z += Math.exp(dot(theta, statistic(new double[] {c & 1, (c >> 1) & 1, (c >> 2) & 1}, beta)));
        }
        return dot(theta, dataMoments(data, beta)) - Math.log(z);
    }

    /** Mean and covariance of phi under the three-unit machine, by summing over its 8 states. */
    record Enumerated(double[] mean, double[][] covariance) {
        static Enumerated of(double[] theta, double beta) {
            double[][] phis = new double[8][];
            double[] w = new double[8];
            double z = 0;
            for (int c = 0; c < 8; c++) {
                phis[c] = statistic(new double[] {c & 1, (c >> 1) & 1, (c >> 2) & 1}, beta);
                w[c] = Math.exp(dot(theta, phis[c]));
                z += w[c];
            }
            double[] mean = new double[6];
            double[][] second = new double[6][6];
            for (int c = 0; c < 8; c++) {
                for (int i = 0; i < 6; i++) {
                    mean[i] += w[c] / z * phis[c][i];
                    for (int j = 0; j < 6; j++) {
                        second[i][j] += w[c] / z * phis[c][i] * phis[c][j];
                    }
                }
            }
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    second[i][j] -= mean[i] * mean[j];
                }
            }
            return new Enumerated(mean, second);
        }
    }
}

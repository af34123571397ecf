package org.flexphase.circuits;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exact stationary moments of a Markov-modulated linear recursion {@code x_t = A_{s_t} x_{t-1} + c_{s_t}}, where
 * {@code s_t} is a finite ergodic Markov chain with transition matrix {@code P} (docs/theory.md T16). With
 * {@code mu_s = E[x_t 1{s_t = s}]} and {@code M_s = E[x_t x_t^T 1{s_t = s}]} in the stationary regime,
 * {@code nu_s = sum_r P(r, s) mu_r} and {@code N_s = sum_r P(r, s) M_r}:
 *
 * <pre>
 *   mu_s = A_s nu_s + pi_s c_s
 *   M_s  = A_s N_s A_s^T + A_s nu_s c_s^T + c_s nu_s^T A_s^T + pi_s c_s c_s^T
 * </pre>
 *
 * two linear systems (of sizes {@code S n} and {@code S n^2}), solved densely with EJML. They have a unique solution
 * when the recursion is mean-square stable (the spectral radius of {@code (P^T (x) I)} diag{@code (A_s (x) A_s)} is
 * below 1), which holds for relaxation sweeps with at least one held node.
 */
public final class MarkovModulatedMoments {
    private final double[] pi;
    private final double[][] mu;
    private final double[][] second;
    private final int n;

    private MarkovModulatedMoments(double[] pi, double[][] mu, double[][] second, int n) {
        this.pi = pi;
        this.mu = mu;
        this.second = second;
        this.n = n;
    }

    /** Solves for the stationary law of {@code P} and the moments, given {@code A_s} (n x n) and {@code c_s}. */
    public static MarkovModulatedMoments solve(double[][] transition, DMatrixRMaj[] a, double[][] c) {
        int states = transition.length;
        int n = c[0].length;
        double[] pi = stationary(transition);
        DMatrixRMaj lhs = new DMatrixRMaj(states * n, states * n);
        DMatrixRMaj rhs = new DMatrixRMaj(states * n, 1);
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < n; i++) {
                lhs.add(s * n + i, s * n + i, 1.0);
                rhs.set(s * n + i, 0, pi[s] * c[s][i]);
                for (int r = 0; r < states; r++) {
                    double prs = transition[r][s];
                    if (prs == 0) {
                        continue;
                    }
                    for (int k = 0; k < n; k++) {
                        lhs.add(s * n + i, r * n + k, -prs * a[s].get(i, k));
                    }
                }
            }
        }
        DMatrixRMaj first = new DMatrixRMaj(states * n, 1);
        if (!CommonOps_DDRM.solve(lhs, rhs, first)) {
            throw new IllegalStateException("the first-moment system is singular (is the recursion stable?)");
        }
        double[][] mu = new double[states][n];
        double[][] nu = new double[states][n];
        for (int s = 0; s < states; s++) {
            for (int i = 0; i < n; i++) {
                mu[s][i] = first.get(s * n + i, 0);
            }
        }
        for (int s = 0; s < states; s++) {
            for (int r = 0; r < states; r++) {
                for (int i = 0; i < n; i++) {
                    nu[s][i] += transition[r][s] * mu[r][i];
                }
            }
        }
        int nn = n * n;
        DMatrixRMaj lhs2 = new DMatrixRMaj(states * nn, states * nn);
        DMatrixRMaj rhs2 = new DMatrixRMaj(states * nn, 1);
        for (int s = 0; s < states; s++) {
            double[] anu = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    anu[i] += a[s].get(i, k) * nu[s][k];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int row = s * nn + i * n + j;
                    lhs2.add(row, row, 1.0);
                    rhs2.set(row, 0, anu[i] * c[s][j] + c[s][i] * anu[j] + pi[s] * c[s][i] * c[s][j]);
                    for (int k = 0; k < n; k++) {
                        double aik = a[s].get(i, k);
                        if (aik == 0) {
                            continue;
                        }
                        for (int l = 0; l < n; l++) {
                            double ajl = a[s].get(j, l);
                            if (ajl == 0) {
                                continue;
                            }
                            for (int r = 0; r < states; r++) {
                                double prs = transition[r][s];
                                if (prs != 0) {
                                    lhs2.add(row, r * nn + k * n + l, -prs * aik * ajl);
                                }
                            }
                        }
                    }
                }
            }
        }
        DMatrixRMaj sol2 = new DMatrixRMaj(states * nn, 1);
        if (!CommonOps_DDRM.solve(lhs2, rhs2, sol2)) {
            throw new IllegalStateException("the second-moment system is singular (is the recursion stable?)");
        }
        double[][] second = new double[states][nn];
        for (int s = 0; s < states; s++) {
            for (int k = 0; k < nn; k++) {
                second[s][k] = sol2.get(s * nn + k, 0);
            }
        }
        return new MarkovModulatedMoments(pi, mu, second, n);
    }

    /** The stationary law of an ergodic transition matrix: {@code pi P = pi}, {@code sum pi = 1}. */
    static double[] stationary(double[][] transition) {
        int s = transition.length;
        DMatrixRMaj m = new DMatrixRMaj(s, s);
        DMatrixRMaj b = new DMatrixRMaj(s, 1);
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                m.set(i, j, (i == j ? 1 : 0) - transition[j][i]);
            }
        }
        for (int j = 0; j < s; j++) {
            m.set(s - 1, j, 1.0);
        }
        b.set(s - 1, 0, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(s, 1);
        if (!CommonOps_DDRM.solve(m, b, x)) {
            throw new IllegalStateException("the modulating chain is not ergodic");
        }
        return x.data.clone();
    }

    /** Stationary probability of modulating state {@code s}. */
    public double probability(int s) {
        return pi[s];
    }

    /** {@code E[x_i x_j 1{s_t = s}]}. */
    public double secondMoment(int s, int i, int j) {
        return second[s][i * n + j];
    }

    /** Number of modulating states. */
    public int states() {
        return pi.length;
    }
}

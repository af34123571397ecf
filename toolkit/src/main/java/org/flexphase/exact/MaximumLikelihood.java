package org.flexphase.exact;

import org.flexphase.util.LogSpace;

import org.flexphase.boltzmann.JointEnumeration;

import org.flexphase.boltzmann.DataDistribution;

import org.flexphase.boltzmann.ExactAnalysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;

/**
 * Exact maximum-likelihood parameters of a fully visible Boltzmann machine on a full-support data distribution,
 * by damped Newton's method. The mean log-likelihood is concave with gradient {@code u(theta)} and Hessian
 * {@code -Cov_model(phi)}, both by enumeration; each Newton system is solved with EJML (Cholesky, falling back to
 * LU). The optimum {@code theta*} is unique (docs/theory.md T6).
 */
public final class MaximumLikelihood {
    private MaximumLikelihood() {
    }

    /** The optimum, how many Newton steps it took, the final gradient's largest entry, and whether that is below tolerance. */
    public record Result(double[] theta, int iterations, double gradientNorm, boolean converged) {
    }

    /** Newton from zero parameters until {@code max |u| <= tolerance} or {@code maxIterations}. */
    public static Result fullyVisible(int units, double beta, DataDistribution data, double tolerance, int maxIterations) {
        FullyVisibleBoltzmannMachine m = FullyVisibleBoltzmannMachine.of(units, beta);
        double[] theta = m.parameters();
        int n = theta.length;
        double[] u = ExactAnalysis.gradient(m, data);
        double ll = -ExactAnalysis.metrics(m, data).nllPerRow();
        int it = 0;
        while (FixedPoints.maxAbs(u) > tolerance && it < maxIterations) {
            it++;
            DMatrixRMaj cov = covariance(m);
            DMatrixRMaj g = new DMatrixRMaj(n, 1, true, u);
            DMatrixRMaj step = new DMatrixRMaj(n, 1);
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
            if (!solver.setA(cov.copy())) {
                solver = LinearSolverFactory_DDRM.lu(n);
                solver.setA(cov.copy());
            }
            solver.solve(g, step);
            double[] start = theta.clone();
            double t = 1.0;
            while (true) {
                for (int k = 0; k < n; k++) {
                    theta[k] = start[k] + t * step.get(k, 0);
                }
                double next = -ExactAnalysis.metrics(m, data).nllPerRow();
                if (next >= ll - 1e-15 || t < 1e-10) {
                    ll = next;
                    break;
                }
                t *= 0.5;
            }
            ExactAnalysis.gradient(m, data, u);
        }
        double norm = FixedPoints.maxAbs(u);
        return new Result(theta.clone(), it, norm, norm <= tolerance);
    }

    /** {@code Cov_model(phi)} by enumeration. */
    static DMatrixRMaj covariance(FullyVisibleBoltzmannMachine m) {
        int n = m.parameterCount();
        double[] logW = JointEnumeration.logWeights(m);
        double logZ = LogSpace.logSumExp(logW, logW.length);
        DMatrixRMaj second = new DMatrixRMaj(n, n);
        double[] mean = new double[n];
        double[] phi = new double[n];
        BoltzmannState s = m.newState();
        for (int a = 0; a < logW.length; a++) {
            double p = Math.exp(logW[a] - logZ);
            s.setBits(a, 0);
            java.util.Arrays.fill(phi, 0);
            m.addStatistic(s, 1.0, phi);
            for (int i = 0; i < n; i++) {
                mean[i] += p * phi[i];
                if (phi[i] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    second.add(i, j, p * phi[i] * phi[j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                second.add(i, j, -mean[i] * mean[j]);
            }
        }
        return second;
    }
}

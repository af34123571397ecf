package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.flexphase.exact.FixedPoints;
import org.flexphase.exact.JointChain;
import org.flexphase.exact.PhaseChain;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * T7: with a constant rate the iterates hover around theta*, and their stationary mean squared error is O(eta):
 * dividing eta by 4 divides it by a factor in [2.5, 6.5] (linear theory: exactly 4 as eta -> 0, from the Lyapunov
 * equation {@code J V + V J^T + eta Sigma = 0}, whose solution is printed next to the measurement). Equilibrated
 * phases, so the fixed point is theta* itself. Long-run simulations with fixed seeds.
 */
class ConstantRateProperties {
    /** Moderate phases (p in [0.2, 0.5], b in [0.3, 0.7]) keep the relaxation time, and so the run length, small. */
    static final Gen<Generators.Problem> DOMAIN = lists().of(integers().between(1, 4)).ofSize(1 << Generators.FVBM_UNITS)
            .zip(doubles().between(0.3, 0.7), doubles().between(0.2, 0.5), integers().between(1, 1_000_000),
                    (counts, b, p, seed) -> Generators.problem(Generators.FVBM_UNITS,
                            Generators.correlatedRows(Generators.FVBM_UNITS, counts, new int[0], 0), "counts" + counts,
                            b, p, seed));

    static double[] field(double[] theta, Generators.Problem pr) {
        return JointChain.of(FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0, theta), pr.data(),
                PhaseChain.geometric(pr.b(), pr.p()), JointChain.Start.RESET).meanUpdate(pr.b());
    }

    /** Stationary MSE of constant-rate learning: mean of |theta_t - theta*|^2 over checkpoints after burn-in. */
    static double measuredMse(Generators.Problem pr, double eta, long burnIn, long steps) {
        double[] sum = new double[1];
        long[] count = new long[1];
        TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.LOCAL).withB(pr.b()).withSwitchProb(pr.p())
                .withNegativeStart(NegativeStart.EQUILIBRIUM).withEquilibriumRefresh(0)
                .withLr(eta).withSteps(burnIn + steps).withEvalEvery(50)
                .withSeed(pr.seed());
        new BoltzmannTrainer(config).train(FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0), pr.rows(), c -> {
            if (c.step() > burnIn) {
                double d = Averages.distance(c.current().parameters(), pr.optimum());
                sum[0] += d * d;
                count[0]++;
            }
        });
        return sum[0] / count[0];
    }

    /** tr V for the Lyapunov equation {@code J V + V J^T + eta Sigma = 0}, by vectorisation. */
    static double predictedMse(double[][] j, double[][] sigma, double eta) {
        int n = j.length;
        DMatrixRMaj a = new DMatrixRMaj(n * n, n * n);
        DMatrixRMaj rhs = new DMatrixRMaj(n * n, 1);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int row = r * n + c;
                rhs.set(row, 0, -eta * sigma[r][c]);
                for (int k = 0; k < n; k++) {
                    a.add(row, k * n + c, j[r][k]);
                    a.add(row, r * n + k, j[c][k]);
                }
            }
        }
        DMatrixRMaj v = new DMatrixRMaj(n * n, 1);
        if (!CommonOps_DDRM.solve(a, rhs, v)) {
            throw new IllegalStateException("singular Lyapunov system");
        }
        double tr = 0;
        for (int r = 0; r < n; r++) {
            tr += v.get(r * n + r, 0);
        }
        return tr;
    }

    @Test
    void stationaryErrorScalesLinearlyWithTheRate() {
        Proofs.qt(3).forAll(DOMAIN).checkAssert(pr -> {
            double[][] j = FixedPoints.jacobian(t -> field(t, pr), pr.optimum());
            EigenDecomposition_F64<DMatrixRMaj> evd = DecompositionFactory_DDRM.eig(j.length, false);
            if (!evd.decompose(new DMatrixRMaj(j))) {
                throw new IllegalStateException("eigen-decomposition of the mean-field Jacobian failed");
            }
            double slowest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < evd.getNumberOfEigenvalues(); k++) {
                slowest = Math.min(slowest, -evd.getEigenvalue(k).getReal());
            }
            double eta = 0.03 * pr.p() * Math.min(pr.b(), 1 - pr.b());
            double small = eta / 4;
            // Relaxation time of the slow rate's iterates is 1/(eta/4 * slowest); burn in 10 of them and measure over
            // 300, so the MSE estimate's relative error is about sqrt(2/300) = 8%.
            long relax = (long) Math.ceil(1.0 / (small * slowest));
            double mseLarge = measuredMse(pr, eta, 10 * relax / 4, 300 * relax / 4);
            double mseSmall = measuredMse(pr, small, 10 * relax, 300 * relax);
            double[][] sigma = JointChain.of(FullyVisibleBoltzmannMachine.of(Generators.FVBM_UNITS, 1.0, pr.optimum()),
                    pr.data(), PhaseChain.geometric(pr.b(), pr.p()), JointChain.Start.RESET).asymptoticCovariance(pr.b());
            double ratio = mseLarge / mseSmall;
            System.out.printf("T7 b=%.3f p=%.3f eta=%.2e relax=%d: MSE %.3e (Lyapunov %.3e) vs %.3e (%.3e), ratio %.2f%n",
                    pr.b(), pr.p(), eta, relax, mseLarge, predictedMse(j, sigma, eta), mseSmall,
                    predictedMse(j, sigma, small), ratio);
            assertTrue(ratio >= 2.5 && ratio <= 6.5, "MSE ratio for eta vs eta/4 is " + ratio + ", outside [2.5, 6.5]");
        });
    }
}

package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.flexphase.exact.ContrastiveDivergenceField;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.exact.GibbsKernels;
import org.flexphase.exact.Stationary;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.phases.Phase;
import org.flexphase.proofs.Generators.Instance;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * B2 (standard CL): at fixed parameters, the BoltzmannTrainer's own CD-k updates ({@link BoltzmannTrainer#sumIncrements} in standard
 * mode, one update per pair of k-step phases) average to the exact mean update: the exact CD-k field
 * ({@link ContrastiveDivergenceField}) from persistent starts (the negative phase continues from the held positive
 * state), the likelihood gradient u(theta) from equilibrium starts and from PCD (whose negative states form one
 * uninterrupted Gibbs chain). Fully visible BMs (2..4 units, where the CD-k field is defined), k = 1..3. The bound is
 * a CLT one from the exact per-pair covariance (PCD: plus the long-run covariance of the chain of k-step kernels).
 * The domain must separate CD-k from CD-(k+1) by at least twice the bound somewhere.
 */
class ContrastiveDivergenceBridgeProperties {
    static final int EXAMPLES = 30;
    static final long PAIRS = 100_000;
    static final double Z = Tolerances.bonferroniZ(EXAMPLES * 10L);

    record Case(Instance inst, int k, NegativeStart start, int seed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CD-%d start=%s seed=%d %s", k, start, seed, inst);
        }
    }

    static final Gen<Case> CASES = Generators.models(2.0, Generators.Kind.FVBM).zip(integers().between(1, 3),
            Generate.enumValues(NegativeStart.class), integers().between(1, 1_000_000), Case::new);

    /** phi(a) for every joint state code (visible bits low, hidden bits above). */
    static double[][] jointStatistics(BoltzmannMachine m) {
        int nv = m.visibleCount();
        double[][] phi = new double[1 << (nv + m.hiddenCount())][m.parameterCount()];
        BoltzmannState s = m.newState();
        for (int a = 0; a < phi.length; a++) {
            s.setBits(a & ((1L << nv) - 1), (long) a >>> nv);
            m.addStatistic(s, 1.0, phi[a]);
        }
        return phi;
    }

    static double[][] power(double[][] kernel, int k) {
        double[][] p = kernel;
        for (int s = 1; s < k; s++) {
            double[][] q = new double[p.length][p.length];
            for (int i = 0; i < p.length; i++) {
                for (int l = 0; l < p.length; l++) {
                    for (int j = 0; j < p.length; j++) {
                        q[i][j] += p[i][l] * kernel[l][j];
                    }
                }
            }
            p = q;
        }
        return p;
    }

    /** Covariance of phi(X) - phi(Y) where the pair (X, Y) has joint mass {@code joint[x][y]}. */
    static double[][] differenceCovariance(double[][] joint, double[][] phi) {
        int d = phi[0].length;
        double[] mean = new double[d];
        double[][] second = new double[d][d];
        for (int x = 0; x < joint.length; x++) {
            for (int y = 0; y < joint.length; y++) {
                if (joint[x][y] == 0) {
                    continue;
                }
                for (int c = 0; c < d; c++) {
                    double dc = phi[x][c] - phi[y][c];
                    mean[c] += joint[x][y] * dc;
                    for (int e = 0; e < d; e++) {
                        second[c][e] += joint[x][y] * dc * (phi[x][e] - phi[y][e]);
                    }
                }
            }
        }
        for (int c = 0; c < d; c++) {
            for (int e = 0; e < d; e++) {
                second[c][e] -= mean[c] * mean[e];
            }
        }
        return second;
    }

    @Test
    void trainerCdUpdatesAverageToTheExactField() {
        double[] power = new double[1];
        Proofs.qtSimulation(EXAMPLES, 10).forAll(CASES).checkAssert(c -> {
            BoltzmannMachine m = c.inst().model();
            double[][] phi = jointStatistics(m);
            double[][] kernelK = power(GibbsKernels.kernel(m, Phase.NEGATIVE), c.k());
            double[] dataMass = new double[phi.length];
            for (int r = 0; r < c.inst().data().support(); r++) {
                dataMass[(int) c.inst().data().code(r)] += c.inst().data().probability(r);
            }
            double[] pi = GibbsKernels.equilibrium(m);
            double[][] joint = new double[phi.length][phi.length];
            for (int x = 0; x < phi.length; x++) {
                for (int y = 0; y < phi.length; y++) {
                    // persistent: Y ~ K^k(X, .); equilibrium and PCD: Y ~ pi, independent of X
                    joint[x][y] = dataMass[x] * (c.start() == NegativeStart.PERSISTENT ? kernelK[x][y] : pi[y]);
                }
            }
            double[][] cov = differenceCovariance(joint, phi);
            if (c.start() == NegativeStart.PCD) {
                // Negative states are one chain of K^k steps: replace their i.i.d. covariance by the long-run one.
                double[][] dataOnly = differenceCovariance(outerWithZero(dataMass), phi);
                double[][] chain = Stationary.asymptoticCovariance(kernelK, phi);
                for (int a = 0; a < cov.length; a++) {
                    for (int b = 0; b < cov.length; b++) {
                        cov[a][b] = dataOnly[a][b] + chain[a][b];
                    }
                }
            }
            double[] exact = c.start() == NegativeStart.PERSISTENT
                    ? ContrastiveDivergenceField.meanUpdate(m, c.inst().data(), c.k())
                    : ExactAnalysis.gradient(m, c.inst().data());
            double[] sd = Averages.standardDeviations(cov);
            for (int q = 0; q < sd.length; q++) {
                sd[q] /= Math.sqrt(PAIRS);
            }
            TrainSettings config = TrainSettings.DEFAULTS.withMode(TrainingMode.STANDARD).withCdK(c.k())
                    .withNegativeStart(c.start()).withEquilibriumRefresh(Long.MAX_VALUE).withSteps(2L * c.k() * PAIRS)
                    .withEvalEvery(2L * c.k() * PAIRS).withSeed(c.seed());
            double[] sum = new double[exact.length];
            long pairs = new BoltzmannTrainer(config).sumIncrements(m, c.inst().rows(), sum);
            assertTrue(pairs == PAIRS, "pairs " + pairs);
            double[] avg = new double[sum.length];
            for (int q = 0; q < avg.length; q++) {
                avg[q] = sum[q] / pairs;
            }
            double z = MeanUpdateBridgeProperties.worstZ(avg, exact, sd);
            assertTrue(z <= Z, "CD average " + Generators.fmt(avg) + " is " + z + " sd (bound " + Z
                    + ") from the exact field " + Generators.fmt(exact) + " (sd " + Generators.fmt(sd) + ")");
            if (c.start() == NegativeStart.PERSISTENT) {
                double[] next = ContrastiveDivergenceField.meanUpdate(m, c.inst().data(), c.k() + 1);
                power[0] = Math.max(power[0], MeanUpdateBridgeProperties.worstZ(next, exact, sd));
            }
        });
        System.out.printf(Locale.ROOT, "B2 CD-k: bound %.2f sd; CD-(k+1) shown by up to %.1f sd%n", Z, power[0]);
        assertTrue(power[0] >= 2 * Z, "no instance separates CD-k from CD-(k+1) by two bounds: " + power[0]);
    }

    /** The joint law of (X, 0) for X ~ p: phi(X) - phi(0) has the covariance of phi(X). */
    static double[][] outerWithZero(double[] p) {
        double[][] j = new double[p.length][p.length];
        for (int a = 0; a < p.length; a++) {
            j[a][0] = p[a];
        }
        return j;
    }
}

package org.flexphase.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.util.LogSpace;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AIS against the exact {@code log Z} of RBMs small enough to enumerate.
 *
 * <p>Why coverage may be asserted: the mean weight is unbiased for {@code Z / Z_0} and, for 100 runs with even
 * weights (more than 30 effective runs in every case here), close to normal, so it falls outside ±3 standard errors
 * with probability about 0.3%; over the 24 (model, seed) checks below a correct implementation would fail for some
 * newly drawn seed with probability about 7%, and the seeds are fixed, so the suite is deterministic. An error in
 * the estimator moves {@code log Z} by whole nats (a hidden unit's {@code log 2}, an energy's sign), far beyond the
 * bounds, whose width is also bounded so that they cannot cover by being vacuous.
 */
class AnnealedImportanceSamplingTest {
    /** The paper's schedule ten times coarser (1,450 steps): enough for these sizes, and fast. */
    static final AnnealingSchedule SCHEDULE = AnnealingSchedule.piecewise(new double[]{0, 0.5, 0.9, 1},
            new double[]{1e-2, 1e-3, 1e-4});
    static final int RUNS = 100;
    static TestModels.Case[] cases;

    @BeforeAll
    static void models() {
        cases = TestModels.cases();
    }

    @Test
    void errorBarsCoverTheExactLogPartition() {
        System.out.println("AIS vs exact log Z (" + RUNS + " runs):");
        for (TestModels.Case c : cases) {
            double exact = ExactAnalysis.logPartition(c.rbm());
            for (long seed = 1; seed <= 3; seed++) {
                LogPartitionEstimate e = AnnealedImportanceSampling.of(SCHEDULE, RUNS, seed).estimate(c.rbm(), c.base());
                System.out.printf("  %-34s seed %d  exact %9.4f  AIS %9.4f  se %.3f  [%.4f, %.4f]  %d steps  %.0f eff. runs%n",
                        c.name(), seed, exact, e.logZ(), e.standardError(), e.lower(), e.upper(), e.steps(), e.effectiveRuns());
                assertTrue(e.covers(exact), c.name() + ", seed " + seed + ": exact " + exact + ", " + e);
                assertTrue(e.upper() - e.lower() < 1.0, c.name() + ": bounds too wide to mean anything: " + e);
            }
        }
    }

    @Test
    void paperScheduleOnTheTrainedBasModel() {
        TestModels.Case bas = cases[5];
        double exact = ExactAnalysis.logPartition(bas.rbm());
        LogPartitionEstimate e = AnnealedImportanceSampling.paper(1).estimate(bas.rbm(), bas.base());
        System.out.printf("  %-34s paper schedule  exact %.4f  %s%n", bas.name(), exact, e);
        assertTrue(e.covers(exact), "exact " + exact + ", " + e);
        assertTrue(e.upper() - e.lower() < 1.0, e.toString());
    }

    /**
     * With no couplings and base biases {@code A = beta a}, every intermediate distribution has the same visible
     * marginal, so every weight is {@code sum_j softplus(beta b_j) - nh log 2} whatever is sampled: the estimate is
     * exact on every run and the standard error zero.
     */
    @Test
    void uncoupledModelIsEstimatedExactlyOnEveryRun() {
        for (boolean visibleBiases : new boolean[]{true, false}) {
            Rbm rbm = TestModels.random(12, 9, 0.0, 1.3, 0.6, visibleBiases, 8);
            double[] a = new double[12];
            for (int i = 0; i < 12; i++) {
                a[i] = rbm.inverseTemperature() * rbm.parameters()[rbm.visibleBiasOffset() + i];
            }
            LogPartitionEstimate e = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(50), 10, 3)
                    .estimate(rbm, BaseRateModel.of(a));
            assertEquals(ExactAnalysis.logPartition(rbm), e.logZ(), 1e-10);
            assertEquals(0.0, e.standardError(), 1e-12);
            assertEquals(10.0, e.effectiveRuns(), 1e-9);
        }
    }

    /**
     * Finer schedules bring every intermediate distribution closer to the last, so the log weights spread less:
     * with transitions that mix, {@code Var(log w)} falls like {@code 1/K}, a factor sqrt(10) = 3.2 in standard
     * deviation per tenfold {@code K}. Asserting a factor 2 leaves room for the sampling error of a standard
     * deviation from 100 runs (about 7%) and for imperfect mixing at the coarsest schedule.
     */
    @Test
    void finerSchedulesShrinkTheErrors() {
        TestModels.Case c = cases[2];
        double exact = ExactAnalysis.logPartition(c.rbm());
        LogPartitionEstimate previous = null;
        for (int steps : new int[]{30, 300, 3000}) {
            LogPartitionEstimate e = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(steps), RUNS, 4)
                    .estimate(c.rbm(), c.base());
            System.out.printf("  %-34s uniform schedule  exact %.4f  %s  log w sd %.3f%n", c.name(), exact, e, e.logWeightSd());
            assertTrue(e.covers(exact), steps + " steps: exact " + exact + ", " + e);
            if (previous != null) {
                assertTrue(previous.logWeightSd() > 2 * e.logWeightSd(), previous + " then " + e);
                assertTrue(previous.standardError() > 2 * e.standardError(), previous + " then " + e);
            }
            previous = e;
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsOnAnyNumberOfThreads() {
        TestModels.Case c = cases[1];
        AnnealedImportanceSampling ais = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(200), 9, 5);
        double[] once = ais.estimate(c.rbm(), c.base()).logWeights();
        assertArrayEquals(once, ais.estimate(c.rbm(), c.base()).logWeights());
        assertArrayEquals(once, ais.withThreads(2).estimate(c.rbm(), c.base()).logWeights());
        assertArrayEquals(once, ais.withThreads(4).estimate(c.rbm(), c.base()).logWeights());
        double[] other = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(200), 9, 6).estimate(c.rbm(), c.base())
                .logWeights();
        assertFalse(java.util.Arrays.equals(once, other));
    }

    @Test
    void statisticsAreComputedInLogSpace() {
        // Weights e^800 and e^801 overflow as doubles; their mean and bounds must not.
        LogPartitionEstimate e = LogPartitionEstimate.of(2.0, new double[]{800, 801}, 7);
        assertEquals(2.0 + LogSpace.logSumExp(800, 801) - Math.log(2), e.logZ(), 1e-12);
        double mean = (1 + Math.E) / 2;
        double s = Math.sqrt(((1 - mean) * (1 - mean) + (Math.E - mean) * (Math.E - mean)) / 1) / Math.sqrt(2);
        assertEquals(2.0 + 800 + Math.log(mean + 3 * s), e.upper(), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, e.lower());
        assertEquals(s / mean, e.standardError(), 1e-12);
        assertEquals(Math.sqrt(0.5), e.logWeightSd(), 1e-12);
    }

    @Test
    void badSettingsAreRejectedByName() {
        Rbm rbm = Rbm.of(4, 3, 1.0, true);
        assertMessage("invalid value for 'runs': 1 (allowed: 2 <= integer <= 100000000)",
                () -> AnnealedImportanceSampling.of(AnnealingSchedule.uniform(10), 1, 1));
        assertMessage("invalid value for 'threads': 0 (allowed: 1 <= integer <= 1024)",
                () -> AnnealedImportanceSampling.of(AnnealingSchedule.uniform(10), 2, 1).withThreads(0));
        assertMessage("base model must have the RBM's 4 visible units: 5",
                () -> AnnealedImportanceSampling.of(AnnealingSchedule.uniform(10), 2, 1).estimate(rbm, BaseRateModel.uniform(5)));
        rbm.parameters()[0] = Double.NaN;
        assertMessage("RBM parameters must be finite: rbm(4x3, beta=1.0, visible biases) has NaN or infinite entries",
                () -> AnnealedImportanceSampling.of(AnnealingSchedule.uniform(10), 2, 1).estimate(rbm));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}

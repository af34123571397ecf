package org.flexphase.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.flexphase.phases.Phase;
import org.junit.jupiter.api.Test;

/**
 * Singular linear systems are refused with a clear error instead of being solved into infinities or garbage
 * (EJML's LU accepts every square matrix, so the check is the pivot ratio of {@link PivotedLu}), and systems that are
 * only ill-scaled or slowly mixing are still solved.
 */
class SingularSystemsTest {

    @Test
    void aChainWithTwoAbsorbingStatesHasNoUniqueStationaryDistribution() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stationary.distribution(new double[][] {{1, 0}, {0, 1}}));
        assertTrue(e.getMessage().contains("the 2-state chain has no unique stationary distribution"), e.getMessage());
        assertTrue(e.getMessage().contains("single recurrent class"), e.getMessage());
    }

    @Test
    void anAbsorbingStateBesideAClosedCycleIsRefusedAndSoIsItsLongRunCovariance() {
        // State 0 absorbs; states 1 and 2 swap forever; state 3 falls into either: two recurrent classes.
        double[][] p = {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0.5, 0.25, 0.25, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stationary.distribution(p));
        assertTrue(e.getMessage().contains("4-state chain"), e.getMessage());
        double[][] f = {{1}, {2}, {3}, {4}};
        assertThrows(IllegalArgumentException.class, () -> Stationary.asymptoticCovariance(p, f));
    }

    @Test
    void aJointChainWhosePhasesNeverSwitchIsRefused() {
        // Each phase state keeps itself with probability 1: the + world and the - world never meet.
        PhaseChain frozen = PhaseChain.of(new Phase[] {Phase.POSITIVE, Phase.NEGATIVE},
                List.of(new PhaseChain.Transition(0, 0, 1.0, false), new PhaseChain.Transition(1, 1, 1.0, false)));
        DataDistribution data = DataDistribution.of(new double[][] {{0, 1}, {1, 1}, {1, 0}});
        JointChain chain = JointChain.of(FullyVisibleBoltzmannMachine.of(2, 1.0), data, frozen,
                JointChain.Start.PERSISTENT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, chain::positiveOccupancy);
        assertTrue(e.getMessage().contains("the 8-state chain has no unique stationary distribution"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, frozen::positiveOccupancy);
    }

    @Test
    void aSlowlyMixingChainIsStillSolvedExactly() {
        // Switching rates 1e-9 and 2e-9: pi = (2/3, 1/3), smallest pivot 3e-9 of the largest, well above the limit.
        double[][] p = {{1 - 1e-9, 1e-9}, {2e-9, 1 - 2e-9}};
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, Stationary.distribution(p), 1e-7);
    }

    @Test
    void aPivotRatioOfExactlyTheLimitIsRefusedAndTwiceItIsSolved() {
        // State 0 absorbs, state 1 leaves with probability d: the system's pivots are 1 and d exactly (p00 - 1 = 0).
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stationary.distribution(new double[][] {{1, 0}, {1e-12, 1 - 1e-12}}));
        assertTrue(e.getMessage().contains("smallest LU pivot 1.0E-12 of the largest, at most 1.0E-12"),
                e.getMessage());
        assertArrayEquals(new double[] {1, 0}, Stationary.distribution(new double[][] {{1, 0}, {2e-12, 1 - 2e-12}}),
                1e-15);
    }

    @Test
    void theFundamentalMatrixHasALimitOfItsOwn() {
        // d = 9007.3 ulps of 1 passes the stationary solve (pivot ratio d), but the fundamental matrix's last pivot
        // is 1 - fl(1 - d) = 9007 ulps, just below 1e-12 = 9007.2 ulps.
        double d = 9007.3 * 0x1p-53;
        double[][] p = {{1, 0}, {d, 1 - d}};
        assertArrayEquals(new double[] {1, 0}, Stationary.distribution(p), 1e-15);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Stationary.asymptoticCovariance(p, new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().startsWith("the fundamental matrix I - P + 1 pi^T of the 2-state chain is singular"),
                e.getMessage());
    }

    @Test
    void newtonRefusesAJacobianWhosePivotRatioIsExactlyTheLimit() {
        // At 0 both differences are exact: slopes 1 ((2e-5 - 0) / 2e-5) and 1e-9, so the ratio is the double 1e-9.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FixedPoints.newton(
                t -> new double[] {t[0] + 1e-5, 1e-9 * t[1]}, new double[2], 1e-12, 20));
        assertTrue(e.getMessage().contains("smallest LU pivot 1.0E-9 of the largest, at most 1.0E-9"), e.getMessage());
        FixedPoints.Result r = FixedPoints.newton(t -> new double[] {t[0] + 1e-5, 2e-9 * t[1]}, new double[2],
                1e-12, 20);
        assertTrue(r.converged());
        assertArrayEquals(new double[] {-1e-5, 0}, r.theta(), 1e-15);
    }

    @Test
    void newtonRefusesAJacobianOfRankOne() {
        // Both components vanish on the whole line theta0 + theta1 = 1: the zero is not isolated.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FixedPoints.newton(
                t -> new double[] {t[0] + t[1] - 1, 2 * (t[0] + t[1] - 1)}, new double[2], 1e-12, 20));
        assertTrue(e.getMessage().startsWith("singular 2 x 2 Jacobian of the mean field at Newton step 1"),
                e.getMessage());
        assertTrue(e.getMessage().contains("theta = [0.0, 0.0]"), e.getMessage());
    }

    @Test
    void newtonRefusesToStepFromWhereTheFieldIsFlat() {
        // h = theta^2 - 1 has slope 0 at the start 0: the Newton step would be infinite.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FixedPoints.newton(
                t -> new double[] {t[0] * t[0] - 1}, new double[1], 1e-12, 20));
        assertTrue(e.getMessage().startsWith("singular 1 x 1 Jacobian of the mean field at Newton step 1"),
                e.getMessage());
    }

    @Test
    void newtonSolvesABadlyScaledButRegularSystem() {
        // Slopes 1e-6 and 1: pivot ratio 1e-6, far from singular; Newton on a linear field lands at once (up to the
        // differencing error of the slopes, which a second step removes).
        FixedPoints.Result r = FixedPoints.newton(t -> new double[] {1e-6 * (t[0] - 1), t[1] - 2}, new double[2],
                1e-14, 5);
        assertTrue(r.converged());
        assertTrue(r.iterations() <= 2, "iterations " + r.iterations());
        assertArrayEquals(new double[] {1, 2}, r.theta(), 1e-8);
    }

    @Test
    void thePivotRatioIsZeroForSingularAndOneForScaledIdentityMatrices() {
        assertEquals(0.0, new PivotedLu(new org.ejml.data.DMatrixRMaj(new double[][] {{0, 0}, {0, 0}})).pivotRatio());
        assertEquals(0.0, new PivotedLu(new org.ejml.data.DMatrixRMaj(new double[][] {{1, 1}, {1, 1}})).pivotRatio());
        assertEquals(1.0, new PivotedLu(new org.ejml.data.DMatrixRMaj(new double[][] {{3, 0}, {0, -3}})).pivotRatio());
        // [[1, 2], [3, 4]] pivots on 3: U = [[3, 4], [0, 2 - 4/3]].
        assertEquals((2 - 4.0 / 3) / 3,
                new PivotedLu(new org.ejml.data.DMatrixRMaj(new double[][] {{1, 2}, {3, 4}})).pivotRatio(), 1e-15);
        assertTrue(Double.isNaN(
                new PivotedLu(new org.ejml.data.DMatrixRMaj(new double[][] {{Double.NaN, 0}, {0, 1}})).pivotRatio()));
    }
}

package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.flexphase.proofs.Generators.PMF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.random.RandomGenerator;
import org.flexphase.exact.PhaseChain;
import org.flexphase.exact.Stationary;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.phases.RenewalPhaseProcess;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * T3: occupancy of renewal processes with random length laws, and (B3) the weighted phase averages of every registered
 * process type.
 */
class OccupancyProperties {

    @Test
    void reportedOccupancyEqualsTheExactStationaryOccupancy() {
        // The process's formula rho+ = b E[L+] / (b E[L+] + (1-b) E[L-]) against the stationary distribution of the
        // phase chain solved with EJML: both exact, so agreement to rounding (1e-12).
        Proofs.qt(300).forAll(B, PMF, PMF).checkAssert((b, plus, minus) -> {
            PhaseProcess process = RenewalPhaseProcess.of(b, LengthLaws.discrete(plus), LengthLaws.discrete(minus));
            assertEquals(PhaseChain.renewal(b, plus, minus).positiveOccupancy(), process.positiveOccupancy(), 1e-12);
        });
    }

    static final int WEIGHTED_EXAMPLES = 40;
    static final long WEIGHTED_STEPS = 200_000;
    /** Three normal tests per example share the run's budget. */
    static final double Z = Tolerances.bonferroniZ(3L * WEIGHTED_EXAMPLES);

    /** The exact long-run variance of the {@code +} indicator of the registry's (phase, age) chain of {@code p}. */
    static double indicatorVariance(PhaseRegistry.Process p) {
        double[][] chain = PhaseRegistry.chain(p);
        int np = PhaseRegistry.positiveStates(p);
        double[][] f = new double[chain.length][1];
        for (int s = 0; s < f.length; s++) {
            f[s][0] = s < np ? 1 : 0;
        }
        return Stationary.asymptoticCovariance(chain, f)[0][0];
    }

    /** The occupancy the process would have if every phase lasted one step longer than its law says (a fault). */
    static double occupancyWithLongerPhases(PhaseRegistry.Process p) {
        double b = p.alternate() ? 0.5 : p.b();
        double plus = b * (p.plus().law().mean() + 1);
        return plus / (plus + (1 - b) * (p.minus().law().mean() + 1));
    }

    @Test
    void timeAveragesOfWeightedPhaseIndicatorsConvergeToPlusAndMinusOne() {
        // B3: N steps of the real next() of every registered process type (PhaseRegistry: periodic, ISD blocks,
        // geometric, renewal and alternating renewal with every length law). The + fraction's sd is sigma / sqrt(N),
        // sigma^2 the exact long-run variance of the + indicator of the instance's (phase, age) chain; the weighted
        // averages w+ frac+ and w- frac- have sd sigma / (rho sqrt N) and sigma / ((1 - rho) sqrt N). rho comes from
        // the chain's stationary solve, not from the process. Bonferroni over 3 tests x examples: false failures
        // < 1e-6 per run. Processes expecting fewer than 100 phases of a sign in N steps are not drawn (normal limit).
        double[] power = new double[1];
        Proofs.qt(WEIGHTED_EXAMPLES).forAll(PhaseRegistry.anyProcess(4).assuming(
                        p -> IsdEstimatorProperties.manyPhases(p, WEIGHTED_STEPS)), integers().between(1, 1_000_000))
                .checkAssert((r, seed) -> {
            PhaseProcess process = r.process().copy();
            double rho = IsdEstimatorProperties.exactOccupancy(r);
            double sd = Math.sqrt(Math.max(0, indicatorVariance(r)) / WEIGHTED_STEPS);
            RandomGenerator rng = Rngs.create(seed);
            double wPlus = 0;
            double wMinus = 0;
            long plusSteps = 0;
            for (long t = 0; t < WEIGHTED_STEPS; t++) {
                Phase z = process.next(rng);
                if (z.isPositive()) {
                    wPlus += process.weight(z);
                    plusSteps++;
                } else {
                    wMinus += process.weight(z);
                }
            }
            double edge = IsdEstimatorProperties.edgeEffect(r, WEIGHTED_STEPS);
            assertEquals(rho, plusSteps / (double) WEIGHTED_STEPS, Z * sd + edge, "fraction of + steps of " + r);
            assertEquals(1.0, wPlus / WEIGHTED_STEPS, (Z * sd + edge) / rho, "time average of w 1{z=+} of " + r);
            assertEquals(-1.0, wMinus / WEIGHTED_STEPS, (Z * sd + edge) / (1 - rho), "time average of w 1{z=-} of " + r);
            power[0] = Math.max(power[0], Math.abs(occupancyWithLongerPhases(r) - rho) / (Z * sd + edge));
        });
        // The domain must be able to see an off-by-one in phase lengths: some instance moves by two tolerances.
        assertTrue(power[0] >= 2, "no instance tells lengths L from L + 1: " + power[0] + " tolerances at most");
    }
}

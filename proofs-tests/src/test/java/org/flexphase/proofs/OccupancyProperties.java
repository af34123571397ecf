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

/** T3: occupancy of alternating renewal processes with random length laws, and the weighted phase averages. */
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

    static final int WEIGHTED_EXAMPLES = 20;
    static final long WEIGHTED_STEPS = 200_000;
    /** Three normal tests per example share the run's budget. */
    static final double Z = Tolerances.bonferroniZ(3L * WEIGHTED_EXAMPLES);

    /** The exact long-run variance of the {@code +} indicator of a phase chain (Markov-chain CLT, fundamental matrix). */
    static double indicatorVariance(PhaseChain chain) {
        double[][] f = new double[chain.size()][1];
        for (int s = 0; s < f.length; s++) {
            f[s][0] = chain.phase(s).isPositive() ? 1 : 0;
        }
        return Stationary.asymptoticCovariance(chain.transitionMatrix(), f)[0][0];
    }

    /** The occupancy the process would have if every phase lasted one step longer than its law says (a fault). */
    static double occupancyWithLongerPhases(Generators.Renewal r) {
        double plus = r.b() * (LengthLaws.discrete(r.plus()).mean() + 1);
        return plus / (plus + (1 - r.b()) * (LengthLaws.discrete(r.minus()).mean() + 1));
    }

    @Test
    void timeAveragesOfWeightedPhaseIndicatorsConvergeToPlusAndMinusOne() {
        // B3: N steps of the real RenewalPhaseProcess.next(). The + fraction's sd is sigma / sqrt(N), sigma^2 the
        // exact long-run variance of the + indicator of the instance's phase chain; the weighted averages
        // w+ frac+ and w- frac- have sd sigma / (rho sqrt N) and sigma / ((1 - rho) sqrt N). rho comes from the chain's
        // stationary solve, not from the process. Bonferroni over 3 tests x examples: false failures < 1e-6 per run.
        double[] power = new double[1];
        Proofs.qt(WEIGHTED_EXAMPLES).forAll(Generators.RENEWAL, integers().between(1, 1_000_000)).checkAssert((r, seed) -> {
            PhaseProcess process = r.process();
            PhaseChain chain = PhaseChain.renewal(r.b(), r.plus(), r.minus());
            double rho = chain.positiveOccupancy();
            double sd = Math.sqrt(indicatorVariance(chain) / WEIGHTED_STEPS);
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
            assertEquals(rho, plusSteps / (double) WEIGHTED_STEPS, Z * sd, "fraction of + steps");
            assertEquals(1.0, wPlus / WEIGHTED_STEPS, Z * sd / rho, "time average of w 1{z=+}");
            assertEquals(-1.0, wMinus / WEIGHTED_STEPS, Z * sd / (1 - rho), "time average of w 1{z=-}");
            power[0] = Math.max(power[0], Math.abs(occupancyWithLongerPhases(r) - rho) / sd);
        });
        // The domain must be able to see an off-by-one in phase lengths: some instance moves by two tolerances.
        assertTrue(power[0] >= 2 * Z, "no instance tells lengths L from L + 1: " + power[0] + " sd at most");
    }
}

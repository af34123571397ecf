package org.flexphase.proofs;

import static org.flexphase.proofs.Generators.B;
import static org.flexphase.proofs.Generators.PMF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.exact.PhaseChain;
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

    @Test
    void timeAveragesOfWeightedPhaseIndicatorsConvergeToPlusAndMinusOne() {
        // N = 200,000 steps. Phases have length <= 4 and runs of one type have a geometric number of phases with
        // continuation probability <= 0.95, so E[run^2]/E[run] <= 4 * 2/0.05 = 160 and the + fraction has sd
        // <= sqrt(160 / N) = 0.028; the weighted averages have sd <= 0.028/rho. Tolerance 5.5 sd: two-sided tail
        // 4e-8, times 20 examples and 2 claims below 1e-6. Fixed seeds.
        int n = 200_000;
        Proofs.qt(20).forAll(B, PMF, PMF).checkAssert((b, plus, minus) -> {
            PhaseProcess process = RenewalPhaseProcess.of(b, LengthLaws.discrete(plus), LengthLaws.discrete(minus));
            RandomGenerator r = Rngs.create(Double.doubleToLongBits(b) + plus.length * 31L + minus.length);
            double wPlus = 0;
            double wMinus = 0;
            for (int t = 0; t < n; t++) {
                Phase z = process.next(r);
                if (z.isPositive()) {
                    wPlus += process.weight(z);
                } else {
                    wMinus += process.weight(z);
                }
            }
            double rho = process.positiveOccupancy();
            double sd = Math.sqrt(160.0 / n);
            assertEquals(1.0, wPlus / n, 5.5 * sd / rho, "time average of w 1{z=+}");
            assertEquals(-1.0, wMinus / n, 5.5 * sd / (1 - rho), "time average of w 1{z=-}");
        });
    }
}

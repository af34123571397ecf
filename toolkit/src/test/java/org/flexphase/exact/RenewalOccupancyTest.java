package org.flexphase.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.FullyVisibleBoltzmannMachine;
import org.junit.jupiter.api.Test;

/**
 * The joint chain's {@code +} occupancy when a {@code +} phase spans several chain states that are visited unequally
 * often (lengths of 1, 2 or 3 steps): the renewal-reward value {@code b E[L+] / (b E[L+] + (1 - b) E[L-])}.
 */
class RenewalOccupancyTest {
    static final DataDistribution DATA = DataDistribution.of(new double[][] {{0, 1}, {1, 1}, {1, 0}});

    static double occupancy(double b, double[] plusPmf, double[] minusPmf, JointChain.Start start) {
        PhaseChain phases = PhaseChain.renewal(b, plusPmf, minusPmf);
        return JointChain.of(FullyVisibleBoltzmannMachine.of(2, 1.0, new double[] {0.3, -0.2, 0.5}), DATA, phases,
                start).positiveOccupancy();
    }

    @Test
    void plusPhasesOfOneOrTwoStepsOccupyThreeFifthsOfTheTime() {
        // E[L+] = 1.5, E[L-] = 1, b = 1/2: rho+ = 0.75 / 1.25. The state "one step left" holds a third of the + mass.
        for (JointChain.Start start : JointChain.Start.values()) {
            assertEquals(0.6, occupancy(0.5, new double[] {0.5, 0.5}, new double[] {1}, start), 1e-12,
                    start.toString());
        }
    }

    @Test
    void threePlusStatesAndTwoMinusStatesGiveTheRenewalRewardOccupancy() {
        // E[L+] = 0.2 + 0.6 + 1.5 = 2.3, E[L-] = 1.5, b = 0.3.
        double expected = 0.3 * 2.3 / (0.3 * 2.3 + 0.7 * 1.5);
        assertEquals(expected, occupancy(0.3, new double[] {0.2, 0.3, 0.5}, new double[] {0.5, 0.5},
                JointChain.Start.PERSISTENT), 1e-12);
    }
}

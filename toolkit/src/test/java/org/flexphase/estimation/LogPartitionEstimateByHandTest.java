package org.flexphase.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * AIS's summary of four importance weights 1, 2, 3, 4 (times e^c) by hand: log Z is the log of their mean, the bounds
 * are the mean +- 3 standard errors in the linear domain, the effective runs (sum w)^2 / sum w^2, the spread of the
 * log weights their sample standard deviation; what the bounds cover, and how they carry over to the mean
 * log-likelihood. Also the one-unit edge of the base-rate model.
 */
class LogPartitionEstimateByHandTest {
    @Test
    void summaryOfFourWeightsByHand() {
        double c = 700; // far beyond exp's range: the summary must stay in log space
        double base = 1.5;
        double[] lw = {c, c + Math.log(2), c + Math.log(3), c + Math.log(4)};
        LogPartitionEstimate e = LogPartitionEstimate.of(base, lw, 9);
        // Weights relative to the largest: 1/4, 1/2, 3/4, 1; mean 5/8, sample variance (1.875 - 4 (5/8)^2) / 3.
        double mean = 0.625;
        double se = Math.sqrt((1.875 - 4 * mean * mean) / 3) / 2;
        assertEquals(base + c + Math.log(2.5), e.logZ(), 1e-12);
        assertEquals(base + c + Math.log(4 * (mean + 3 * se)), e.upper(), 1e-12);
        assertEquals(base + c + Math.log(4 * (mean - 3 * se)), e.lower(), 1e-12);
        assertEquals(se / mean, e.standardError(), 1e-12);
        assertEquals(2.5 * 2.5 / 1.875, e.effectiveRuns(), 1e-12);
        double meanLog = (Math.log(2) + Math.log(3) + Math.log(4)) / 4;
        double ss = Math.pow(0 - meanLog, 2) + Math.pow(Math.log(2) - meanLog, 2) + Math.pow(Math.log(3) - meanLog, 2)
                + Math.pow(Math.log(4) - meanLog, 2);
        assertEquals(Math.sqrt(ss / 3), e.logWeightSd(), 1e-12);
        assertEquals(4, e.runs());
        assertEquals(9, e.steps());
        assertTrue(e.covers(e.lower()));
        assertTrue(e.covers(e.upper()));
        assertTrue(e.covers(e.logZ()));
        assertFalse(e.covers(e.upper() + 1e-9));
        assertFalse(e.covers(e.lower() - 1e-9));
        assertTrue(e.toString().startsWith(String.format("log Z = %.4f [", e.logZ())), e.toString());

        MeanLogLikelihood ll = MeanLogLikelihood.of(-3.0, e);
        assertEquals(-3.0 - e.logZ(), ll.mean(), 0);
        assertEquals(-3.0 - e.upper(), ll.lower(), 0);
        assertEquals(-3.0 - e.lower(), ll.upper(), 0);
    }

    @Test
    void spreadTooWideForALowerBoundGivesMinusInfinity() {
        // Weights 1 and e^-50: the mean minus three standard errors is negative.
        LogPartitionEstimate e = LogPartitionEstimate.of(0, new double[]{0, -50}, 1);
        assertEquals(Double.NEGATIVE_INFINITY, e.lower(), 0);
        assertTrue(e.covers(-1e300));
    }

    @Test
    void oneVisibleUnitIsAModel() {
        assertEquals(1, BaseRateModel.uniform(1).visibleCount());
        assertEquals(Math.log1p(Math.exp(0.3)), BaseRateModel.of(new double[]{0.3}).logPartition(), 1e-15);
    }
}

package org.flexphase.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.flexphase.boltzmann.Rbm;
import org.junit.jupiter.api.Test;

/**
 * The parallel path of {@link AnnealedImportanceSampling}: any thread count, also more threads than runs, gives the
 * serial weights run by run; the one-argument {@code estimate} starts from the uniform base; an interrupted caller gets
 * an exception and keeps its interrupt status.
 */
class AnnealedImportanceSamplingThreadsTest {

    @Test
    void moreThreadsThanRunsGiveTheSerialWeights() {
        Rbm rbm = TestModels.random(4, 3, 0.5, 0.3, 1.0, true, 2);
        AnnealedImportanceSampling ais = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(20), 3, 9);
        double[] serial = ais.estimate(rbm).logWeights();
        for (int threads : new int[]{2, 3, 8}) {
            // a block size of 0 would never finish: fail instead of hanging
            double[] parallel = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> ais.withThreads(threads).estimate(rbm).logWeights());
            assertArrayEquals(serial, parallel, "threads " + threads);
        }
    }

    @Test
    void oneArgumentEstimateStartsFromTheUniformBase() {
        Rbm rbm = TestModels.random(4, 3, 0.5, 0.3, 1.0, true, 5);
        AnnealedImportanceSampling ais = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(30), 4, 1);
        LogPartitionEstimate one = ais.estimate(rbm);
        LogPartitionEstimate two = ais.estimate(rbm, BaseRateModel.uniform(4));
        assertEquals(two.logZ(), one.logZ(), 0);
        assertArrayEquals(two.logWeights(), one.logWeights());
    }

    @Test
    void anInterruptedCallerGetsAnExceptionAndKeepsItsInterruptStatus() {
        Rbm rbm = TestModels.random(10, 8, 0.5, 0.3, 1.0, true, 3);
        // long enough that no block is done when the caller first waits for it
        AnnealedImportanceSampling ais = AnnealedImportanceSampling.of(AnnealingSchedule.uniform(20_000), 64, 1)
                .withThreads(2);
        Thread.currentThread().interrupt();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ais.estimate(rbm));
            assertEquals("AIS interrupted", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status must be restored");
        } finally {
            Thread.interrupted();
        }
    }
}

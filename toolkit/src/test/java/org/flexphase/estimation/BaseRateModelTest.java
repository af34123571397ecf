package org.flexphase.estimation;

import static org.flexphase.estimation.AnnealedImportanceSamplingTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.flexphase.util.LogSpace;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

class BaseRateModelTest {

    @Test
    void biasesAreTheLogitsOfTheSmoothedMarginals() {
        double[][] rows = {{1, 0, 1}, {1, 0, 0}, {1, 0, 1}, {1, 0, 0}};
        BaseRateModel base = BaseRateModel.fromData(rows);
        // (count + 1) / (N + 2): 5/6, 1/6, 3/6.
        assertEquals(Math.log(5), base.bias(0), 1e-12);
        assertEquals(-Math.log(5), base.bias(1), 1e-12);
        assertEquals(0.0, base.bias(2), 1e-12);
    }

    @Test
    void logPartitionSumsEveryPatternAndSamplesMatchTheMarginals() {
        BaseRateModel base = BaseRateModel.of(new double[]{0.7, -2.0, 1.5, 0.0});
        double[] terms = new double[16];
        for (int code = 0; code < 16; code++) {
            for (int i = 0; i < 4; i++) {
                terms[code] += (code >>> i & 1) * base.bias(i);
            }
        }
        assertEquals(LogSpace.logSumExp(terms), base.logPartition(), 1e-12);
        assertEquals(4 * Math.log(2), BaseRateModel.uniform(4).logPartition(), 1e-12);
        // 100,000 samples: each mean within 5 binomial standard deviations (at most 0.0016) of sigmoid(A_i).
        RandomGenerator rng = Rngs.create(3);
        double[] v = new double[4];
        double[] mean = new double[4];
        int n = 100_000;
        for (int s = 0; s < n; s++) {
            base.sample(v, rng);
            for (int i = 0; i < 4; i++) {
                mean[i] += v[i] / n;
            }
        }
        for (int i = 0; i < 4; i++) {
            double p = 1 / (1 + Math.exp(-base.bias(i)));
            assertEquals(p, mean[i], 5 * Math.sqrt(p * (1 - p) / n), "unit " + i);
        }
    }

    @Test
    void badInputIsRejectedByName() {
        assertMessage("rows must hold at least one row: 0", () -> BaseRateModel.fromData(new double[0][]));
        assertMessage("rows must all have 2 entries (as row 0): row 1 has 3",
                () -> BaseRateModel.fromData(new double[][]{{0, 1}, {0, 1, 1}}));
        assertMessage("rows[1][0] must be in [0, 1]: 2.0", () -> BaseRateModel.fromData(new double[][]{{0, 1}, {2, 1}}));
        assertMessage("biases[1] must be finite: Infinity", () -> BaseRateModel.of(new double[]{0, Double.POSITIVE_INFINITY}));
        assertMessage("visible must be >= 1: 0", () -> BaseRateModel.uniform(0));
    }
}

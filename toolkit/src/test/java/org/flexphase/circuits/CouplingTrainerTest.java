package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.learning.LearningLoop;
import org.junit.jupiter.api.Test;

class CouplingTrainerTest {

    static CoupledLearning system() {
        Graph g = Graphs.randomGeometric(14, 4.0, 1);
        ResistorNetwork net = ResistorNetwork.withRandomRoles(g, 3, 2, 1.0, 1e-3, 1e3, 2);
        return new CoupledLearning(net, CouplingTask.randomLinear(3, 2, 3, 3), 0.1, Relaxation.Kind.UNIFORM, 0.5);
    }

    static NetworkSettings config(CouplingMode mode, double lr, long steps) {
        return NetworkSettings.DEFAULTS.withMode(mode).withB(0.5).withSwitchProb(0.05).withPresentProb(0.05)
                .withPhaseLength(10).withLr(lr).withSteps(steps).withEvalEvery(steps / 5).withSeed(7);
    }

    /**
     * Standard and twin cut the cost by 10; local learning (rate 100 times smaller: its per-step statistic is O(1/eta_c)
     * noisy where the rule is O(1)) halves it on average over its last three checkpoints.
     */
    @Test
    void everySchemeCutsTheCostAndStaysInTheBox() {
        double[] lr = {0.5, 0.2, 0.005};
        long[] steps = {100_000, 100_000, 500_000};
        double[] factor = {10, 10, 2};
        for (CouplingMode mode : CouplingMode.values()) {
            CoupledLearning sys = system();
            List<Double> costs = new ArrayList<>();
            LearningLoop loop = new CouplingTrainer(config(mode, lr[mode.ordinal()], steps[mode.ordinal()]))
                    .train(sys, l -> costs.add(sys.cost()));
            assertNull(loop.divergence());
            int n = costs.size();
            double last = mode == CouplingMode.LOCAL ? (costs.get(n - 1) + costs.get(n - 2) + costs.get(n - 3)) / 3
                    : costs.get(n - 1);
            assertTrue(last < costs.get(0) / factor[mode.ordinal()], mode + ": costs " + costs);
            for (double k : sys.parameters()) {
                assertTrue(k >= 1e-3 && k <= 1e3, mode + ": conductance " + k + " outside the box");
            }
        }
    }

    @Test
    void sameSeedSameConductances() {
        for (CouplingMode mode : CouplingMode.values()) {
            CoupledLearning a = system();
            CoupledLearning b = system();
            new CouplingTrainer(config(mode, 0.01, 5_000)).train(a, null);
            new CouplingTrainer(config(mode, 0.01, 5_000)).train(b, null);
            assertArrayEquals(a.parameters(), b.parameters(), 0.0, mode.toString());
        }
    }
}

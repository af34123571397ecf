package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flexphase.circuits.BatchMode;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingTask;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.Relaxation;
import org.flexphase.learning.LearningLoop;
import org.junit.jupiter.api.Test;

/**
 * Full-batch standard coupled learning descends the exact cost ({@link BatchMode#FULL}, docs/theory.md section 5.2):
 * with phases that reach their equilibria (uniform relaxation at rate 1) the update is the rate times the mean
 * two-phase rule, {@code -H dC/dk + O(eta)} with one output ({@code H > 0} the output's effective conductance, the
 * same for every example, T14), so at a small rate every update lowers the mean cost at the exact free equilibria.
 * Domain: random geometric graphs and lattices of 6-20 nodes, 1-3 inputs, one output, 1-3 examples of a teacher
 * task (realisable targets), nudge 0.01; the rate is set so the first update moves no conductance by more than 1% of
 * itself (draws whose cost starts below 1e-20, an output no conductance moves, are skipped). Checked at every one
 * of 150 updates, through the production trainer: the cost never rises (beyond 1e-12
 * relative rounding) and ends below its start.
 */
class FullBatchDescentProperties {
    static final int UPDATES = 150;

    @Test
    void fullBatchUpdatesLowerTheExactCostAtEveryStepOnTeacherTasks() {
        Proofs.qt(25).forAll(integers().between(6, 20), integers().between(1, 3), integers().between(1, 3),
                doubles().between(2.5, 5.0).zip(integers().between(0, 1), longs().between(1, 1_000_000_000L),
                        (degree, lattice, seed) -> new double[]{degree, lattice, seed}))
                .asWithPrecursor((n, in, m, d) -> CircuitGenerators.circuit(n, in, 1, m, d[0], d[1] == 1, (long) d[2]))
                .checkAssert((n, in, m, d, c) -> {
            int examples = c.task().size();
            CouplingTask task = CouplingTask.teacher(c.net(), examples, 10, 11);
            CoupledLearning sys = new CoupledLearning(c.net(), task, 0.01,
                    Relaxation.Kind.UNIFORM, 1.0);
            double[] u = sys.twoPhaseUpdate();
            double lr = Double.POSITIVE_INFINITY;
            for (int e = 0; e < u.length; e++) {
                if (u[e] != 0) {
                    lr = Math.min(lr, 0.01 * sys.parameters()[e] / Math.abs(u[e]));
                }
            }
            if (lr == Double.POSITIVE_INFINITY || sys.cost() < 1e-20) {
                return; // at the floor already (an output whose potential no conductance moves)
            }
            long perUpdate = 2L * examples;
            NetworkSettings s = NetworkSettings.DEFAULTS.withBatch(BatchMode.FULL).withRelax(Relaxation.Kind.UNIFORM)
                    .withRelaxRate(1.0).withPhaseLength(1).withNudge(0.01).withLr(lr).withKMin(0.1).withKMax(10)
                    .withSteps(perUpdate * UPDATES).withEvalEvery(perUpdate).withSeed(1);
            List<Double> costs = new ArrayList<>();
            LearningLoop loop = new CouplingTrainer(s).train(sys, l -> costs.add(sys.cost()));
            assertNull(loop.divergence());
            for (int t = 1; t < costs.size(); t++) {
                assertTrue(costs.get(t) <= costs.get(t - 1) * (1 + 1e-12), String.format(Locale.ROOT,
                        "the cost rose at update %d: %.15g -> %.15g (lr %.3g) at %s", t, costs.get(t - 1),
                        costs.get(t), lr, c));
            }
            assertTrue(costs.get(costs.size() - 1) < costs.get(0), "no descent: " + costs.get(0) + " -> "
                    + costs.get(costs.size() - 1) + " at " + c);
        });
    }
}

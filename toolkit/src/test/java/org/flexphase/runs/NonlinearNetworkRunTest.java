package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.NonlinearCoupledLearning;
import org.flexphase.circuits.NonlinearTrainer;
import org.flexphase.circuits.TaskKind;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A {@code network} run with {@code element_c} trains the nonlinear network with {@link NonlinearTrainer}, bit for bit
 * the run one builds by hand from {@link NetworkRun#system} (the trainer's stream mixed from the seed as for resistors),
 * records the nonlinear cost, and says the element in {@code spec.json} and {@code summary.json}.
 */
class NonlinearNetworkRunTest {
    static final NetworkSettings S = NetworkSettings.DEFAULTS.withNodes(16).withDegree(3.5).withTask(TaskKind.TEACHER)
            .withRelaxRate(1).withLr(2).withSteps(2_000).withEvalEvery(500).withSeed(4);

    @Test
    void aRunWithAnElementIsTheNonlinearTrainersRunBitForBit() {
        for (CouplingMode mode : new CouplingMode[] {CouplingMode.STANDARD, CouplingMode.TWIN}) {
            NetworkSettings s = S.withMode(mode).withElementC(2);
            NetworkRun.Outcome o = NetworkRun.run(s, null);
            Table h = o.history();
            assertEquals(List.of("step", "cost"), h.columnNames());

            CoupledLearning built = NetworkRun.system(s).system();
            NonlinearCoupledLearning sys = new NonlinearCoupledLearning(built.network(), s.elementValue(),
                    built.task(), s.nudge(), s.relaxRate());
            double[] costs = new double[h.rowCount()];
            int[] row = {0};
            costs[row[0]++] = sys.cost();
            assertNotEquals(built.cost(), costs[0], "the nonlinear cost differs from the resistor network's");
            new NonlinearTrainer(s.withSeed(Rngs.mix(s.seed(), 3))).train(sys, l -> {
                if (l.step() > 0) {
                    costs[row[0]++] = sys.cost();
                }
            });
            for (int r = 0; r < h.rowCount(); r++) {
                assertEquals(costs[r], h.doubleColumn("cost").get(r), 0.0, mode + " row " + r);
            }
            assertEquals(sys.cost(), o.summary().finalMetrics().cost(), 0.0);
            assertTrue(costs[h.rowCount() - 1] < costs[0], mode + ": learns its own element's teacher " + costs[0]
                    + " -> " + costs[h.rowCount() - 1]);
        }
    }

    @Test
    void theElementIsInTheSpecAndTheSummary(@TempDir Path out) throws Exception {
        NetworkSettings s = S.withSteps(200).withEvalEvery(100).withElementC(-0.5).withTeacherElementC(2.0);
        NetworkRun.run(s, out);
        var spec = SettingsJson.mapper().readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(-0.5, spec.path("config").path("element_c").asDouble(), spec.toString());
        assertEquals(2.0, spec.path("config").path("teacher_element_c").asDouble(), spec.toString());
        assertEquals("teacher, 16 nodes, standard, element c = -0.5, teacher c = 2.0", "teacher, 16 nodes, standard"
                + NetworkRun.elementLabel(s));
        assertEquals("", NetworkRun.elementLabel(S));
    }
}

package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.TaskKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A run with a power weight records what it descends: {@code power} (the mean free power) and {@code objective}
 * ({@code cost + lambda power}) beside {@code cost}; without one the history keeps its two columns.
 */
class PowerHistoryTest {
    static final NetworkSettings S = NetworkSettings.DEFAULTS.withNodes(16).withDegree(3.5).withTask(TaskKind.TEACHER)
            .withSteps(2_000).withEvalEvery(500).withSeed(4);

    @Test
    void aPowerWeightedRunRecordsPowerAndObjective() {
        double lambda = 0.05;
        NetworkRun.Outcome o = NetworkRun.run(S.withPowerWeight(lambda), null);
        Table h = o.history();
        assertEquals(List.of("step", "cost", "power", "objective"), h.columnNames());
        int last = h.rowCount() - 1;
        assertEquals(o.system().power(), h.doubleColumn("power").get(last), 0.0);
        for (int r = 0; r < h.rowCount(); r++) {
            assertEquals(h.doubleColumn("cost").get(r) + lambda * h.doubleColumn("power").get(r),
                    h.doubleColumn("objective").get(r), 0.0, "row " + r);
        }
        assertEquals(lambda, o.system().powerWeight());
        assertEquals(List.of("step", "cost"), NetworkRun.run(S, null).history().columnNames());
    }
}

package org.flexphase.experiments.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.TaskKind;
import org.flexphase.sweeps.RunSpec;
import org.junit.jupiter.api.Test;

/** The R sweep's runs: the anchor's task shape, R = alpha / gamma, a bounded learning step, the budget in alpha t. */
class NetworkRSweepTest {
    @Test
    void everyRunIsTheAnchorsShapeAtItsRWithinItsBudget() {
        List<RunSpec> specs = new NetworkRSweep("quick").specs();
        assertEquals(2 * 3 * 3 * 3, specs.size(), "2 tasks x 3 schemes x 3 R x 3 seeds");
        assertEquals(2 * 3 * 9 * 5, new NetworkRSweep("full").specs().size(), "full: 9 R, 5 seeds");
        for (RunSpec spec : specs) {
            NetworkSettings s = (NetworkSettings) spec.settings();
            s.validate();
            String[] g = spec.group().split(":");
            double r = Double.parseDouble(g[3]);
            assertEquals(Relaxation.Kind.ODE, s.relax());
            if (g[1].equals("teacher")) {
                assertEquals(TaskKind.TEACHER, s.task());
                assertTrue(s.nodes() == 64 && s.inputs() == 5 && s.outputs() == 3 && s.examples() == 1
                        && s.nudge() == 1e-3, spec.group());
            } else {
                // the curves' regression task (3 inputs, 2 outputs, 5 examples) at the sweep's nudge
                assertEquals("regression", g[1]);
                assertEquals(TaskKind.REGRESSION, s.task());
                assertTrue(s.nodes() == 64 && s.inputs() == 3 && s.outputs() == 2 && s.examples() == 5
                        && s.nudge() == 1e-3, spec.group());
            }
            assertEquals(r, s.lr() / s.gammaValue(), 0, "R = alpha / gamma");
            assertTrue(s.lr() * s.dtValue() <= NetworkRSweep.A * (1 + 1e-12) && s.gammaValue() * s.dtValue() <= NetworkRSweep.DT_MAX,
                    spec.group());
            double alphaT = s.steps() * s.lr() * s.dtValue();
            assertEquals(200, alphaT, 1e-6 * 200, "budget alpha t of the quick profile at " + spec.group());
            // a standard update stands for 2 T dt of physical time
            double perUpdate = new CouplingTrainer(s).updateRate();
            double expected = s.lr() * s.dtValue() * (s.mode().key().equals("standard") ? 2 * s.phaseLength() : 1);
            assertEquals(expected, perUpdate, 1e-15);
        }
    }

    @Test
    void theLearningTimeIsTheFirstCheckpointFromWhichTheCostStaysAtTheThreshold() {
        double[] cost = {1, 0.5, 0.09, 0.2, 0.01, 0.05};
        long[] step = {0, 10, 20, 30, 40, 50};
        assertEquals(40 * 0.5, NetworkRSweep.learningTime(cost, step, 0.5), 0, "the dip at step 20 does not count");
        assertTrue(Double.isNaN(NetworkRSweep.learningTime(new double[]{1, 0.05, 0.3}, new long[]{0, 1, 2}, 1)),
                "a dip that climbs back is not learning");
        assertTrue(Double.isNaN(NetworkRSweep.learningTime(new double[]{1, 0.5, 0.2}, new long[]{0, 1, 2}, 1)));
    }

    /** The regression task's floor is a sizeable part of its start, so its learning time is to half the start. */
    @Test
    void theRegressionTaskIsTimedToHalfItsStartTheTeacherTaskToATenth() {
        double[] cost = {1, 0.7, 0.4, 0.3, 0.05};
        long[] step = {0, 10, 20, 30, 40};
        assertEquals(20 * 2.0, NetworkRSweep.learningTime("regression", cost, step, 2.0), 0);
        assertEquals(40 * 2.0, NetworkRSweep.learningTime("teacher", cost, step, 2.0), 0);
        assertTrue(Double.isNaN(NetworkRSweep.learningTime("teacher", new double[]{1, 0.4, 0.3}, new long[]{0, 1, 2}, 1)));
    }

    /** Notebook 08's in-memory sweep runs the part's own settings for the task asked, one row per run. */
    @Test
    void theInMemorySweepRunsThePartsSettingsOnTheTaskAsked() {
        tech.tablesaw.api.Table t = NetworkExperiment.rSweep("regression", new double[]{1.0}, 1, 5);
        assertEquals(3, t.rowCount(), "3 schemes");
        for (int i = 0; i < t.rowCount(); i++) {
            String scheme = t.stringColumn("scheme").get(i);
            NetworkSettings s = NetworkRSweep.settings("regression", scheme, 1.0, 5, 1);
            assertEquals(TaskKind.REGRESSION, s.task());
            var o = org.flexphase.runs.NetworkRun.run(s, null);
            double[] cost = o.history().doubleColumn("cost").asDoubleArray();
            assertEquals(cost[cost.length - 1] / cost[0], t.doubleColumn("final_relative_cost").get(i), 0, scheme);
            assertEquals("regression", t.stringColumn("task").get(i));
        }
    }
}

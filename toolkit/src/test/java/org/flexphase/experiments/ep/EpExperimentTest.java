package org.flexphase.experiments.ep;

import org.flexphase.hopfield.EquilibriumPropagationTrainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.sweeps.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class EpExperimentTest {
    @TempDir
    Path tmp;

    @Test
    void fullProfileRunsEveryModeOverThreeSeedsAndTheFlexibleMap() {
        List<RunSpec> specs = EpExperiment.of("full").specs();
        assertEquals(5 * 3 + 4 * 2, specs.size());
        assertEquals(specs.size(), new HashSet<>(specs.stream().map(RunSpec::key).toList()).size(), "keys are unique");
        for (RunSpec s : specs) {
            EpSettings e = (EpSettings) s.settings();
            assertEquals(s.group().startsWith("b:") ? 2 : 8, e.epochs(), s.group());
            boolean map = s.group().startsWith("b:");
            assertEquals(map ? 0.0 : 1.0, e.lrTauEpochs(), s.group());
            if (s.group().equals("a:local-gated")) {
                // the gated rule at ep --mode local's defaults, the run's epochs and seed
                assertEquals(EpSettings.LOCAL_DEFAULTS.withEpochs(8).withSeed(e.seed()), e);
                continue;
            }
            // (a)'s flexible-phase runs use the activity trace; the map and the other modes do not.
            assertEquals(!map && e.mode() == EquilibriumPropagationTrainer.Mode.LOCAL ? 8.0 : 0.0, e.traceTau(), s.group());
            assertEquals(null, e.traceGate(), s.group());
        }
        List<RunSpec> quick = EpExperiment.of("quick").specs();
        assertEquals(5, quick.size());
        assertEquals(EpSettings.LOCAL_DEFAULTS.withEpochs(1), quick.get(4).settings());
    }

    @Test
    void persistentBiasFallsInProportionToTheSwitchingProbability() throws Exception {
        Table t = EpExperiment.biasVersusSwitching(tmp);
        assertTrue(Files.size(tmp.resolve("ep_bias_vs_p.png")) > 0);
        assertTrue(Files.size(tmp.resolve("ep_bias_vs_p.csv")) > 0);
        // T13 in the figure's own setting: the bias halves with p (0.5 + O(p)), bias/p settles.
        for (int r = 1; r < t.rowCount(); r++) {
            double ratio = t.doubleColumn("bias").get(r) / t.doubleColumn("bias").get(r - 1);
            assertTrue(ratio > 0.4 && ratio < 0.6, "row " + r + ": " + ratio);
        }
        int last = t.rowCount() - 1;
        double settle = t.doubleColumn("bias_over_p").get(last) / t.doubleColumn("bias_over_p").get(last - 1);
        assertTrue(Math.abs(settle - 1) < 0.1, "bias/p ratio " + settle);
    }
}

package org.flexphase.experiments.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.sweeps.RunSpec;
import org.junit.jupiter.api.Test;

/** {@code reproduce --extensions}' network part runs the gated rule at {@code network --mode local}'s defaults. */
class NetworkExperimentGatedTest {
    @Test
    void theCurvesAt64And512NodesIncludeTheGatedRuleAtTheLocalDefaults() {
        List<RunSpec> gated = new NetworkExperiment().specs().stream()
                .filter(s -> s.group().startsWith("curve:") && s.group().endsWith(":" + NetworkExperiment.GATED))
                .filter(s -> ((NetworkSettings) s.settings()).seed() == 1).toList();
        assertEquals(List.of("curve:64:local gated p=0.2", "curve:512:local gated p=0.2"),
                gated.stream().map(RunSpec::group).toList());
        for (RunSpec s : gated) {
            NetworkSettings n = (NetworkSettings) s.settings();
            n.validate();
            // the local defaults on the curves' network and budget: only nodes, steps and checkpoints differ
            assertEquals(NetworkSettings.LOCAL_DEFAULTS.withNodes(n.nodes()).withSteps(n.steps())
                    .withEvalEvery(n.evalEvery()), n);
            assertEquals(NetworkExperiment.steps(n.nodes()), n.steps());
            NetworkSettings plain = (NetworkSettings) new NetworkExperiment().specs().stream()
                    .filter(r -> r.group().equals("curve:" + n.nodes() + ":local p=0.2")).findFirst().orElseThrow()
                    .settings();
            // the same network and task as the ungated p = 0.2 curve (same seed, size, degree, task)
            assertEquals(plain.seed(), n.seed());
            assertEquals(plain.degree(), n.degree());
            assertEquals(plain.task(), n.task());
            assertEquals(plain.presentProb(), n.presentProb());
        }
    }
}

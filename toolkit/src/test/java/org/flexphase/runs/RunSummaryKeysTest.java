package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The typed summaries keep summary.json's keys: snake_case, optional groups absent, a missing bound written as null. */
class RunSummaryKeysTest {
    static Set<String> keys(Object map) {
        return new TreeSet<>(((Map<?, ?>) map).keySet().stream().map(Object::toString).toList());
    }

    @Test
    void aLabelledRunWithAisHasBothGroupsOfLikelihoodKeysAndANullUpperBound() {
        var ll = new TestLogLikelihood.Entries(-90, -91, null, -89, 300, 0.5, 7.5);
        var s = new LabelledRbmSummary("rbm", "mnist", Map.of(), 1, 10, 1.0, 10.0, false, null,
                new LabelledRbmSummary.Final(0.1, 0.2, 0.3, 0.4, ll, ll));
        Map<String, Object> m = RunFiles.asMap(s);
        assertEquals(Set.of("config", "data", "diverged", "divergence", "final", "model", "seed", "steps_done",
                "steps_per_second", "wall_seconds"), keys(m));
        assertTrue(m.containsKey("divergence") && m.get("divergence") == null, "divergence is written as null");
        Map<?, ?> fin = (Map<?, ?>) m.get("final");
        assertEquals(new TreeSet<>(Set.of("train_error", "test_error", "train_error_avg", "test_error_avg",
                "test_ll", "test_ll_lower", "test_ll_upper", "test_ll_pixels", "log_z", "log_z_se",
                "ais_effective_runs", "test_ll_avg", "test_ll_lower_avg", "test_ll_upper_avg", "test_ll_pixels_avg",
                "log_z_avg", "log_z_se_avg", "ais_effective_runs_avg")), keys(fin));
        assertTrue(fin.containsKey("test_ll_upper"));
        assertNull(fin.get("test_ll_upper"));
    }

    @Test
    void withoutAisOrClassificationTheOptionalKeysAreAbsent() {
        var s = new LabelledRbmSummary("rbm", "mnist", Map.of(), 1, 10, 1.0, 10.0, false, null,
                new LabelledRbmSummary.Final(0.1, 0.2, 0.3, 0.4, null, null));
        assertEquals(Set.of("train_error", "test_error", "train_error_avg", "test_error_avg"),
                keys(RunFiles.asMap(s).get("final")));
        var n = new NetworkSummary(Map.of(), 1, new NetworkSummary.Network(8, 10, 2, 1, 3, 0), 1.0,
                new NetworkSummary.Final(5, 0.5, null, null), 5, 1, 1.0, 5.0, false, null, false, null,
                null);
        Map<String, Object> m = RunFiles.asMap(n);
        assertEquals(Set.of("step", "cost"), keys(m.get("final")));
        assertEquals(Set.of("nodes", "edges", "inputs", "outputs", "examples", "redraws"), keys(m.get("network")));
        assertTrue(m.containsKey("initial_cost") && m.containsKey("steps_per_second"));
        assertTrue(m.containsKey("unstable") && m.containsKey("instability") && m.get("instability") == null,
                "a network summary says whether it is unstable, the reason written as null");
        assertTrue(!m.containsKey("updates_made"), "updates_made appears only in update-on-error runs");
        var counted = new NetworkSummary(Map.of(), 1, new NetworkSummary.Network(8, 10, 2, 1, 3, 0), 1.0,
                new NetworkSummary.Final(5, 0.5, 0.1, 0.2), 5, 1, 1.0, 5.0, false, null, false, null, 0L);
        assertEquals(0L, ((Number) RunFiles.asMap(counted).get("updates_made")).longValue());
    }
}

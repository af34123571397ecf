package org.flexphase.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.learning.TraceGate;
import org.flexphase.runs.RunKinds;
import org.flexphase.runs.SettingsJson;
import org.flexphase.util.Settings;
import org.junit.jupiter.api.Test;

/**
 * The trace gate and hold in specs: keys {@code trace_gate}, {@code trace_hold} (and {@code trace_tau} for networks)
 * bind, round-trip through {@code spec.json} and validate by key; a spec that does not set them keeps the run key it
 * had before they existed.
 */
class TraceGateSpecTest {
    /** {@code spec.json} of two runs as the jar before the gate wrote them (/work-independent copies). */
    static final String OLD_EP_LOCAL_TRACE = """
            {"b":0.5,"beta":0.3,"data":"mnist","epochs":1,"eval_per_epoch":4,"eval_size":200,"free_steps":20,
             "hidden":[40],"lr":0.02,"lr_tau_epochs":1.0,"mode":"local","nudge_steps":4,"presentation":"geometric",
             "seed":3,"sweeps_per_step":1,"switch_prob":0.5,"trace_tau":8.0,"kind":"ep"}""";
    static final String OLD_NET_LOCAL = """
            {"b":0.5,"degree":4.0,"eval_every":2000,"examples":5,"inputs":3,"k_max":1000.0,"k_min":0.001,"lr":0.5,
             "mode":"local","nodes":32,"nudge":0.1,"outputs":2,"phase_length":10,"present_prob":0.01,
             "relax":"uniform","relax_rate":0.5,"seed":3,"steps":20000,"switch_prob":0.05,"task":"regression",
             "test_size":100,"train_size":100,"kind":"network"}""";

    @Test
    void anOldSpecBindsToTheSameDescriptionAndSoTheSameKey() throws Exception {
        for (String old : List.of(OLD_EP_LOCAL_TRACE, OLD_NET_LOCAL)) {
            ObjectNode json = (ObjectNode) SettingsJson.mapper().readTree(old);
            @SuppressWarnings("unchecked")
            Map<String, Object> oldDescription = SettingsJson.mapper().convertValue(json, Map.class);
            String kind = json.remove("kind").asText();
            // as a spec would: the file's settings laid over the kind's defaults
            ObjectNode spec = SettingsJson.mapper().createObjectNode().put("kind", kind);
            spec.setAll(json);
            spec.remove("seed");
            ObjectNode root = SettingsJson.mapper().createObjectNode();
            root.set("base", spec);
            root.putArray("seeds").add(3);
            RunSpec run = SweepSpec.parse(root).get(0);
            assertEquals(RunSpec.hash(oldDescription), run.key(), kind);
            assertEquals(old.replaceAll("\\s", ""), SettingsJson.canonical(run.settings()).toString(), kind);
        }
        // the records' own defaults leave the new keys out
        for (Settings s : List.<Settings>of(EpSettings.DEFAULTS, NetworkSettings.DEFAULTS,
                EpSettings.DEFAULTS.withMode(EpSettings.LOCAL_DEFAULTS.mode()).withTraceTau(8))) {
            ObjectNode c = SettingsJson.canonical(s);
            assertFalse(c.has("trace_gate") || c.has("trace_hold"), c.toString());
        }
        assertFalse(SettingsJson.canonical(NetworkSettings.DEFAULTS).has("trace_tau"));
    }

    @Test
    void theNewKeysBindRoundTripAndShowInSpecJson() throws Exception {
        List<RunSpec> runs = new java.util.ArrayList<>(SweepSpec.parse("""
                {"base": {"kind": "ep", "mode": "local", "trace_tau": 1, "trace_gate": "free-only-nudged-term",
                          "trace_hold": 4}, "seeds": [1]}""", "test spec"));
        runs.addAll(SweepSpec.parse("""
                {"base": {"kind": "network", "mode": "local", "trace_tau": 4, "trace_gate": "free-only",
                          "trace_hold": 3, "present_prob": 0.04}, "seeds": [1]}""", "test spec"));
        EpSettings ep = (EpSettings) runs.stream().filter(r -> r.settings() instanceof EpSettings).findFirst()
                .orElseThrow().settings();
        assertEquals(TraceGate.FREE_ONLY_NUDGED_TERM, ep.traceGate());
        assertEquals(4, ep.traceHold());
        assertEquals(1.0, ep.traceTau());
        NetworkSettings net = (NetworkSettings) runs.stream().filter(r -> r.settings() instanceof NetworkSettings)
                .findFirst().orElseThrow().settings();
        assertEquals(TraceGate.FREE_ONLY, net.traceGate());
        assertEquals(3, net.traceHold());
        assertEquals(4.0, net.traceTau());
        for (RunSpec r : runs) {
            ObjectNode described = SettingsJson.canonical(r.settings());
            assertTrue(described.has("trace_gate") && described.has("trace_hold"), described.toString());
            assertTrue(described.get("trace_gate").asText().startsWith("free-only"), described.toString());
            String kind = described.remove("kind").asText();
            assertEquals(r.settings(), SettingsJson.mapper().treeToValue(described, RunKinds.named(kind).type()));
        }
        assertEquals("free-only-nudged-term", SettingsJson.canonical(ep).get("trace_gate").asText());
    }

    @Test
    void alwaysAndZeroAreTheUnsetValuesAndKeepTheOldKey() throws Exception {
        String text = """
                {"base": {"kind": "ep", "mode": "local", "trace_tau": 8, "trace_gate": "always", "trace_hold": 0},
                 "seeds": [3]}""";
        EpSettings s = (EpSettings) SweepSpec.parse(text, "test spec").get(0).settings();
        assertNull(s.traceGate());
        assertNull(s.traceHold());
        assertEquals(TraceGate.ALWAYS, s.gate());
        assertEquals(0, s.hold());
        assertEquals(new RunSpec("g", EpSettings.DEFAULTS.withMode(s.mode()).withTraceTau(8).withSeed(3)).key(),
                new RunSpec("g", s).key());
        NetworkSettings n = NetworkSettings.DEFAULTS.withTraceTau(0.0).withTraceGate(TraceGate.ALWAYS).withTraceHold(0);
        assertEquals(NetworkSettings.DEFAULTS, n);
    }

    @Test
    void hostileValuesInASpecAreRefusedNamingTheKey() {
        String[][] cases = {
            // key, value, text the message must contain
            {"ep", "trace_hold", "-1", "0 <= value < 24"}, {"ep", "trace_hold", "24", "0 <= value < 24"},
            {"ep", "trace_hold", "1e308", "an integer"}, {"ep", "trace_hold", "2147483648", "an integer"},
            {"ep", "trace_hold", "\"4\"", "an integer"}, {"ep", "trace_hold", "2.5", "an integer"},
            {"ep", "trace_gate", "\"sometimes\"", "always | free-only | free-only-nudged-term"},
            {"ep", "trace_gate", "0", "always | free-only | free-only-nudged-term"},
            {"ep", "trace_gate", "\"free_only\"", "always | free-only | free-only-nudged-term"},
            {"ep", "trace_tau", "0.5", "0 (off) or a finite value >= 1"},
            {"ep", "trace_tau", "-1", "0 (off) or a finite value >= 1"},
            {"ep", "trace_tau", "\"1\"", "a number"},
            {"network", "trace_hold", "-1", "0 <= value < 25"}, {"network", "trace_hold", "25", "0 <= value < 25"},
            {"network", "trace_hold", "1e308", "an integer"}, {"network", "trace_hold", "2147483648", "an integer"},
            {"network", "trace_gate", "\"text\"", "always | free-only | free-only-nudged-term"},
            {"network", "trace_tau", "0.5", "0 (off) or a finite value >= 1"},
            {"network", "trace_tau", "-1", "0 (off) or a finite value >= 1"},
            {"network", "trace_tau", "1e309", "0 (off) or a finite value >= 1"},
            {"network", "trace_tau", "\"4\"", "a number"},
        };
        for (String[] c : cases) {
            String extra = c[0].equals("ep") ? "\"trace_tau\": 1" : "\"trace_tau\": 4, \"present_prob\": 0.04";
            if (c[1].equals("trace_tau")) {
                extra = c[0].equals("ep") ? "\"trace_tau\": 1" : "\"present_prob\": 0.04";
                extra = extra.replace("\"trace_tau\": 1", "\"b\": 0.5");
            }
            String text = "{\"base\": {\"kind\": \"" + c[0] + "\", \"mode\": \"local\", " + extra + ", \"" + c[1]
                    + "\": " + c[2] + "}, \"seeds\": [1]}";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepSpec.parse(text, "test spec"), text);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[3]), text + ": " + e.getMessage());
        }
    }

    @Test
    void theGateAndHoldNeedLocalModeAndATrace() {
        String[] specs = {
            "{\"kind\": \"ep\", \"mode\": \"standard\", \"trace_tau\": 1, \"trace_gate\": \"free-only\"}",
            "{\"kind\": \"ep\", \"mode\": \"local\", \"trace_gate\": \"free-only\"}",
            "{\"kind\": \"ep\", \"mode\": \"local\", \"trace_hold\": 2}",
            "{\"kind\": \"network\", \"mode\": \"twin\", \"trace_tau\": 4}",
            "{\"kind\": \"network\", \"mode\": \"local\", \"trace_gate\": \"free-only\"}",
            "{\"kind\": \"network\", \"mode\": \"standard\", \"trace_tau\": 4, \"trace_hold\": 1}",
        };
        for (String base : specs) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepSpec.parse("{\"base\": " + base + ", \"seeds\": [1]}", "test spec"), base);
            assertTrue(e.getMessage().contains("local"), base + ": " + e.getMessage());
        }
    }
}

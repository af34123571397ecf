package org.flexphase.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flexphase.experiments.bas.BasExperiment;
import org.flexphase.experiments.bas.BasProfile;
import org.flexphase.experiments.mnist.MnistExperiment;
import org.flexphase.experiments.mnist.MnistProfile;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.util.Settings;
import org.flexphase.runs.RunKind;
import org.flexphase.runs.RunKinds;
import org.flexphase.util.InvalidSetting;
import org.flexphase.runs.SettingsJson;
import org.flexphase.boltzmann.TrainSettings;
import org.junit.jupiter.api.Test;

/** Run keys come from the validated settings record itself: every component changes the key, nothing else does. */
class RunKeyTest {
    /** {@code settings} with one component changed (numbers +1 or doubled, text and booleans to another value). */
    static Settings changed(Settings settings, String key) throws Exception {
        ObjectNode tree = SettingsJson.mapper().valueToTree(settings);
        JsonNode v = tree.get(key);
        Class<?> type = componentType(settings, key);
        if (type.isEnum()) {
            // Another constant: an enum setting takes only its labels (an unset one, the last: the first may be what
            // unset means).
            Object[] constants = type.getEnumConstants();
            Object other = v == null ? constants[constants.length - 1] : java.util.Arrays.stream(constants)
                    .filter(e -> !InvalidSetting.label((Enum<?>) e).equals(v.asText())).findFirst().orElseThrow();
            tree.put(key, InvalidSetting.label((Enum<?>) other));
        } else if ((v == null || v.isNull()) && isInteger(settings, key)) {
            tree.put(key, 7);
        } else if ((v == null || v.isNull()) && componentType(settings, key) == Double.class) {
            tree.put(key, 7.0);
        } else if ((v == null || v.isNull()) && componentType(settings, key) == Boolean.class) {
            tree.put(key, true); // an unset flag is false
        } else if (v == null || v.isNull()) {
            tree.put(key, "/elsewhere");
        } else if (v.isTextual()) {
            tree.put(key, v.asText() + "x");
        } else if (v.isBoolean()) {
            tree.put(key, !v.asBoolean());
        } else if (v.isIntegralNumber()) {
            tree.put(key, v.asLong() + 1);
        } else if (v.isNumber()) {
            tree.put(key, v.asDouble() * 2 + 1e-3);
        } else {
            tree.putArray(key).add(7);
        }
        return SettingsJson.mapper().treeToValue(tree, settings.getClass());
    }

    /** Whether the record component behind spec key {@code key} is an {@code Integer} (an optional count, unset). */
    static boolean isInteger(Settings settings, String key) {
        return componentType(settings, key) == Integer.class;
    }

    static Class<?> componentType(Settings settings, String key) {
        for (var c : settings.getClass().getRecordComponents()) {
            if (c.getName().replaceAll("([A-Z])", "_$1").toLowerCase().equals(key)) {
                return c.getType();
            }
        }
        throw new IllegalArgumentException("no component for " + key);
    }

    @Test
    void everyComponentOfEveryKindChangesTheKey() throws Exception {
        for (Settings s : RunKinds.ALL.stream().<Settings>map(RunKind::defaults).toList()) {
            String key = new RunSpec("g", s).key();
            assertEquals(key, new RunSpec("another label", s).key(), "the group label is not part of the key");
            for (var c : s.getClass().getRecordComponents()) {
                String name = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
                assertNotEquals(key, new RunSpec("g", changed(s, name)).key(), RunKinds.of(s).name() + "." + name);
            }
        }
        assertNotEquals(new RunSpec("g", TrainSettings.DEFAULTS).key(), new RunSpec("g", ForwardForwardSettings.DEFAULTS).key());
    }

    @Test
    void theExperimentsRunExactlyTheSettingsTheirKeysHash() throws Exception {
        List<RunSpec> specs = new java.util.ArrayList<>(new BasExperiment(BasProfile.of("quick")).specs());
        specs.addAll(new MnistExperiment(MnistProfile.of("quick")).specs());
        Set<String> distinct = new HashSet<>();
        for (RunSpec spec : specs) {
            Sweep.Job job = Sweep.job(spec);
            assertEquals(spec.key(), job.key());
            // The hashed description binds back to the very settings the job runs.
            ObjectNode described = SettingsJson.mapper().valueToTree(job.description());
            String kind = described.remove("kind").asText();
            assertEquals(spec.settings(), SettingsJson.mapper().treeToValue(described, RunKinds.named(kind).type()));
            distinct.add(spec.settings() + " " + spec.key());
        }
        assertEquals(distinct.size(), distinct.stream().map(d -> d.substring(d.lastIndexOf(' ') + 1)).distinct().count(),
                "distinct settings have distinct keys");
    }
}

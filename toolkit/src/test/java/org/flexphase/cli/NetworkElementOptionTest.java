package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.TaskKind;
import org.flexphase.runs.SettingsJson;
import org.flexphase.sweeps.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code network --element-c} and {@code --teacher-element-c} (spec keys {@code element_c}, {@code teacher_element_c})
 * on the teacher task, where both act: the range {@code -1 < c <= 1000} at and around its ends and under every hostile
 * value, on the command line and in spec files (JSON null is unset, as for the other optional keys); the settings the nonlinear trainer cannot act on
 * refused by name rather than ignored; and the keys kept out of {@code spec.json} when unset, so every old spec keeps
 * its key.
 */
class NetworkElementOptionTest {
    @TempDir
    Path scratch;

    private FailureMessagesTest.Ran check(String options) {
        return check(options, new String[0]);
    }

    /** {@code network OPTIONS MORE --out ...} (MORE as given: {@code --element-c=} passes an empty value). */
    private FailureMessagesTest.Ran check(String options, String... more) {
        String[] args = CommandLineTest.concat(CommandLineTest.concat(("network " + options).split(" "), more),
                "--out", scratch.resolve("out").toString());
        FailureMessagesTest.Ran r = HostileInputs.check(args);
        assertEquals(List.of(), HostileInputs.list(scratch), "a dry run writes nothing: " + options);
        return r;
    }

    @Test
    void theElementRangeIsCheckedAtItsEndsAndUnderHostileValues() {
        for (String option : new String[] {"--element-c", "--teacher-element-c"}) {
            for (String legal : new String[] {"0", "-0.5", "-0.999999", "2", "1000", "1e3"}) {
                FailureMessagesTest.Ran r = check("--task teacher", option + "=" + legal);
                assertEquals(0, r.code(), option + " " + legal + ": " + r.err());
            }
            for (String bad : new String[] {"-1", "-1.0000001", "-2", "1000.0001", "1e308", "NaN", "Infinity",
                    "-Infinity", "2147483648", "9999999999", "99999999999999999999999", "abc", "", "0x10q"}) {
                FailureMessagesTest.Ran r = check("--task teacher", option + "=" + bad);
                assertEquals(2, r.code(), option + " " + bad + ": " + r.err());
                assertTrue(r.err().contains("'" + option + "'") && r.err().contains("allowed"), option + " " + bad
                        + ": " + r.err());
                if (!bad.isEmpty() && !bad.equals("abc") && !bad.equals("0x10q")) {
                    assertTrue(r.err().contains("-1 < c <= 1000"), option + " " + bad + ": " + r.err());
                }
            }
        }
    }

    @Test
    void settingsTheNonlinearTrainerCannotActOnAreRefusedByName() {
        String[][] cases = {
                {"--element-c 2 --relax ode", "--element-c", "unless relax is uniform"},
                {"--element-c 2 --relax jacobi", "--element-c", "unless relax is uniform"},
                {"--element-c 2 --mode local --trace-tau 4", "--element-c", "with trace_tau set"},
                {"--element-c 2 --mode local", "--element-c", "with trace_tau set"}, // local's default trace
                {"--element-c 2 --batch full", "--element-c", "with batch full"},
                {"--element-c -0.5 --power-weight 0.1", "--element-c", "with power_weight set"},
                {"--element-c 2 --terminals edge", "--element-c", "with terminals edge"},
                {"--element-c 2 --task iris", "--element-c", "unless task is regression or teacher"},
                {"--element-c 2 --task mnist3 --terminals node", "--element-c", "unless task is regression or teacher"},
                {"--element-c 2 --task iris --update-on-error", "--element-c", "unless task is regression or teacher"},
                {"--teacher-element-c 2", "--teacher-element-c", "unset unless task is teacher"},
                {"--teacher-element-c 2 --task teacher --terminals edge", "--teacher-element-c", "terminals edge"},
        };
        for (String[] c : cases) {
            FailureMessagesTest.Ran r = check(c[0]);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("'" + c[1] + "'") && r.err().contains("allowed") && r.err().contains(c[2]),
                    c[0] + ": " + r.err());
        }
        // What it does support: every mode with uniform relaxation, a decaying rate, a linear student on a nonlinear
        // teacher (also with edge terminals off), and the linear element with everything.
        for (String ok : new String[] {"--element-c 2 --mode twin", "--element-c -0.5 --mode local --trace-tau 0",
                "--element-c 2 --lr-tau 1000 --task teacher", "--teacher-element-c 2 --task teacher",
                "--teacher-element-c 2 --task teacher --relax ode", "--element-c 0 --relax ode --terminals edge"}) {
            FailureMessagesTest.Ran r = check(ok);
            assertEquals(0, r.code(), ok + ": " + r.err());
        }
    }

    @Test
    void specFilesCheckTheSameRangeAndRefuseNull() throws Exception {
        Map<String, Boolean> values = new java.util.LinkedHashMap<>();
        values.put("0", true);
        values.put("2", true);
        values.put("-0.5", true);
        values.put("1000", true);
        values.put("-1", false);
        values.put("1000.5", false);
        values.put("1e308", false);
        values.put("1e400", false); // JSON has no infinity: Jackson reads this as one
        values.put("9999999999", false);
        values.put("null", true); // unset, as for power_weight and lr_tau: linear (checked below)
        values.put("\"2\"", false); // no coercion from text
        values.put("\"NaN\"", false);
        values.put("\"Infinity\"", false);
        values.put("true", false);
        for (String key : new String[] {"element_c", "teacher_element_c"}) {
            for (var v : values.entrySet()) {
                String json = "{\"runs\": [{\"kind\": \"network\", \"task\": \"teacher\", \"" + key + "\": "
                        + v.getKey() + "}]}";
                Path file = Files.writeString(scratch.resolve("spec.json"), json);
                String error = null;
                try {
                    SweepSpec.read(file);
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
                if (v.getValue()) {
                    assertEquals(null, error, json);
                } else {
                    assertTrue(error != null && error.contains("'" + key + "'") && error.contains("allowed"),
                            json + " -> " + error);
                }
            }
        }
        // null binds as no key at all: the same settings, hence the same run key.
        Path withNull = Files.writeString(scratch.resolve("null.json"),
                "{\"runs\": [{\"kind\": \"network\", \"task\": \"teacher\", \"element_c\": null}]}");
        Path without = Files.writeString(scratch.resolve("none.json"),
                "{\"runs\": [{\"kind\": \"network\", \"task\": \"teacher\"}]}");
        assertEquals(SweepSpec.read(without).get(0).settings(), SweepSpec.read(withNull).get(0).settings());
        String combined = "{\"runs\": [{\"kind\": \"network\", \"element_c\": 2, \"relax\": \"ode\"}]}";
        Path file = Files.writeString(scratch.resolve("spec.json"), combined);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.read(file));
        assertTrue(e.getMessage().contains("'element_c'") && e.getMessage().contains("unless relax is uniform"),
                e.getMessage());
    }

    @Test
    void unsetElementsStayOutOfTheSpecSoOldSpecsKeepTheirKeys() {
        NetworkSettings d = NetworkSettings.DEFAULTS;
        for (NetworkSettings s : new NetworkSettings[] {d, d.withElementC(0), d.withElementC(-0.0),
                d.withTask(TaskKind.TEACHER).withTeacherElementC(0.0),
                d.withTask(TaskKind.TEACHER).withElementC(2).withTeacherElementC(2.0).withElementC(0).withTeacherElementC(null)}) {
            var keys = SettingsJson.describe(s).keySet();
            assertFalse(keys.contains("element_c") || keys.contains("teacher_element_c"), keys.toString());
            assertEquals(SettingsJson.canonical(d), SettingsJson.canonical(s.withTask(d.task())));
        }
        var two = SettingsJson.describe(d.withTask(TaskKind.TEACHER).withElementC(2).withTeacherElementC(2.0));
        assertEquals(2.0, two.get("element_c"));
        assertFalse(two.containsKey("teacher_element_c"), "a teacher of the learner's own element is the default");
        var linearOnSaturating = SettingsJson.describe(d.withTask(TaskKind.TEACHER).withTeacherElementC(2.0));
        assertEquals(2.0, linearOnSaturating.get("teacher_element_c"));
        assertFalse(linearOnSaturating.containsKey("element_c"));
        var saturatingOnLinear = SettingsJson.describe(d.withTask(TaskKind.TEACHER).withElementC(2)
                .withTeacherElementC(0.0));
        assertEquals(0.0, saturatingOnLinear.get("teacher_element_c"));
    }
}

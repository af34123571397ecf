package org.flexphase.cli;

import static org.flexphase.cli.HostileInputs.ANY_PATH;
import static org.flexphase.cli.HostileInputs.NONE;
import static org.flexphase.cli.HostileInputs.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flexphase.runs.RunKind;
import org.flexphase.runs.RunKinds;
import org.flexphase.sweeps.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} under every hostile value of every option, and specs of every kind under every hostile value of
 * every key: the keys are the kind's settings record's components, each judged by the command-line table of the
 * kind's single-run command (a spec key {@code free_steps} is the option {@code --free-steps}), so a new setting
 * without a range check fails here as on the command line.
 */
class SweepHostileInputTest {
    static final Map<String, Set<String>> TABLE = rows(
            "--spec", NONE,
            "--out", ANY_PATH,
            "--threads", Set.of("0", "2147483647"),
            "--shard", NONE);
    /** The command-line table of each kind's single-run command. */
    static final Map<String, Map<String, Set<String>>> KIND_TABLES = Map.of("train", TrainHostileInputTest.TABLE,
            "ff", ForwardForwardHostileInputTest.TABLE, "ep", EpHostileInputTest.TABLE, "network",
            NetworkHostileInputTest.TABLE);
    /**
     * Spec keys with no valued option of their own: {@code average_stride} (train), {@code visible_biases} (a flag
     * there), {@code update_on_error} (network, a flag on the command line) and {@code network_sha256} (network:
     * {@code --network} computes it).
     */
    static final Map<String, Set<String>> SPEC_ONLY = Map.of("average_stride", Set.of("2147483647"), "visible_biases",
            NONE, "update_on_error", NONE, "network_sha256", NONE);
    /** Settings that only come in pairs: a lone one is refused naming its missing partner. */
    static final Map<String, String> PAIRS = Map.of("plus_length", "minus_length", "minus_length", "plus_length",
            "ais_runs", "ais_steps", "ais_steps", "ais_runs");
    /** The hostile values as JSON: numbers where JSON has them, the rest as strings (no coercion: refused). */
    static final Map<String, String> JSON = Map.ofEntries(Map.entry("0", "0"), Map.entry("-1", "-1"),
            Map.entry("NaN", "\"NaN\""), Map.entry("Infinity", "\"Infinity\""), Map.entry("-Infinity", "\"-Infinity\""),
            Map.entry("1e308", "1e308"), Map.entry("abc", "\"abc\""), Map.entry("", "\"\""),
            Map.entry("2147483647", "2147483647"), Map.entry("2147483648", "2147483648"), Map.entry("9999999999", "9999999999"),
            Map.entry("/nonexistent-flexphase/missing", "\"/nonexistent-flexphase/missing\""));

    @TempDir
    Path scratch;

    @Test
    void everyOptionRefusesHostileValuesByNameOrAcceptsTheLegalOnes() throws Exception {
        Path spec = Files.writeString(scratch.resolve("spec.json"), "{\"base\": {\"steps\": 400}}");
        Path out = Files.createDirectory(scratch.resolve("scratch"));
        HostileInputs.assertTable("sweep", TABLE, Map.of("--spec", spec.toString(), "--out",
                out.resolve("out").toString()), out);
    }

    @Test
    void everyKeyOfEveryKindRefusesHostileValuesByNameOrAcceptsTheLegalOnes() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (RunKind<?> kind : RunKinds.ALL) {
            Map<String, Set<String>> table = KIND_TABLES.get(kind.name());
            assertTrue(table != null, "kind " + kind.name() + " has no hostile-input table");
            for (var component : kind.type().getRecordComponents()) {
                String key = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
                if (key.equals("seed")) {
                    continue; // a spec gives seeds as "seeds": a "seed" key is refused as unknown
                }
                Set<String> legal = SPEC_ONLY.containsKey(key) ? SPEC_ONLY.get(key)
                        : table.get("--" + key.replace('_', '-'));
                if (legal == null) {
                    wrong.add(kind.name() + ": key " + key + " has no row (add its option to the table, or to SPEC_ONLY)");
                    continue;
                }
                for (String value : HostileInputs.VALUES) {
                    String json = "{\"runs\": [{\"kind\": \"" + kind.name() + "\", \"" + key + "\": " + JSON.get(value)
                            + "}]}";
                    Path file = Files.writeString(scratch.resolve("spec.json"), json);
                    String error = null;
                    try {
                        SweepSpec.read(file);
                    } catch (IllegalArgumentException e) {
                        error = e.getMessage();
                    }
                    boolean ok = legal.contains(value) && !JSON.get(value).startsWith("\"");
                    if (ok && error != null) {
                        wrong.add("legal but refused: " + json + " -> " + error);
                    } else if (!ok && (error == null || !named(error, key) || !error.contains("allowed"))) {
                        wrong.add("must be refused naming '" + key + "' and what is allowed: " + json + " -> " + error);
                    }
                }
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    private static boolean named(String error, String key) {
        return error.contains("'" + key + "'") || PAIRS.containsKey(key) && error.contains("'" + PAIRS.get(key) + "'");
    }
}

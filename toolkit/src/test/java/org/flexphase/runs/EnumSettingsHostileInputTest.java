package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flexphase.boltzmann.NegativeStart;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.TaskKind;
import org.flexphase.cli.Main;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.PresentationLaw;
import org.flexphase.learning.TraceGate;
import org.flexphase.sweeps.SweepSpec;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every enum setting of every kind against hostile values, in a spec and on the command line: each is refused naming
 * the key (or option), the value and the labels joined by " | ", the message the settings had as strings.
 */
class EnumSettingsHostileInputTest {
    static final JsonNodeFactory J = JsonNodeFactory.instance;

    /** A kind, its spec key and the enum behind it. */
    record Setting(String kind, String key, Class<? extends Enum<?>> type) {
        String option() {
            return "--" + key.replace('_', '-');
        }
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("train", "mode", TrainingMode.class),
            new Setting("train", "negative_start", NegativeStart.class),
            new Setting("ff", "mode", ForwardForwardTrainer.Mode.class),
            new Setting("ff", "negatives", ForwardForwardTrainer.Negatives.class),
            new Setting("ff", "isd_weights", ForwardForwardTrainer.IsdWeights.class),
            new Setting("network", "task", TaskKind.class),
            new Setting("network", "mode", CouplingMode.class),
            new Setting("network", "relax", Relaxation.Kind.class),
            new Setting("ep", "mode", EquilibriumPropagationTrainer.Mode.class),
            new Setting("ep", "presentation", PresentationLaw.class),
            new Setting("ep", "trace_gate", TraceGate.class),
            new Setting("network", "trace_gate", TraceGate.class));

    /** A hostile JSON value and how a message prints it. */
    record Hostile(JsonNode json, String shown) {
    }

    static final List<Hostile> HOSTILE = List.of(
            new Hostile(J.numberNode(0), "0"),
            new Hostile(J.numberNode(-1), "-1"),
            new Hostile(J.numberNode(Double.NaN), "NaN"),
            new Hostile(J.numberNode(Double.POSITIVE_INFINITY), "Infinity"),
            new Hostile(J.numberNode(Double.NEGATIVE_INFINITY), "-Infinity"),
            new Hostile(J.numberNode(1e308), "1.0E308"),
            new Hostile(J.numberNode(2147483648L), "2147483648"),
            new Hostile(J.textNode("text"), "text"),
            new Hostile(J.textNode("NaN"), "NaN"),
            new Hostile(J.textNode(""), ""),
            new Hostile(J.textNode("LOCAL"), "LOCAL"),
            new Hostile(J.textNode(" local"), " local"),
            new Hostile(J.booleanNode(true), "true"),
            new Hostile(J.arrayNode().add("local"), "[\"local\"]"),
            new Hostile(J.objectNode().put("mode", "local"), "{\"mode\":\"local\"}"),
            new Hostile(J.nullNode(), "null"));

    @TempDir
    Path tmp;

    @Test
    void aSpecRefusesEveryHostileValueOfEveryEnumSettingNamingTheLabels() throws Exception {
        for (Setting s : SETTINGS) {
            for (Hostile h : HOSTILE) {
                if (h.json().isNull() && s.key().equals("trace_gate")) {
                    continue; // null is the unset gate (TraceGateSpecTest)
                }
                ObjectNode base = J.objectNode().put("kind", s.kind());
                base.set(s.key(), h.json());
                String spec = J.objectNode().set("base", base).toString();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> SweepSpec.parse(spec, "test spec"), s + " " + h);
                String expected = "invalid value for '" + s.key() + "': " + h.shown() + " (allowed: "
                        + InvalidSetting.labels(s.type()) + ")";
                assertTrue(e.getMessage().contains(expected), s + " " + h + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theLabelsAreTheLowerCaseNamesInDeclarationOrderAndReadBack() {
        assertEquals("standard | isd | local | exact", InvalidSetting.labels(TrainingMode.class));
        assertEquals("uniform | jacobi | ode", InvalidSetting.labels(Relaxation.Kind.class));
        for (Setting s : SETTINGS) {
            for (Enum<?> e : s.type().getEnumConstants()) {
                assertEquals(e, readBack(s, InvalidSetting.label(e)));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readBack(Setting s, String text) {
        return InvalidSetting.requireLabel(s.key(), text, (Class) s.type());
    }

    @Test
    void theCommandLineRefusesHostileLabelsWithExitTwoNamingTheOption() throws Exception {
        String[] texts = {"0", "-1", "NaN", "Infinity", "-Infinity", "1e308", "2147483648", "text", "", "LOCAL"};
        for (Setting s : SETTINGS) {
            for (String text : texts) {
                Path out = tmp.resolve(s.kind() + "-" + s.key() + "-" + Math.abs(text.hashCode()));
                var err = new java.io.ByteArrayOutputStream();
                var oldErr = System.err;
                int code;
                try {
                    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
                    code = Main.run(s.kind(), s.option(), text, "--out", out.toString());
                } finally {
                    System.setErr(oldErr);
                }
                String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(2, code, s + " " + text + ": " + message);
                String expected = "Invalid value for option '" + s.option() + "': " + text + " (allowed: "
                        + InvalidSetting.labels(s.type()) + ")";
                assertTrue(message.contains(expected), s + " " + text + ": " + message);
                assertFalse(Files.exists(out.resolve("spec.json")), "nothing claimed");
            }
        }
    }
}

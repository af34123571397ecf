package org.flexphase.sweeps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.NegativeStart;
import org.flexphase.learning.TrainerConfig;
import org.flexphase.learning.TrainingMode;
import org.flexphase.runs.RunFiles;

/**
 * A sweep as a file a person can read and edit (JSON). Keys are the {@code train} command's options with
 * underscores ({@code switch_prob}, {@code negative_start}, ...):
 *
 * <pre>{@code
 * {
 *   "base":  {"data": "bas4", "hidden": 16, "mode": "local", "lr": 1e-4, "steps": 10000000, "eval_every": 1000000},
 *   "grid":  {"switch_prob": [0.05, 0.005], "negative_start": ["persistent", "equilibrium"]},
 *   "runs":  [{"mode": "standard", "lr": 2e-4}],
 *   "seeds": [1, 2, 3, 4, 5]
 * }
 * }</pre>
 *
 * Every entry of {@code runs} (or just {@code base} when there is none) is crossed with every combination of the
 * grid, laid over {@code base}, and run once per seed. An entry may also carry a {@code "group"} label (how
 * figures name it) and its own {@code "seeds"}. Unknown keys are rejected with the list of known ones.
 */
public final class SweepSpec {
    static final Set<String> KEYS = Set.of("data", "hidden", "visible_biases", "init_sd", "mode", "b", "switch_prob",
            "phase_length", "cd_k", "lr", "lr_schedule", "lr_tau", "lr_kappa", "steps", "weight_decay",
            "negative_start", "equilibrium_refresh", "average_from", "average_stride", "exact_stride", "eval_every");

    private SweepSpec() {
    }

    /** Reads a spec file, naming the file and the problem on error. */
    public static List<RunSpec> read(Path file) {
        JsonNode root;
        try {
            root = RunFiles.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sweep spec " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sweep spec " + file + ": " + e.getMessage(), e);
        }
    }

    /** The runs of a parsed spec, in a fixed order (grid, then the list, each by seed). */
    public static List<RunSpec> parse(JsonNode root) {
        Map<String, Object> base = object(root.get("base"), "base");
        List<Map<String, Object>> grid = gridCombinations(root.get("grid"));
        List<Long> defaultSeeds = seeds(root.get("seeds"), "seeds");
        List<Entry> list = new ArrayList<>();
        JsonNode runs = root.get("runs");
        if (runs != null) {
            for (JsonNode r : runs) {
                if (!r.isObject()) {
                    throw new IllegalArgumentException("runs[] must be an object: " + r);
                }
                com.fasterxml.jackson.databind.node.ObjectNode settings = r.deepCopy();
                JsonNode group = settings.remove("group");
                JsonNode seeds = settings.remove("seeds");
                list.add(new Entry(object(settings, "runs[]"), group == null ? null : group.asText(),
                        seeds == null ? defaultSeeds : seeds(seeds, "runs[].seeds")));
            }
        }
        if (grid.isEmpty()) {
            grid.add(new LinkedHashMap<>());
        }
        if (list.isEmpty()) {
            list.add(new Entry(new LinkedHashMap<>(), null, defaultSeeds));
        }
        List<RunSpec> out = new ArrayList<>();
        for (Entry entry : list) {
            for (Map<String, Object> combo : grid) {
                Map<String, Object> variant = new LinkedHashMap<>(entry.settings());
                variant.putAll(combo);
                Map<String, Object> merged = new LinkedHashMap<>(base);
                merged.putAll(variant);
                String group = entry.group() != null
                        ? (combo.isEmpty() ? entry.group() : entry.group() + combo.toString().replace(" ", ""))
                        : variant.isEmpty() ? "base" : variant.toString().replace(" ", "");
                for (long seed : entry.seeds()) {
                    out.add(toRun(group, merged, seed));
                }
            }
        }
        return out;
    }

    /** One entry of {@code runs}: its settings, an optional label for figures, and its seeds. */
    private record Entry(Map<String, Object> settings, String group, List<Long> seeds) {
    }

    static List<Long> seeds(JsonNode seeds, String where) {
        List<Long> list = new ArrayList<>();
        if (seeds == null) {
            list.add(1L);
            return list;
        }
        if (!seeds.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of integers: " + seeds);
        }
        seeds.forEach(x -> list.add(x.asLong()));
        return list;
    }

    static List<Map<String, Object>> gridCombinations(JsonNode grid) {
        List<Map<String, Object>> combos = new ArrayList<>();
        if (grid == null) {
            return combos;
        }
        combos.add(new LinkedHashMap<>());
        Iterator<Map.Entry<String, JsonNode>> fields = grid.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            checkKey(f.getKey());
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> c : combos) {
                for (JsonNode v : f.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(c);
                    m.put(f.getKey(), value(v));
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    static Map<String, Object> object(JsonNode node, String where) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (node == null) {
            return m;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object: " + node);
        }
        node.fields().forEachRemaining(e -> {
            checkKey(e.getKey());
            m.put(e.getKey(), value(e.getValue()));
        });
        return m;
    }

    static Object value(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        return v.asDouble();
    }

    static void checkKey(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown key '" + key + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
        }
    }

    /** A run from a flat map of option values (missing keys take the {@code train} command's defaults). */
    public static RunSpec toRun(String group, Map<String, Object> m, long seed) {
        double lr = num(m, "lr", 1e-4);
        String schedule = str(m, "lr_schedule", "constant");
        LearningRateSchedule s = switch (schedule) {
            case "constant" -> LearningRateSchedule.constant(lr);
            case "rm" -> LearningRateSchedule.robbinsMonro(lr, num(m, "lr_tau", 1e6), num(m, "lr_kappa", 1.0));
            default -> throw new IllegalArgumentException("lr_schedule must be constant or rm: " + schedule);
        };
        TrainerConfig config = TrainerConfig.builder()
                .mode(enumValue(TrainingMode.class, str(m, "mode", "local"), "mode"))
                .negativeStart(enumValue(NegativeStart.class, str(m, "negative_start", "persistent"), "negative_start"))
                .b(num(m, "b", 0.5)).switchProbability(num(m, "switch_prob", 0.05))
                .phaseLength((int) num(m, "phase_length", 20)).cdK((int) num(m, "cd_k", 1)).schedule(s)
                .steps((long) num(m, "steps", 200_000)).weightDecay(num(m, "weight_decay", 0))
                .equilibriumRefresh((long) num(m, "equilibrium_refresh", 0))
                .averageFrom((long) num(m, "average_from", -1)).averageStride((int) num(m, "average_stride", 16))
                .exactStride((int) num(m, "exact_stride", 1000)).evalEvery((long) num(m, "eval_every", 5000))
                .seed(seed).build();
        return new RunSpec(group, str(m, "data", "bas4"), (int) num(m, "hidden", 16),
                !Boolean.FALSE.equals(m.get("visible_biases")), num(m, "init_sd", 0.01), config);
    }

    static double num(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number: " + v);
        }
        return n.doubleValue();
    }

    static String str(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v.toString();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                .toLowerCase() + ": " + value);
    }
}

package org.flexphase.sweeps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flexphase.util.InvalidSetting;
import org.flexphase.util.Settings;
import org.flexphase.runs.RunKind;
import org.flexphase.runs.RunKinds;
import org.flexphase.runs.SettingsJson;

/**
 * A sweep as a file a person can read and edit (JSON), bound strictly before any run starts. Keys are the
 * {@code train} command's options with underscores ({@code switch_prob}, {@code negative_start}, ...), or the
 * {@code ff} command's with {@code "kind": "ff"}:
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
 * grid, laid over {@code base} and the kind's defaults, and run once per seed. An entry may also carry a
 * {@code "group"} label (how figures name it), its own {@code "seeds"} and its {@code "kind"} ({@code train} by
 * default). Unknown keys, a grid axis that is not a non-empty array, a value of the wrong type (no coercion:
 * {@code 16.9} is not an integer, {@code "false"} is not a boolean) and any setting out of range are errors naming
 * the file, the place, the key, the value and what is allowed; so are a file that names no runs, a {@code null}
 * where a value belongs (top level or entry), a {@code data_dir} that is not a folder, and two places of the file
 * that give the same run (same settings and seed, hence the same key): refused rather than de-duplicated, as the
 * second is most likely a typo for a different run. Only entries labelled with different {@code "group"}s may share a
 * run (as {@code reproduce}'s spec does: one run is a point of two figures); it runs once.
 */
public final class SweepSpec {
    /** The top level of a spec file; every field is optional, but at least one of base, grid and runs is required. */
    record Document(ObjectNode base, LinkedHashMap<String, JsonNode> grid, List<JsonNode> runs, List<Long> seeds) {
    }

    private static final String SHAPE = "a JSON object with base, grid, runs and seeds";

    private SweepSpec() {
    }

    /** Reads and validates a spec file; every error names the file. */
    public static List<RunSpec> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sweep spec " + file + ": " + e, e);
        }
        return parse(text, "sweep spec " + file);
    }

    /** Parses and validates a spec's text; {@code source} (e.g. "sweep spec FILE") starts every error message. */
    public static List<RunSpec> parse(String text, String source) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(source + ": the file is empty (expected " + SHAPE + ")");
        }
        JsonNode root;
        try {
            // NaN and Infinity are read as numbers, so the setting they are given to refuses them by name.
            root = SettingsJson.mapper().reader().with(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
        return parse(root, source);
    }

    /** The runs of a parsed spec, in a fixed order (entries, then grid combinations, each by seed). */
    public static List<RunSpec> parse(JsonNode root) {
        return parse(root, "sweep spec");
    }

    static List<RunSpec> parse(JsonNode root, String source) {
        try {
            return bind(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<RunSpec> bind(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new IllegalArgumentException("holds null (expected " + SHAPE + ")");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("holds " + SpecBinding.abbreviate(root) + " (expected " + SHAPE + ")");
        }
        for (String key : List.of("base", "grid", "runs", "seeds")) {
            if (root.has(key) && root.get(key).isNull()) {
                throw new IllegalArgumentException("invalid value for '" + key + "': null (allowed: "
                        + SpecBinding.allowed(Document.class, key) + ", or no '" + key + "')");
            }
        }
        Document doc = SpecBinding.bind(root, Document.class, root, "the top level");
        if (doc.base() == null && doc.grid() == null && doc.runs() == null) {
            throw new IllegalArgumentException("names no runs (give at least one of base, grid and runs)");
        }
        ObjectNode base = doc.base() == null ? JsonNodeFactory.instance.objectNode() : doc.base();
        List<Long> defaultSeeds = doc.seeds() == null ? List.of(1L) : nonEmpty(doc.seeds(), "seeds");
        Map<String, ArrayNode> grid = grid(doc.grid());
        List<Entry> entries = entries(doc.runs(), defaultSeeds);
        List<RunSpec> out = new ArrayList<>();
        Map<String, String[]> placeByKey = new java.util.HashMap<>();   // key -> place, group, whether labelled
        for (Entry entry : entries) {
            RunKind<?> kind = kind(entry.settings(), base);
            checkSource(kind, base, "base");
            checkSource(kind, entry.settings(), entry.where());
            grid.forEach((axis, values) -> {
                for (int j = 0; j < values.size(); j++) {
                    ObjectNode one = JsonNodeFactory.instance.objectNode().set(axis, values.get(j));
                    checkSource(kind, one, "grid." + axis + "[" + j + "]");
                }
            });
            for (Map<String, JsonNode> combo : combinations(grid)) {
                Map<String, JsonNode> variant = new LinkedHashMap<>();
                entry.settings().fields().forEachRemaining(f -> variant.put(f.getKey(), f.getValue()));
                variant.putAll(combo);
                String group = entry.group() != null
                        ? (combo.isEmpty() ? entry.group() : entry.group() + label(combo))
                        : variant.isEmpty() ? "base" : label(variant);
                for (long seed : entry.seeds()) {
                    ObjectNode merged = SettingsJson.defaults(kind);
                    merged.setAll(base);
                    variant.forEach(merged::set);
                    merged.remove("kind");
                    merged.put("seed", seed);
                    String where = "run '" + group + "' seed " + seed;
                    Settings settings = SpecBinding.bind(merged, kind.type(), merged, where);
                    try {
                        settings.validate();
                    } catch (InvalidSetting e) {
                        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                    }
                    checkDataDir(merged, where);
                    RunSpec run = new RunSpec(group, settings);
                    String place = entry.where() + (combo.isEmpty() ? "" : " with grid " + label(combo)) + " seed " + seed;
                    String[] first = placeByKey.putIfAbsent(run.key(),
                            new String[]{place, group, String.valueOf(entry.group() != null)});
                    boolean shared = first != null && entry.group() != null && first[2].equals("true")
                            && !first[1].equals(group);
                    if (first != null && !shared) {
                        throw new IllegalArgumentException(first[0] + " and " + place + " are the same run (key "
                                + run.key() + "): it would run once but count twice in the summary's seed statistics;"
                                + " remove one, make them differ, or label both with different \"group\"s to share it");
                    }
                    out.add(run);
                }
            }
        }
        return out;
    }

    /** One entry of {@code runs}: its settings, an optional label for figures, its seeds and where it is in the file. */
    private record Entry(ObjectNode settings, String group, List<Long> seeds, String where) {
    }

    private static List<Entry> entries(List<JsonNode> runs, List<Long> defaultSeeds) {
        List<Entry> list = new ArrayList<>();
        if (runs == null) {
            list.add(new Entry(JsonNodeFactory.instance.objectNode(), null, defaultSeeds, "base"));
            return list;
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("'runs' is empty (allowed: a non-empty array of objects, or no 'runs')");
        }
        for (int i = 0; i < runs.size(); i++) {
            String where = "runs[" + i + "]";
            JsonNode r = runs.get(i);
            if (!r.isObject()) {
                throw new IllegalArgumentException(where + ": " + SpecBinding.abbreviate(r)
                        + " (allowed: an object of settings)");
            }
            ObjectNode settings = r.deepCopy();
            JsonNode group = settings.remove("group");
            if (group != null && !group.isTextual()) {
                throw new IllegalArgumentException(where + ": invalid value for 'group': " + group + " (allowed: a string)");
            }
            JsonNode seeds = settings.remove("seeds");
            if (seeds != null && seeds.isNull()) {
                throw new IllegalArgumentException(where + ": invalid value for 'seeds': null (allowed: a non-empty array"
                        + " of integers, or no 'seeds' for the top level's)");
            }
            List<Long> own = seeds == null ? defaultSeeds
                    : nonEmpty(SpecBinding.bind(seeds, LongList.class, seeds, where + ".seeds"), where + ".seeds");
            list.add(new Entry(settings, group == null ? null : group.asText(), own, where));
        }
        return list;
    }

    /** Seeds bind as a list of integers: no text, fractions, booleans or nulls. */
    static final class LongList extends ArrayList<Long> {
    }

    private static List<Long> nonEmpty(List<Long> seeds, String where) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("'" + where + "' is empty (allowed: a non-empty array of integers)");
        }
        return seeds;
    }

    private static Map<String, ArrayNode> grid(Map<String, JsonNode> grid) {
        Map<String, ArrayNode> axes = new LinkedHashMap<>();
        if (grid == null) {
            return axes;
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("'grid' is empty (allowed: an object of non-empty arrays, or no 'grid')");
        }
        grid.forEach((axis, values) -> {
            if (values == null || !values.isArray() || values.isEmpty()) {
                throw new IllegalArgumentException("invalid value for 'grid." + axis + "': "
                        + (values == null ? "null" : SpecBinding.abbreviate(values))
                        + " (allowed: a non-empty array of values)");
            }
            if (axis.equals("kind") || axis.equals("seed") || axis.equals("group") || axis.equals("seeds")) {
                throw new IllegalArgumentException("'grid." + axis + "' cannot vary in a grid (allowed: settings;"
                        + " give seeds as \"seeds\" and one runs entry per kind)");
            }
            axes.put(axis, (ArrayNode) values);
        });
        return axes;
    }

    private static List<Map<String, JsonNode>> combinations(Map<String, ArrayNode> grid) {
        List<Map<String, JsonNode>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        grid.forEach((axis, values) -> {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> c : combos) {
                for (JsonNode v : values) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(c);
                    m.put(axis, v);
                    next.add(m);
                }
            }
            combos.clear();
            combos.addAll(next);
        });
        return combos;
    }

    private static RunKind<?> kind(ObjectNode entry, ObjectNode base) {
        JsonNode k = entry.has("kind") ? entry.get("kind") : base.get("kind");
        if (k == null) {
            return RunKinds.TRAIN;
        }
        if (k.isTextual()) {
            for (RunKind<?> known : RunKinds.ALL) {
                if (known.name().equals(k.asText())) {
                    return known;
                }
            }
        }
        // Quoted as the file has it: "ep" is a kind, ep and 1 are not JSON strings.
        throw new InvalidSetting("kind", k, RunKinds.names());
    }

    /** Binds one object of the file over the kind's defaults, so a type error or unknown key names where it is. */
    private static void checkSource(RunKind<?> kind, ObjectNode source, String where) {
        if (source.has("seed")) {
            throw new IllegalArgumentException(where + ": unknown key 'seed' (give seeds as \"seeds\": [1, 2, ...])");
        }
        ObjectNode merged = SettingsJson.defaults(kind);
        merged.setAll(source);
        merged.remove("kind");
        SpecBinding.bind(merged, kind.type(), source, where);
    }

    /**
     * A {@code data_dir} must be an existing folder: a missing one would otherwise fail only when its run starts,
     * after the runs before it.
     */
    private static void checkDataDir(ObjectNode merged, String where) {
        JsonNode dir = merged.get("data_dir");
        if (dir != null && dir.isTextual() && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(dir.asText()))) {
            throw new IllegalArgumentException(where + ": invalid value for 'data_dir': " + dir
                    + " (allowed: an existing folder; it is " + (java.nio.file.Files.exists(java.nio.file.Path.of(dir.asText()))
                    ? "a file" : "missing") + ")");
        }
    }

    /** How a value appears in a group label: text without quotes, numbers as Java prints them. */
    static String label(Map<String, JsonNode> settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        settings.forEach((k, v) -> m.put(k, v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean()
                : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble() : v.toString()));
        return m.toString().replace(" ", "");
    }

}

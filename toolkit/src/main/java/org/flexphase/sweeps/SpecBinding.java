package org.flexphase.sweeps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flexphase.runs.SettingsJson;
import org.flexphase.util.InvalidSetting;

/**
 * Binds one part of a spec with the strict mapper and turns Jackson's errors into the spec's wording: where in
 * the file, which key, the value found and what is allowed there (from the record component's type).
 */
final class SpecBinding {
    private SpecBinding() {
    }

    /** Binds {@code node} to {@code type}; {@code source} is the part of the file the error should quote. */
    static <T> T bind(JsonNode node, Class<T> type, JsonNode source, String where) {
        try {
            return SettingsJson.mapper().treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            TreeSet<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
            throw new IllegalArgumentException(where + ": unknown key '" + e.getPropertyName() + "' (known: "
                    + String.join(", ", known) + ")", e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidSetting invalid) {
                // An enum setting's own reader names the key, the value and the labels allowed.
                throw new IllegalArgumentException(where + ": " + invalid.getMessage(), e);
            }
            StringBuilder key = new StringBuilder();
            JsonNode value = source;
            boolean found = true;
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    key.append(key.isEmpty() ? "" : ".").append(ref.getFieldName());
                    value = value == null ? null : value.get(ref.getFieldName());
                    found &= value != null;
                } else if (ref.getIndex() >= 0) {
                    key.append('[').append(ref.getIndex()).append(']');
                    value = value == null ? null : value.get(ref.getIndex());
                    found &= value != null;
                }
            }
            boolean element = !e.getPath().isEmpty() && e.getPath().get(e.getPath().size() - 1).getFieldName() == null;
            String allowed = element ? "an integer" : e.getPath().isEmpty() ? "an array of integers"
                    : allowed(type, e.getPath().get(0).getFieldName());
            throw new IllegalArgumentException(where + ": invalid value for '" + (key.isEmpty() ? where : key) + "': "
                    + (!found ? "missing" : abbreviate(value)) + " (allowed: " + allowed + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** What a record component of {@code type} accepts, from its Java type. */
    static String allowed(Class<?> type, String key) {
        if (type == SweepSpec.LongList.class) {
            return "an array of integers";
        }
        if (type.isRecord() && key != null) {
            for (var c : type.getRecordComponents()) {
                if (snake(c.getName()).equals(key)) {
                    Class<?> t = c.getType();
                    if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
                        return "an integer";
                    }
                    if (t == double.class || t == Double.class) {
                        return "a number";
                    }
                    if (t == boolean.class) {
                        return "true or false";
                    }
                    if (t.isEnum()) {
                        return InvalidSetting.labels(t);
                    }
                    if (t == String.class) {
                        return "a string";
                    }
                    if (List.class.isAssignableFrom(t)) {
                        return key.equals("runs") ? "an array of objects"
                                : key.equals("seeds") || key.equals("hidden") ? "an array of integers" : "an array";
                    }
                    if (JsonNode.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)) {
                        return key.equals("grid") ? "an object of non-empty arrays" : "an object of settings";
                    }
                }
            }
        }
        return "see the spec format";
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    static String abbreviate(JsonNode node) {
        // NaN and Infinity as the file has them (Jackson would quote them: "NaN").
        String s = node.isMissingNode() ? "nothing"
                : node.isNumber() && !Double.isFinite(node.asDouble()) && node.isFloatingPointNumber() ? node.asText()
                : node.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

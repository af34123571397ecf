package org.flexphase.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.flexphase.util.Settings;

/**
 * The strict JSON binding of run settings and sweep specs: unknown keys, duplicate keys, nulls, trailing tokens
 * and every scalar coercion (text to number or boolean, fraction to integer, boolean to number) are errors, so
 * {@code "hidden": 16.9}, {@code "visible_biases": "false"} or {@code "seeds": ["a"]} never become a different run.
 * Only an integer where a number is expected is accepted ({@code "lr": 1} is 1.0). A null setting is left for
 * validation to name (or means "the default location" for {@code data_dir}). Keys are snake_case.
 */
public final class SettingsJson {
    private static final ObjectMapper STRICT = strict();

    private SettingsJson() {
    }

    private static ObjectMapper strict() {
        JsonMapper m = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(EnumLabels.module())
                .build();
        for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            if (t != LogicalType.Float) {
                m.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            }
        }
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return m;
    }

    /** The strict mapper (also the one whose serialisation of settings is hashed into run keys). */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /**
     * {@code settings} as a JSON object, keys sorted, with {@code "kind"} added: what {@code spec.json} shows and the
     * run key hashes.
     */
    public static ObjectNode canonical(Settings settings) {
        ObjectNode node = STRICT.valueToTree(settings);
        node.put("kind", RunKinds.of(settings).name());
        return node;
    }

    /** {@link #canonical} as a map: the {@code config} a summary echoes. */
    public static java.util.Map<String, Object> describe(Settings settings) {
        return STRICT.convertValue(canonical(settings),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
    }

    /** The defaults of {@code kind} as a JSON object without {@code kind}: what a spec's settings are laid over. */
    public static ObjectNode defaults(RunKind<?> kind) {
        return STRICT.valueToTree(kind.defaults());
    }
}

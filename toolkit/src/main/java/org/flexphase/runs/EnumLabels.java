package org.flexphase.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.flexphase.util.InvalidSetting;

/**
 * The Jackson module that writes every enum setting as its lower-case label ({@link InvalidSetting#label}) and reads
 * only that label back, so {@code spec.json}, run keys and specs keep the strings they had before the settings were
 * typed, and the core enums stay free of Jackson. Anything else (another string, a number, an object) is an
 * {@link InvalidSetting} naming the key, the value and the labels joined by {@code " | "}; {@code null} is left for
 * validation to name.
 */
final class EnumLabels {
    private EnumLabels() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("enum-labels");
        m.addSerializer(Enum.class, (JsonSerializer) new JsonSerializer<Enum<?>>() {
            @Override
            public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(InvalidSetting.label(value));
            }
        });
        return new SimpleModule("enum-labels") {
            @Override
            public void setupModule(SetupContext context) {
                m.setupModule(context);
                context.addDeserializers(new Deserializers.Base() {
                    @Override
                    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                                                                    BeanDescription beanDesc) {
                        return new Reader(type.asSubclass(Enum.class));
                    }
                });
            }
        };
    }

    private static final class Reader<E extends Enum<E>> extends JsonDeserializer<E> {
        private final Class<E> type;

        Reader(Class<E> type) {
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String key = p.currentName() == null ? "value" : p.currentName();
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return InvalidSetting.requireLabel(key, p.getText(), type);
            }
            Object found = p.currentToken().isStructStart() ? ctx.readTree(p) : p.getText();
            throw new InvalidSetting(key, found, InvalidSetting.labels(type));
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}

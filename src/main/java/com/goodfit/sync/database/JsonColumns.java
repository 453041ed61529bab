package com.goodfit.sync.database;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and writes the JSON our tables keep in text columns: a record's field values ({@code {"Field": value}}) and a
 * plan row's changes ({@code {"Field": {"from": old, "to": new}}}). Every synced record passes through these several
 * times per run, so they are read and written with Jackson's streaming parser and generator rather than through
 * maps bound by type (several times faster), with the same results: scalars come back as the mapper's untyped
 * binding gives them, and anything else is handed to the mapper.
 */
@Component
public class JsonColumns {

    private final JsonMapper json;

    /** Binds a nested value in place: the parser goes on past it. */
    private final ObjectReader nested;

    private final boolean bigDecimals;

    private final boolean bigIntegers;

    private final boolean longs;

    public JsonColumns(JsonMapper json) {
        this.json = json;
        this.nested = json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.bigDecimals = json.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.bigIntegers = json.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        this.longs = json.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS);
    }

    /**
     * @param values a JSON object of field values, or null
     * @return the values by field, in the object's order (empty for null)
     */
    public Map<String, @Nullable Object> readValues(@Nullable String values) {
        Map<String, @Nullable Object> read = new LinkedHashMap<>();
        if (values == null) {
            return read;
        }
        try (JsonParser parser = this.json.createParser(values)) {
            expect(parser, JsonToken.START_OBJECT, values);
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                parser.nextToken();
                read.put(field, value(parser));
            }
        }
        return read;
    }

    /**
     * @param changes a plan row's changes, or null
     * @return the value each changed field is to take, in the object's order (empty for null)
     */
    public Map<String, @Nullable Object> readNewValues(@Nullable String changes) {
        Map<String, @Nullable Object> read = new LinkedHashMap<>();
        if (changes == null) {
            return read;
        }
        try (JsonParser parser = this.json.createParser(changes)) {
            expect(parser, JsonToken.START_OBJECT, changes);
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                expect(parser, JsonToken.START_OBJECT, changes);
                Object to = null;
                for (String part = parser.nextName(); part != null; part = parser.nextName()) {
                    parser.nextToken();
                    if ("to".equals(part)) {
                        to = value(parser);
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                read.put(field, to);
            }
        }
        return read;
    }

    /** @return the values as a JSON object, in the map's order */
    public String writeValues(Map<String, ? extends @Nullable Object> values) {
        StringWriter out = new StringWriter(32 * values.size() + 2);
        try (JsonGenerator generator = this.json.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, ? extends @Nullable Object> entry : values.entrySet()) {
                generator.writeName(entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    /**
     * Writes changes as {@code {"Field": {"from": old, "to": new}}}.
     * @param changes takes a sink and hands it each change
     * @return the JSON object
     */
    public String writeChanges(Consumer<ChangeSink> changes) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = this.json.createGenerator(out)) {
            generator.writeStartObject();
            changes.accept((field, from, to) -> {
                generator.writeName(field);
                generator.writeStartObject();
                generator.writeName("from");
                write(generator, from);
                generator.writeName("to");
                write(generator, to);
                generator.writeEndObject();
            });
            generator.writeEndObject();
        }
        return out.toString();
    }

    /** Takes one change of a field. */
    @FunctionalInterface
    public interface ChangeSink {

        void change(String field, @Nullable Object from, @Nullable Object to);

    }

    private void write(JsonGenerator generator, @Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        }
        else if (value instanceof String text) {
            generator.writeString(text);
        }
        else if (value instanceof Integer number) {
            generator.writeNumber(number);
        }
        else if (value instanceof Long number) {
            generator.writeNumber(number);
        }
        else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        }
        else {
            this.json.writeValue(generator, value);
        }
    }

    private @Nullable Object value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> this.bigDecimals ? parser.getDecimalValue() : (Object) parser.getDoubleValue();
            default -> this.nested.readValue(parser);
        };
    }

    private Object integer(JsonParser parser) {
        if (this.bigIntegers) {
            return parser.getBigIntegerValue();
        }
        Number number = parser.getNumberValue();
        return (this.longs && number instanceof Integer small) ? (Object) small.longValue() : number;
    }

    private static void expect(JsonParser parser, JsonToken token, String json) {
        if (parser.nextToken() != token) {
            throw new IllegalStateException("Stored JSON is not what the connector wrote (expected " + token
                    + "): " + json);
        }
    }

}

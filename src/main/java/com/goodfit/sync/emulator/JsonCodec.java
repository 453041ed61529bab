package com.goodfit.sync.emulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into plain maps and lists and writes responses, with Jackson 3. Bad JSON becomes the
 * {@code JSON_PARSER_ERROR} Salesforce answers with.
 */
final class JsonCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonCodec() {
    }

    static Object read(byte[] body) {
        try {
            return MAPPER.readValue(body, Object.class);
        }
        catch (JacksonException ex) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", ex.getOriginalMessage());
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

}

package com.goodfit.sync.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request-level error as Salesforce reports it: the first entry of a top-level {@code [{message, errorCode,
 * fields}]} array, or an OAuth {@code {error, error_description}} object.
 *
 * @param errorCode the {@code errorCode} (or OAuth {@code error}), or {@code null} if the body had none
 * @param message the {@code message} (or {@code error_description}), possibly empty
 * @param fields the fields named, possibly empty
 */
record ApiError(@Nullable String errorCode, String message, List<String> fields) {

    ApiError {
        fields = List.copyOf(fields);
    }

    static ApiError parse(byte[] body) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(body);
        }
        catch (JacksonException ex) {
            return new ApiError(null, abbreviate(new String(body, StandardCharsets.UTF_8)),
                    List.of());
        }
        JsonNode first = (root.isArray() && root.size() > 0) ? root.get(0) : root;
        if (first == null || !first.isObject()) {
            return new ApiError(null, "", List.of());
        }
        if (first.has("error")) {
            return new ApiError(text(first, "error"), nonNull(text(first, "error_description")), List.of());
        }
        return new ApiError(text(first, "errorCode"), nonNull(text(first, "message")), strings(first.path("fields")));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode value : array.values()) {
                values.add(value.asString());
            }
        }
        return values;
    }

    static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return (value.isMissingNode() || value.isNull()) ? null : value.asString();
    }

    private static String nonNull(@Nullable String value) {
        return (value != null) ? value : "";
    }

    private static String abbreviate(String text) {
        return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
    }

}

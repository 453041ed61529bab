package com.goodfit.sync.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a resource answers: status, content type, body bytes and any extra headers.
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json;charset=UTF-8";

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, JsonCodec.write(body), new LinkedHashMap<>());
    }

    static ApiResponse csv(int status, String body) {
        return new ApiResponse(status, "text/csv", body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0], new LinkedHashMap<>());
    }

    ApiResponse withHeader(String name, String value) {
        this.headers.put(name, value);
        return this;
    }

}

package com.goodfit.sync.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * One incoming HTTP request, already read: method, decoded path, query parameters, headers and raw body.
 */
record ApiRequest(String method, String path, Map<String, String> params, Headers headers, byte[] body) {

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0) ? pair : pair.substring(0, eq);
            String value = (eq < 0) ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value,
                    StandardCharsets.UTF_8));
        }
        return params;
    }

    String header(String name) {
        return this.headers.getFirst(name);
    }

    String param(String name) {
        return this.params.get(name);
    }

    String bodyText() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

}

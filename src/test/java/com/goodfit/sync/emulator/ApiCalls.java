package com.goodfit.sync.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain JDK HTTP calls against a running emulator for tests, returning status, headers and parsed JSON.
 */
final class ApiCalls {

    static final String V = "/services/data/v60.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final SalesforceEmulator emulator;

    private final String token;

    ApiCalls(SalesforceEmulator emulator) {
        this.emulator = emulator;
        this.token = emulator.credentials().accessToken();
    }

    record Response(int status, Map<String, List<String>> headers, String body) {

        Object json() {
            return JSON.readValue(this.body, Object.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }

        String header(String name) {
            return this.headers.entrySet()
                .stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
        }

    }

    static String q(String soql) {
        return java.net.URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, headers);
    }

    Response post(String path, Object body) {
        return send("POST", path, json(body), "application/json", Map.of());
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json", Map.of());
    }

    Response put(String path, String body, String contentType) {
        return send("PUT", path, body, contentType, Map.of());
    }

    Response delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    Response form(String path, String form) {
        return send("POST", path, form, "application/x-www-form-urlencoded", Map.of("Authorization", ""));
    }

    Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.emulator.url() + path))
            .method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (!headers.containsKey("Authorization")) {
            builder.header("Authorization", "Bearer " + this.token);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}

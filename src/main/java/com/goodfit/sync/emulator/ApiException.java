package com.goodfit.sync.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request-level failure with the HTTP status and body Salesforce would send: normally the top-level error array
 * {@code [{"message","errorCode","fields"}]}, for OAuth the {@code {"error","error_description"}} object.
 */
final class ApiException extends RuntimeException {

    private final int status;

    private final Object body;

    private ApiException(int status, String message, Object body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    static ApiException of(int status, String errorCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        return new ApiException(status, errorCode + ": " + message, List.of(error));
    }

    static ApiException withFields(int status, String errorCode, String message, List<String> fields) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        error.put("fields", fields);
        return new ApiException(status, errorCode + ": " + message, List.of(error));
    }

    static ApiException fromSaveError(int status, SaveError error) {
        return new ApiException(status, error.statusCode() + ": " + error.message(),
                List.of(error.toTopLevelJson()));
    }

    static ApiException oauth(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new ApiException(400, error + ": " + description, body);
    }

    static ApiException notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static ApiException methodNotAllowed(String method) {
        return of(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method
                + "' not allowed. Allowed are GET,HEAD,POST,PATCH,DELETE");
    }

    static ApiException invalidSession() {
        return of(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    int status() {
        return this.status;
    }

    Object body() {
        return this.body;
    }

}

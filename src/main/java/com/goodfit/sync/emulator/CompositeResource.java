package com.goodfit.sync.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;

/**
 * The Composite API ({@code POST /composite}): up to 25 subrequests run in order, later ones referring to earlier
 * results with {@code @{referenceId.path}}. With {@code allOrNone} the first failure rolls everything back. The
 * whole request runs under the org's write lock and counts as one call.
 */
final class CompositeResource {

    static final int MAX_SUBREQUESTS = 25;

    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)\\.([^}]+)}");

    /** Runs one subrequest as the router would, without authentication, counting or limits. */
    interface Dispatcher {

        ApiResponse dispatch(ApiRequest request, String version, List<String> rest, EmulatorControl.CallFault fault);

    }

    private final EmulatorOrg org;

    private final Dispatcher dispatcher;

    private final ApiUsage usage;

    private final EmulatorControl control;

    CompositeResource(EmulatorOrg org, Dispatcher dispatcher, ApiUsage usage, EmulatorControl control) {
        this.org = org;
        this.dispatcher = dispatcher;
        this.usage = usage;
        this.control = control;
    }

    /**
     * Composite Batch ({@code POST /composite/batch}): up to 25 independent subrequests, each counted against the
     * daily limit; with {@code haltOnError} the ones after a failure answer 412 BATCH_PROCESSING_HALTED.
     */
    ApiResponse batch(ApiRequest request, EmulatorControl.CallFault fault) {
        if (!request.method().equals("POST")) {
            throw ApiException.methodNotAllowed(request.method());
        }
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)
                || !(body.get("batchRequests") instanceof List<?> subrequests)) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", "batchRequests is required");
        }
        if (subrequests.isEmpty() || subrequests.size() > MAX_SUBREQUESTS) {
            throw ApiException.of(400, "INVALID_BATCH_REQUEST", "Batch requests need between 1 and "
                    + MAX_SUBREQUESTS + " subrequests");
        }
        boolean haltOnError = Boolean.TRUE.equals(body.get("haltOnError"));
        List<Object> results = new ArrayList<>();
        boolean hasErrors = false;
        for (int i = 0; i < subrequests.size(); i++) {
            Map<?, ?> sub = (subrequests.get(i) instanceof Map<?, ?> map) ? map : Map.of();
            Outcome outcome;
            if (hasErrors && haltOnError) {
                Map<String, Object> halted = new LinkedHashMap<>();
                halted.put("errorCode", "BATCH_PROCESSING_HALTED");
                halted.put("message", "Batch processing halted per request");
                outcome = new Outcome(null, 412, List.of(halted), Map.of());
            }
            else {
                // The batch itself was counted once by the router; each further subrequest counts too.
                if (i > 0) {
                    this.usage.tryUse(this.control.dailyApiLimit());
                }
                String url = String.valueOf(sub.get("url"));
                outcome = execute(null, String.valueOf(sub.get("method")).toUpperCase(),
                        url.startsWith("/services/data/") ? url : "/services/data/" + url, sub.get("richInput"), fault);
            }
            hasErrors |= outcome.status() >= 400;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("statusCode", outcome.status());
            result.put("result", outcome.body());
            results.add(result);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("hasErrors", hasErrors);
        response.put("results", results);
        return ApiResponse.json(200, response);
    }

    private record Outcome(String referenceId, int status, Object body, Map<String, String> headers) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("body", this.body);
            json.put("httpHeaders", this.headers);
            json.put("httpStatusCode", this.status);
            json.put("referenceId", this.referenceId);
            return json;
        }

    }

    ApiResponse handle(ApiRequest request, EmulatorControl.CallFault fault) {
        if (!request.method().equals("POST")) {
            throw ApiException.methodNotAllowed(request.method());
        }
        if (!(JsonCodec.read(request.body()) instanceof Map<?, ?> body)
                || !(body.get("compositeRequest") instanceof List<?> subrequests)) {
            throw ApiException.of(400, "JSON_PARSER_ERROR", "compositeRequest is required");
        }
        if (subrequests.isEmpty() || subrequests.size() > MAX_SUBREQUESTS) {
            throw ApiException.of(400, "INVALID_BATCH_REQUEST", "Composite requests need between 1 and "
                    + MAX_SUBREQUESTS + " subrequests");
        }
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        DmlEngine.Session session = new DmlEngine.Session(fault);
        List<Outcome> outcomes = this.org.write(() -> this.org.dml().within(session,
                () -> run(subrequests, allOrNone, session, fault)));
        List<Object> json = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            json.add(outcome.toJson());
        }
        return ApiResponse.json(200, Map.of("compositeResponse", json));
    }

    private List<Outcome> run(List<?> subrequests, boolean allOrNone, DmlEngine.Session session,
            EmulatorControl.CallFault fault) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Outcome> byReference = new LinkedHashMap<>();
        boolean failed = false;
        for (Object element : subrequests) {
            Map<?, ?> sub = (element instanceof Map<?, ?> map) ? map : Map.of();
            String referenceId = String.valueOf(sub.get("referenceId"));
            if (failed && allOrNone) {
                outcomes.add(error(referenceId, "PROCESSING_HALTED",
                        "The transaction was rolled back since another operation in the same transaction failed."));
                continue;
            }
            Outcome outcome;
            try {
                String url = (String) resolve(String.valueOf(sub.get("url")), byReference);
                Object subBody = resolve(sub.get("body"), byReference);
                outcome = execute(referenceId, String.valueOf(sub.get("method")).toUpperCase(), url, subBody, fault);
            }
            catch (UnresolvedReference ex) {
                outcome = error(referenceId, "PROCESSING_HALTED", ex.getMessage());
            }
            outcomes.add(outcome);
            byReference.put(referenceId, outcome);
            failed |= outcome.status() >= 400;
        }
        if (failed && allOrNone) {
            session.rollback();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).status() < 400) {
                    outcomes.set(i, error(outcomes.get(i).referenceId(), "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                            SaveError.rolledBack().message()));
                }
            }
        }
        return outcomes;
    }

    private Outcome execute(String referenceId, String method, String url, Object body,
            EmulatorControl.CallFault fault) {
        URI uri = URI.create(url);
        String path = uri.getPath();
        if (!path.startsWith("/services/data/v")) {
            return error(referenceId, "NOT_FOUND", "The requested resource does not exist");
        }
        List<String> segments = Arrays.asList(path.substring("/services/data/".length()).split("/"));
        String version = segments.get(0);
        byte[] bytes = (body != null) ? JsonCodec.write(body) : new byte[0];
        ApiRequest request = new ApiRequest(method, path, ApiRequest.parseForm(uri.getRawQuery()), new Headers(),
                bytes);
        ApiResponse response;
        try {
            boolean nestedComposite = segments.size() > 1 && segments.get(1).equals("composite")
                    && (segments.size() == 2 || segments.get(2).equals("batch"));
            if (!OrgInfoResource.isSupported(version) || nestedComposite) {
                throw ApiException.notFound();
            }
            response = this.dispatcher.dispatch(request, version, segments.subList(1, segments.size()), fault);
        }
        catch (ApiException ex) {
            return new Outcome(referenceId, ex.status(), ex.body(), Map.of());
        }
        Object parsed = (response.body().length == 0) ? null
                : (response.contentType() != null && response.contentType().startsWith("application/json"))
                        ? JsonCodec.read(response.body()) : new String(response.body(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.status() == 201 && parsed instanceof Map<?, ?> created && created.get("id") != null) {
            headers.put("Location", path + "/" + created.get("id"));
        }
        return new Outcome(referenceId, response.status(), parsed, headers);
    }

    private static Outcome error(String referenceId, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", code);
        error.put("message", message);
        return new Outcome(referenceId, 400, List.of(error), Map.of());
    }

    /** Replaces {@code @{ref.path}} in strings, recursively through maps and lists. */
    private static Object resolve(Object value, Map<String, Outcome> byReference) {
        if (value instanceof String text) {
            Matcher matcher = REFERENCE.matcher(text);
            if (matcher.matches()) {
                return lookup(matcher.group(1), matcher.group(2), byReference);
            }
            StringBuilder out = new StringBuilder();
            matcher.reset();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(
                        String.valueOf(lookup(matcher.group(1), matcher.group(2), byReference))));
            }
            matcher.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, byReference)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> resolve(v, byReference)).toList();
        }
        return value;
    }

    private static Object lookup(String referenceId, String path, Map<String, Outcome> byReference) {
        Outcome outcome = byReference.get(referenceId);
        if (outcome == null || outcome.status() >= 400) {
            throw new UnresolvedReference("Invalid reference specified. No value for " + referenceId + "." + path
                    + " found in " + referenceId + ".");
        }
        Object current = outcome.body();
        for (String part : path.split("\\.")) {
            Matcher indexed = Pattern.compile("([^\\[]+)\\[(\\d+)]").matcher(part);
            String key = indexed.matches() ? indexed.group(1) : part;
            current = (current instanceof Map<?, ?> map) ? map.get(key) : null;
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(2));
                current = (current instanceof List<?> list && index < list.size()) ? list.get(index) : null;
            }
            if (current == null) {
                throw new UnresolvedReference("Invalid reference specified. No value for " + referenceId + "." + path
                        + " found in " + referenceId + ".");
            }
        }
        return current;
    }

    /** A subrequest refers to a result that failed or lacks the field. */
    private static final class UnresolvedReference extends RuntimeException {

        UnresolvedReference(String message) {
            super(message);
        }

    }

}

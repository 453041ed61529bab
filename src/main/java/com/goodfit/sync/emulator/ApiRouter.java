package com.goodfit.sync.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The single HTTP handler: counts the call, authenticates data calls, enforces the daily and concurrent limits,
 * injects faults and latency, routes to the resource and adds {@code Sforce-Limit-Info}.
 */
final class ApiRouter implements HttpHandler {

    private static final String RECORDS_HEADER = "X-Emulator-Records";

    // Salesforce's limit on URI plus headers is 16,384 bytes; long SOQL IN lists hit it first.
    static final int MAX_URI_LENGTH = 16_384;

    private final Resources resources;

    private final EmulatorControl control;

    private final CallCounts calls;

    private final ApiUsage usage;

    private final TokenStore tokens;

    private final CompositeResource composite;

    /** The resources requests are routed to. */
    record Resources(OAuthEndpoint oauth, SoapLoginEndpoint soapLogin, IdentityEndpoint identity,
            OrgInfoResource orgInfo, SObjectResource sobjects, QueryResource query,
            CollectionsResource collections, BulkIngestResource bulkIngest, BulkQueryResource bulkQuery,
            ToolingResource tooling) {
    }

    ApiRouter(Resources resources, EmulatorOrg org, EmulatorControl control, CallCounts calls, ApiUsage usage,
            TokenStore tokens) {
        this.resources = resources;
        this.control = control;
        this.calls = calls;
        this.usage = usage;
        this.tokens = tokens;
        this.composite = new CompositeResource(org, this::dispatch, usage, control);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = route(read(exchange));
            }
            catch (ApiException ex) {
                response = ApiResponse.json(ex.status(), ex.body());
            }
            catch (RuntimeException ex) {
                // A bug in the emulator: answer like Salesforce's internal error, with the cause for debugging.
                ApiException error = ApiException.of(500, "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred. Please include this ErrorId if you contact support: "
                                + Integer.toHexString(System.identityHashCode(ex)) + " (" + ex + ")");
                response = ApiResponse.json(500, error.body());
            }
            send(exchange, response);
        }
    }

    private static ApiRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        if (uri.getRawPath().length() + ((uri.getRawQuery() != null) ? uri.getRawQuery().length() + 1 : 0)
                > MAX_URI_LENGTH) {
            exchange.getRequestBody().close();
            throw ApiException.of(414, "URI_TOO_LONG", "The request URI is longer than " + MAX_URI_LENGTH
                    + " bytes; chunk long IN lists or send the query in a Composite request body");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(), uri.getPath(),
                ApiRequest.parseForm(uri.getRawQuery()), exchange.getRequestHeaders(), body);
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().remove(RECORDS_HEADER);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), (body.length == 0) ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/services/oauth2/authorize")) {
            this.calls.record("auth");
            return this.resources.oauth().authorize(request);
        }
        if (path.equals("/services/oauth2/token") || path.equals("/services/oauth2/revoke")) {
            this.calls.record("auth");
            return this.resources.oauth().handle(request);
        }
        if (path.startsWith("/services/Soap/u/")) {
            this.calls.record("auth");
            String version = path.substring("/services/Soap/u/".length()).split("/")[0];
            return this.resources.soapLogin().handle(request, version);
        }
        if (path.startsWith("/id/") || path.equals("/services/oauth2/userinfo")) {
            this.calls.record("identity");
            authenticate(request);
            return path.startsWith("/id/") ? this.resources.identity().identity()
                    : this.resources.identity().userInfo();
        }
        if (path.equals("/services/data")) {
            this.calls.record("versions");
            return this.resources.orgInfo().versions();
        }
        if (!path.startsWith("/services/data/v")) {
            this.calls.record("other");
            throw ApiException.notFound();
        }
        List<String> segments = Arrays.asList(path.substring("/services/data/".length()).split("/"));
        String version = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        this.calls.record(kindOf(rest));
        if (!OrgInfoResource.isSupported(version)) {
            throw ApiException.notFound();
        }
        authenticate(request);
        ApiResponse response;
        try {
            response = limitedCall(request, version, rest);
        }
        catch (ApiException ex) {
            response = ApiResponse.json(ex.status(), ex.body());
        }
        return response.withHeader("Sforce-Limit-Info", limitInfo());
    }

    private ApiResponse limitedCall(ApiRequest request, String version, List<String> rest) {
        if (this.usage.enter() > this.control.concurrentLimit()) {
            this.usage.exit();
            throw ApiException.of(403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.");
        }
        try {
            if (!this.usage.tryUse(this.control.dailyApiLimit())) {
                throw ApiException.of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
            sleep(this.control.fixedLatency());
            EmulatorControl.CallFault fault = this.control.nextCallFault();
            if (fault == EmulatorControl.CallFault.UNAVAILABLE) {
                throw ApiException.of(503, "SERVER_UNAVAILABLE", "Server Unavailable");
            }
            ApiResponse response = dispatch(request, version, rest, fault);
            String records = response.headers().get(RECORDS_HEADER);
            if (records != null) {
                sleep(this.control.perRecordLatency().multipliedBy(Long.parseLong(records)));
            }
            return response;
        }
        finally {
            this.usage.exit();
        }
    }

    private String limitInfo() {
        return "api-usage=" + this.usage.used() + "/" + this.control.dailyApiLimit();
    }

    private void authenticate(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            throw ApiException.invalidSession();
        }
        String token = authorization.replaceFirst("(?i)^(Bearer|OAuth)\\s+", "").trim();
        if (!this.tokens.isValid(token)) {
            throw ApiException.invalidSession();
        }
    }

    private static String kindOf(List<String> rest) {
        if (rest.isEmpty()) {
            return "versions";
        }
        String first = rest.get(0);
        return switch (first) {
            case "limits" -> "limits";
            case "query", "queryAll" -> "query";
            case "tooling" -> "tooling";
            case "sobjects" -> (rest.size() <= 1 || (rest.size() == 3 && rest.get(2).equals("describe")))
                    ? "describe" : "sobject";
            case "composite" -> (rest.size() >= 2 && rest.get(1).equals("sobjects")) ? "collections" : "composite";
            case "jobs" -> (rest.size() >= 2 && rest.get(1).equals("query")) ? "bulk-query" : "bulk-ingest";
            default -> "other";
        };
    }

    private ApiResponse dispatch(ApiRequest request, String version, List<String> rest,
            EmulatorControl.CallFault fault) {
        if (rest.isEmpty()) {
            return this.resources.orgInfo().resources(version);
        }
        List<String> tail = rest.subList(1, rest.size());
        switch (rest.get(0)) {
            case "limits":
                return this.resources.orgInfo().limits();
            case "sobjects":
                return this.resources.sobjects().handle(request, tail, version, fault);
            case "query":
            case "queryAll":
                if (!request.method().equals("GET")) {
                    throw ApiException.methodNotAllowed(request.method());
                }
                if (tail.size() == 1) {
                    return this.resources.query().more(tail.get(0), version);
                }
                return this.resources.query().query(request, version, rest.get(0).equals("queryAll"));
            case "composite":
                if (!tail.isEmpty() && tail.get(0).equals("sobjects")) {
                    return this.resources.collections().handle(request, tail.subList(1, tail.size()), version, fault);
                }
                if (tail.isEmpty()) {
                    return this.composite.handle(request, fault);
                }
                if (tail.size() == 1 && tail.get(0).equals("batch")) {
                    return this.composite.batch(request, fault);
                }
                throw ApiException.notFound();
            case "jobs":
                if (!tail.isEmpty() && tail.get(0).equals("ingest")) {
                    return this.resources.bulkIngest().handle(request, tail.subList(1, tail.size()), version);
                }
                if (!tail.isEmpty() && tail.get(0).equals("query")) {
                    return this.resources.bulkQuery().handle(request, tail.subList(1, tail.size()), version);
                }
                throw ApiException.notFound();
            case "tooling":
                return this.resources.tooling().handle(request, tail, version);
            default:
                throw ApiException.notFound();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}

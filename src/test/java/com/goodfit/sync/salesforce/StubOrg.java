package com.goodfit.sync.salesforce;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted HTTP server for client tests that need exact responses: the token endpoint mints numbered tokens, every
 * other request gets the next scripted response (or 200 {@code {}}).
 */
final class StubOrg implements AutoCloseable {

    record Response(int status, String body, String limitInfo) {
    }

    private final HttpServer server;

    private final Deque<Response> script = new ArrayDeque<>();

    private final AtomicInteger tokens = new AtomicInteger();

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    StubOrg() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    synchronized StubOrg then(int status, String body) {
        this.script.add(new Response(status, body, "api-usage=10/15000"));
        return this;
    }

    synchronized StubOrg then(int status, String body, String limitInfo) {
        this.script.add(new Response(status, body, limitInfo));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + auth);
        exchange.getRequestBody().readAllBytes();
        Response response;
        if (exchange.getRequestURI().getPath().equals("/services/oauth2/token")) {
            response = new Response(200, "{\"access_token\":\"tok" + this.tokens.incrementAndGet()
                    + "\",\"instance_url\":\"" + url() + "\",\"token_type\":\"Bearer\"}", "");
        }
        else {
            synchronized (this) {
                response = this.script.isEmpty() ? new Response(200, "{}", "api-usage=10/15000") : this.script.poll();
            }
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!response.limitInfo().isEmpty()) {
            exchange.getResponseHeaders().add("Sforce-Limit-Info", response.limitInfo());
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    int tokensIssued() {
        return this.tokens.get();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

}

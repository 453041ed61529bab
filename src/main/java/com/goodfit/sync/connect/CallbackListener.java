package com.goodfit.sync.connect;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Waits for the browser to come back from Salesforce: an HTTP server on the loopback address only (nothing off this
 * machine can reach it) answering {@value #PATH}, which completes with the callback's parameters. Close it to free
 * the port.
 */
final class CallbackListener implements AutoCloseable {

    static final String PATH = "/OauthRedirect";

    private final HttpServer server;

    private final CompletableFuture<Callback> callback = new CompletableFuture<>();

    private CallbackListener(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening.
     * @param port the port, as registered in the connected app's callback URL; 0 picks a free one
     * @return the listener
     */
    static CallbackListener start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        }
        catch (BindException ex) {
            throw new ConnectFailedException("cannot listen for the OAuth callback on localhost:" + port + " (" + ex
                .getMessage() + "): free the port or choose another with --callback-port, and add "
                    + "http://localhost:<port>" + PATH + " to the connected app's callback URLs");
        }
        catch (IOException ex) {
            throw new ConnectFailedException("cannot listen for the OAuth callback: " + ex.getMessage());
        }
        CallbackListener listener = new CallbackListener(server);
        server.createContext("/", listener::handle);
        server.start();
        return listener;
    }

    /** The redirect URI to register on the connected app and send in the flow. */
    URI redirectUri() {
        return URI.create("http://localhost:" + this.server.getAddress().getPort() + PATH);
    }

    /**
     * Waits for the callback.
     * @param timeout how long to wait
     * @return the callback's parameters
     * @throws TimeoutException when no callback came in time
     * @throws InterruptedException when interrupted while waiting
     */
    Callback await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return this.callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("The callback future is only ever completed normally", ex);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (!uri.getPath().equals(PATH) || this.callback.isDone()) {
                respond(exchange, 404, "Not the OAuth callback of this connect attempt.");
                return;
            }
            Map<String, String> params = UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap();
            Callback received = new Callback(decoded(params.get("code")), decoded(params.get("state")),
                    decoded(params.get("error")), decoded(params.get("error_description")));
            if (received.code() == null && received.error() == null) {
                respond(exchange, 400, "The callback carries neither a code nor an error.");
                return;
            }
            respond(exchange, 200, (received.error() == null)
                    ? "goodfit-sync received the authorisation. You can close this window and return to the terminal."
                    : "Salesforce answered " + received.error() + ". Return to the terminal for details.");
            this.callback.complete(received);
        }
    }

    private static @Nullable String decoded(@Nullable String value) {
        return (value != null) ? java.net.URLDecoder.decode(value, StandardCharsets.UTF_8) : null;
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("<!doctype html><html><body><p>" + message + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    /**
     * What the browser brought back.
     *
     * @param code the authorisation code, on approval
     * @param state the echoed state
     * @param error the OAuth error, e.g. {@code access_denied}
     * @param errorDescription its description
     */
    record Callback(@Nullable String code, @Nullable String state, @Nullable String error,
            @Nullable String errorDescription) {

        @Override
        public String toString() {
            return "Callback[code=" + ((this.code != null) ? "****" : "none") + ", error=" + this.error + "]";
        }

    }

}

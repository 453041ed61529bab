package com.goodfit.sync.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.goodfit.sync.admin.GoodfitCommandLine;
import com.goodfit.sync.support.CommandRun;
import picocli.CommandLine;

/**
 * Runs {@code connect} in the background and plays the user's browser: reads the authorisation URL the command
 * prints, opens it at the emulator (which approves or denies), and follows the redirect to the command's loopback
 * callback, optionally altering it on the way (a forged state, a bad code).
 */
final class BrowserSimulation {

    private static final Pattern AUTHORIZE = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/services/oauth2/authorize\\S+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private final CompletableFuture<Integer> exitCode;

    private BrowserSimulation(GoodfitCommandLine commandLine, String... args) {
        CommandLine cli = commandLine.create();
        cli.setOut(new PrintWriter(this.out, true));
        cli.setErr(new PrintWriter(this.err, true));
        this.exitCode = CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    static BrowserSimulation start(GoodfitCommandLine commandLine, String... args) {
        return new BrowserSimulation(commandLine, args);
    }

    /**
     * Opens the printed authorisation URL and follows the emulator's redirect to the callback.
     * @param callback changes the callback URL before the browser goes there
     * @return the callback page's status
     */
    int approveIn(UnaryOperator<String> callback) throws IOException, InterruptedException {
        URI authorize = URI.create(awaitAuthorizeUrl());
        HttpResponse<String> redirect = this.http.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no redirect from " + authorize + ": " + redirect.body()));
        return this.http.send(HttpRequest.newBuilder(URI.create(callback.apply(location))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    CommandRun finish() {
        int code = this.exitCode.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        return new CommandRun(code, this.out.toString(), this.err.toString());
    }

    private String awaitAuthorizeUrl() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = AUTHORIZE.matcher(this.out.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (this.exitCode.isDone()) {
                throw new IllegalStateException("connect ended before printing a URL: " + this.err);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("connect printed no authorisation URL: " + this.out);
    }

}

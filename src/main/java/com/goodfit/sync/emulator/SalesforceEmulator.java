package com.goodfit.sync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An in-process HTTP server that behaves like a Salesforce org for the API subset the connector uses: OAuth,
 * describe, SOQL, sObject and sObject Collections writes, Bulk API 2.0, Tooling custom fields and limits. It
 * binds 127.0.0.1, serves both as login host and instance URL, and starts in milliseconds. Thread-safe; close it
 * to free the port and threads.
 */
public final class SalesforceEmulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each response can wait for the
        // client's delayed ACK (about 40 ms), which caps throughput. Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;

    private final ExecutorService executor;

    private final URI url;

    private final EmulatorCredentials credentials;

    private final EmulatorControl control;

    private final EmulatorOrg org;

    private final CallCounts calls;

    private final BulkIngestResource bulkIngest;

    private final Path certificatePem;

    private final BulkQueryResource bulkQuery;

    private SalesforceEmulator(EmulatorOptions options) throws IOException {
        this.control = new EmulatorControl(options.seed());
        this.org = new EmulatorOrg(options.withGoodFitIdField(), this.control);
        new OrgSeeder(this.org, options.seed()).seed(options.seedAccounts(), options.seedContacts());
        this.calls = new CallCounts();
        ApiUsage usage = new ApiUsage();
        TokenStore tokens = new TokenStore(this.org.orgId(), this.control);
        this.credentials = new EmulatorCredentials("3MVG9emulator.goodfit.sync.client.id", "EMULATOR-SECRET-0001",
                "integration@goodfit.example", "emulator-password", tokens.newRefreshToken(), tokens::issue);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        if (options.tls()) {
            SelfSignedTls tls = SelfSignedTls.generate();
            HttpsServer https = HttpsServer.create(address, 256);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
            this.server = https;
            this.certificatePem = tls.certificatePem();
        }
        else {
            this.server = HttpServer.create(address, 256);
            this.certificatePem = null;
        }
        this.url = URI.create((options.tls() ? "https" : "http") + "://127.0.0.1:"
                + this.server.getAddress().getPort());
        this.executor = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        QueryResource query = new QueryResource(this.org);
        this.bulkIngest = new BulkIngestResource(this.org, this.control, usage);
        this.bulkQuery = new BulkQueryResource(this.org, query, this.control, usage);
        ApiRouter.Resources resources = new ApiRouter.Resources(
                new OAuthEndpoint(this.credentials, tokens, this.control, this.org, this.url),
                new SoapLoginEndpoint(this.credentials, tokens, this.org, this.url),
                new IdentityEndpoint(this.credentials, this.org, this.url),
                new OrgInfoResource(this.control, usage), new SObjectResource(this.org), query,
                new CollectionsResource(this.org), this.bulkIngest, this.bulkQuery, new ToolingResource(this.org));
        this.server.createContext("/", new ApiRouter(resources, this.org, this.control, this.calls, usage, tokens));
        this.server.setExecutor(this.executor);
        this.server.start();
    }

    /** Starts an emulator; with port 0 it picks a free port. */
    public static SalesforceEmulator start(EmulatorOptions options) {
        try {
            return new SalesforceEmulator(options);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the Salesforce emulator on port " + options.port(), ex);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:PORT}: login host and instance URL at once. */
    public URI url() {
        return this.url;
    }

    /** The credentials the emulator accepts. */
    public EmulatorCredentials credentials() {
        return this.credentials;
    }

    /** Fault injection and org rules. */
    public EmulatorControl control() {
        return this.control;
    }

    /** Direct access to the org's records and schema. */
    public EmulatorOrg org() {
        return this.org;
    }

    /** The PEM certificate clients can trust when started with TLS, or null for plain HTTP. */
    public Path certificatePem() {
        return this.certificatePem;
    }

    /** Calls received so far by endpoint kind. */
    public CallCounts calls() {
        return this.calls;
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
        this.bulkIngest.close();
        this.bulkQuery.close();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sf-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}

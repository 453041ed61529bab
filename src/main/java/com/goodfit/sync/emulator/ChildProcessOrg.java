package com.goodfit.sync.emulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.goodfit.sync.jobs.LocalOrg;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.salesforce.OAuthGrant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator in a JVM of its own, started from the same jar, so a benchmark measures the sync's heap without the
 * org's records in it. Seeding goes through sObject Collections like any client's would; its CreatedDate is the
 * time of seeding.
 */
final class ChildProcessOrg implements LocalOrg {

    private static final Pattern CREDENTIAL = Pattern.compile("^\\s+(\\w+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    private static final String VERSION = "/services/data/v62.0";

    private final Process process;

    /** What the org process printed: removed when it is closed still running, kept if it died on its own. */
    private final Path output;

    private final URI url;

    private final Map<String, String> credentials;

    private final LocalOrgs localOrgs;

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    private ChildProcessOrg(Process process, Path output, URI url, Map<String, String> credentials,
            LocalOrgs localOrgs) {
        this.process = process;
        this.output = output;
        this.url = url;
        this.credentials = credentials;
        this.localOrgs = localOrgs;
    }

    static ChildProcessOrg start(int latencyMs, LocalOrgs localOrgs) throws IOException, InterruptedException {
        String jar = System.getProperty("java.class.path");
        if (jar == null || !jar.endsWith(".jar") || jar.contains(java.io.File.pathSeparator)) {
            throw new IllegalStateException("a separate org process needs the application run as 'java -jar "
                    + "goodfit-sync.jar', not from '" + jar + "'");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path output = Files.createTempFile("goodfit-org", ".log");
        // About a kilobyte a record: 6 GB holds the 4 million records of the largest documented benchmark (1,000,000
        // companies, 3,000,000 contacts) once synced.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-jar", jar, "emulator", "--port", Integer.toString(port), "--accounts", "0",
                "--latency-ms", Integer.toString(latencyMs))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String printed = "";
        while (!printed.contains("refresh_token")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the org process did not start; its output is in " + output);
            }
            Thread.sleep(100);
            printed = Files.readString(output, StandardCharsets.UTF_8);
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        Matcher matcher = CREDENTIAL.matcher(printed);
        while (matcher.find()) {
            credentials.put(matcher.group(1), matcher.group(2));
        }
        ChildProcessOrg org = new ChildProcessOrg(process, output, URI.create(credentials.get("instance_url")), credentials,
                localOrgs);
        localOrgs.register(org.url, org.grant());
        return org;
    }

    @Override
    public URI url() {
        return this.url;
    }

    @Override
    public OAuthGrant grant() {
        return new OAuthGrant.RefreshToken(this.credentials.get("client_id"), this.credentials.get("client_secret"),
                this.credentials.get("refresh_token"));
    }

    @Override
    public String insert(String sobject, Map<String, Object> fields, Instant createdDate) {
        return insertAll(sobject, List.of(fields)).get(0);
    }

    @Override
    public List<String> insertAll(String sobject, List<Map<String, Object>> records) {
        List<String> ids = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += 200) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Map<String, Object> record : records.subList(from, Math.min(records.size(), from + 200))) {
                Map<String, Object> body = new LinkedHashMap<>(record);
                body.put("attributes", Map.of("type", sobject));
                batch.add(body);
            }
            String response = send("POST", VERSION + "/composite/sobjects",
                    this.json.writeValueAsString(Map.of("allOrNone", true, "records", batch)));
            for (Object result : this.json.readValue(response, List.class)) {
                ids.add(String.valueOf(((Map<?, ?>) result).get("id")));
            }
        }
        return ids;
    }

    @Override
    public List<Map<String, Object>> all(String sobject) {
        throw new UnsupportedOperationException("a separate org process is only seeded and counted");
    }

    @Override
    public long count(String sobject) {
        String response = send("GET", VERSION + "/query?q=SELECT+COUNT()+FROM+" + sobject, null);
        return ((Number) this.json.readValue(response, Map.class).get("totalSize")).longValue();
    }

    @Override
    public Map<String, Long> calls() {
        return Map.of();
    }

    @Override
    public void latency(Duration perCall) {
        // Fixed when the process starts (--latency-ms).
    }

    @Override
    public void close() {
        this.localOrgs.clear();
        boolean running = this.process.isAlive();
        this.process.destroy();
        if (running) {
            try {
                if (this.process.waitFor(30, TimeUnit.SECONDS)) {
                    Files.deleteIfExists(this.output);
                }
            }
            catch (IOException ex) {
                // Only a leftover log file in the temporary folder.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(this.url.resolve(path))
            .header("Authorization", "Bearer " + this.credentials.get("access_token"))
            .header("Content-Type", "application/json");
        request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
                : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("the org process answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("the org process cannot be reached: " + ex.getMessage()
                    + (this.process.isAlive() ? "" : "; it has ended, its output is in " + this.output), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the org process", ex);
        }
    }

}

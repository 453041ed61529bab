package com.goodfit.sync.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.support.EmulatorOrgExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin HTTP API as {@code serve} runs it: a real web server on a random port, PostgreSQL and the emulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "goodfit.admin.token=" + AdminApiIT.TOKEN,
                "goodfit.admin.jobs-dir=src/test/resources/jobs" })
@ActiveProfiles("it")
class AdminApiIT {

    static final String TOKEN = "it-token-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    SalesforceEmulator emulator;

    @BeforeEach
    void data() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        for (long id = 1; id <= 6; id++) {
            this.jdbc.update("INSERT INTO companies (id, name, domain, country, employees) VALUES (?, ?, ?, ?, ?)",
                    id, "Company " + id, (id == 3) ? "n/a" : "company" + id + ".com", (id % 2 == 0) ? "France" : "Spain",
                    id * 10);
        }
        this.emulator = EmulatorOrgExtension.start(this.localOrgs);
    }

    @AfterEach
    void stopOrg() {
        this.localOrgs.clear();
        this.emulator.close();
    }

    @Test
    void everyPathAnswers401WithoutTheRightToken() throws Exception {
        for (String path : List.of("/api/jobs", "/api/executions", "/api/executions/1/errors", "/actuator/health",
                "/actuator/metrics", "/v3/api-docs", "/swagger-ui.html", "/nothing-here")) {
            assertThat(send(get(path).build()).statusCode()).as(path).isEqualTo(401);
            assertThat(send(get(path).header("Authorization", "Bearer wrong").build()).statusCode()).as(path)
                .isEqualTo(401);
            assertThat(send(get(path).header("Authorization", TOKEN).build()).statusCode()).as("no scheme: " + path)
                .isEqualTo(401);
        }
        HttpResponse<String> post = send(post("/api/runs", "{\"job\":\"accounts-it\"}", false));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.body()).contains("missing or wrong bearer token");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM companies", Long.class)).isEqualTo(6);
    }

    @Test
    void listsJobsServesOpenApiAndHealth() throws Exception {
        JsonNode jobs = body(send(get("/api/jobs").header("Authorization", "Bearer " + TOKEN).build()), 200);
        assertThat(jobs.get(0).get("name").asString()).isEqualTo("accounts-it");
        assertThat(jobs.get(0).get("valid").asBoolean()).isTrue();

        JsonNode openApi = body(send(authorized("/v3/api-docs")), 200);
        assertThat(openApi.get("paths").propertyNames()).contains("/api/runs", "/api/executions",
                "/api/executions/{id}/outcomes", "/api/executions/{id}/errors", "/api/executions/{id}/stop",
                "/api/executions/{id}/restart", "/api/jobs");
        assertThat(openApi.get("info").get("title").asString()).isEqualTo("goodfit-sync admin API");

        assertThat(body(send(authorized("/actuator/health")), 200).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void launchesAFilteredRunAndShowsItsProgressOutcomesErrorsAndMetrics() throws Exception {
        JsonNode launched = body(send(post("/api/runs",
                "{\"job\":\"accounts-it\",\"filter\":\"country = 'Spain'\",\"limit\":2}", true)), 202);
        long id = launched.get("executionId").asLong();

        JsonNode execution = awaitStatus(id, "COMPLETED");

        assertThat(execution.get("parameters").get("filter").asString()).isEqualTo("country = 'Spain'");
        assertThat(execution.get("parameters").get("limit").asString()).isEqualTo("2");
        assertThat(execution.get("progress").get("planned").asLong()).isEqualTo(2);
        assertThat(execution.get("progress").get("applied").asLong()).isEqualTo(1);
        JsonNode outcomes = body(send(authorized("/api/executions/" + id + "/outcomes")), 200);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).get("sourceId").asLong()).isEqualTo(1);
        assertThat(outcomes.get(0).get("outcome").asString()).isEqualTo("created");
        JsonNode skipped = body(send(authorized("/api/executions/" + id + "/outcomes?outcome=skipped")), 200);
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("code").asString()).isEqualTo("INVALID_DOMAIN");
        JsonNode errors = body(send(authorized("/api/executions/" + id + "/errors")), 200);
        assertThat(errors.get(0).get("code").asString()).isEqualTo("INVALID_DOMAIN");
        assertThat(errors.get(0).get("advice").asString()).contains("registrable domain");
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
        JsonNode list = body(send(authorized("/api/executions?job=accounts-it&limit=5")), 200);
        assertThat(list.get(0).get("executionId").asLong()).isEqualTo(id);

        JsonNode records = awaitMetric("goodfit.records");
        assertThat(records.get("availableTags").toString()).contains("outcome").contains("created");
        assertThat(awaitMetric("goodfit.api.calls").get("measurements").get(0).get("value").asDouble())
            .isPositive();
    }

    @Test
    void badInputAnswers400NamingTheProblem() throws Exception {
        assertError(post("/api/runs", "{\"job\":\"nope\"}", true), 400, "unknown job 'nope'; the jobs are: accounts-it");
        assertError(post("/api/runs", "{}", true), 400, "'job' is required");
        assertError(post("/api/runs", "{\"job\":\"accounts-it\",\"filter\":\"country = \"}", true), 400,
                "invalid filter at column 11: expected a value");
        assertError(post("/api/runs", "{\"job\":\"accounts-it\",\"filter\":\"x = 1\"}", true), 400,
                "unknown field 'x'; the fields you can filter on are: annual_revenue");
        assertError(post("/api/runs", "{\"job\":\"accounts-it\",\"ids\":[\"one\"]}", true), 400, "bad request body");
        assertError(post("/api/runs", "{\"job\":\"accounts-it\",\"limit\":0}", true), 400,
                "limit must be at least 1");
        assertError(post("/api/runs", "{\"job\":", true), 400, "bad request body");
        assertError(post("/api/runs", "{\"job\":\"../../etc/passwd\"}", true), 400, "unknown job");
        long id = body(send(post("/api/runs", "{\"job\":\"accounts-it\",\"dryRun\":true}", true)), 202)
            .get("executionId").asLong();
        awaitStatus(id, "COMPLETED");
        assertError(authorized("/api/executions/" + id + "/outcomes?outcome=exploded"), 400,
                "unknown outcome 'exploded'");
        assertError(authorized("/api/executions/abc"), 400, "'id' must be a long, was 'abc'");
        assertError(authorized("/api/executions/987654321"), 404, "no job execution with id 987654321");
        assertError(post("/api/executions/987654321/stop", "", true), 404, "no job execution with id 987654321");
        assertError(authorized("/api/executions?limit=0"), 400, "'limit' must be between 1 and 500");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'nope'",
                Long.class)).isZero();
    }

    @Test
    void stopsARunningExecutionRefusesASecondRunAndRestartsIt() throws Exception {
        this.emulator.control().latency(Duration.ofMillis(1500), Duration.ZERO);
        long id = body(send(post("/api/runs", "{\"job\":\"accounts-it\"}", true)), 202).get("executionId").asLong();

        assertError(post("/api/runs", "{\"job\":\"accounts-it\",\"dryRun\":true}", true), 409,
                "job 'accounts-it' is already running");
        JsonNode stop = body(send(post("/api/executions/" + id + "/stop", "", true)), 202);
        assertThat(stop.get("status").asString()).isIn("STOPPING", "STOPPED");
        awaitStatus(id, "STOPPED");
        assertError(post("/api/executions/" + id + "/stop", "", true), 400, "only a running execution can be stopped");

        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);
        long restarted = awaitLaunch("/api/executions/" + id + "/restart");
        awaitStatus(restarted, "COMPLETED");
        assertThat(this.emulator.org().count("Account")).isEqualTo(5);
        assertError(post("/api/executions/" + restarted + "/restart", "", true), 400, "is COMPLETED");
    }

    private long awaitLaunch(String path) throws Exception {
        // The lock of the stopped run is released just after its thread ends.
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = send(post(path, "", true));
            if (response.statusCode() == 202) {
                return this.json.readTree(response.body()).get("executionId").asLong();
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            Thread.sleep(100);
        }
        throw new AssertionError("the job stayed locked");
    }

    private JsonNode awaitStatus(long id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode execution = body(send(authorized("/api/executions/" + id)), 200);
            if (execution.get("status").asString().equals(status) || System.nanoTime() > deadline) {
                assertThat(execution.get("status").asString()).isEqualTo(status);
                return execution;
            }
            Thread.sleep(200);
        }
    }

    private JsonNode awaitMetric(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HttpResponse<String> response = send(authorized("/actuator/metrics/" + name));
            if (response.statusCode() == 200 || System.nanoTime() > deadline) {
                return body(response, 200);
            }
            Thread.sleep(100);
        }
    }

    private void assertError(HttpRequest request, int status, String message) throws Exception {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(request.uri() + " " + response.body()).isEqualTo(status);
        assertThat(this.json.readTree(response.body()).get("error").asString()).as(request.uri().toString())
            .contains(message);
    }

    private JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return this.json.readTree(response.body());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
    }

    private HttpRequest authorized(String path) {
        return get(path).header("Authorization", "Bearer " + TOKEN).build();
    }

    private HttpRequest post(String path, String body, boolean withToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}

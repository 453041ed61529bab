package com.goodfit.sync.admin;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} as operators run it: the packaged jar in a process of its own, its schedule starting a run, then
 * SIGTERM, after which the run must end STOPPED (restartable) and the process exit within the grace period.
 */
@PostgresIntegrationTest
class ServeProcessIT {

    private static final String TOKEN = "serve-it-token-0123456789";

    private static final Pattern PORT = Pattern.compile("admin API on port (\\d+)");

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @TempDir
    Path jobsDir;

    private Process child;

    private SalesforceEmulator emulator;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (this.child != null && this.child.isAlive()) {
            this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (this.emulator != null) {
            this.emulator.close();
        }
    }

    @Test
    void sigtermStopsTheScheduledRunCleanly() throws Exception {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("INSERT INTO companies (id, name, domain) VALUES (1, 'Acme', 'acme.com')");
        long before = this.jdbc.queryForObject("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION",
                Long.class);
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults());
        this.emulator.control().latency(Duration.ofMillis(1500), Duration.ZERO);
        Files.writeString(this.jobsDir.resolve("serve-it.yml"), """
                schedule: "*/2 * * * * *"
                salesforce: { environment: emulator }
                accounts:
                  mappings:
                    - source: name
                      targets: [ Name ]
                    - source: domain
                      targets: [ Website ]
                """);
        Path log = Path.of("target/serve-it-child.log");
        this.child = startServe(log);

        int port = awaitPort(log);
        HttpResponse<String> health = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        long execution = awaitRunning(before);

        this.child.destroy();

        assertThat(this.child.waitFor(60, TimeUnit.SECONDS)).as("serve exits within the grace period").isTrue();
        List<String> statuses = this.jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION "
                + "WHERE JOB_EXECUTION_ID > ? ORDER BY JOB_EXECUTION_ID", String.class, before);
        assertThat(statuses).isNotEmpty().doesNotContain("STARTING", "STARTED", "STOPPING");
        assertThat(this.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                String.class, execution)).isEqualTo("STOPPED");
        assertThat(Files.readString(log)).contains("Stopping execution " + execution).doesNotContain(" ERROR ");
    }

    private Process startServe(Path log) throws Exception {
        File jar = new File("target/goodfit-sync.jar");
        assertThat(jar).as("the packaged jar (mvn verify builds it before integration tests)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.getPath(), "serve");
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", this.databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        env.put("SERVER_PORT", "0");
        env.put("GOODFIT_ADMIN_TOKEN", TOKEN);
        env.put("GOODFIT_ADMIN_JOBS_DIR", this.jobsDir.toString());
        env.put("GOODFIT_SHUTDOWN_GRACE_PERIOD", "40s");
        env.put("GOODFIT_EMULATOR_URL", this.emulator.url().toString());
        env.put("GOODFIT_SERVE_IT_CLIENT_ID", this.emulator.credentials().clientId());
        env.put("GOODFIT_SERVE_IT_CLIENT_SECRET", this.emulator.credentials().clientSecret());
        env.put("GOODFIT_SERVE_IT_REFRESH_TOKEN", this.emulator.credentials().refreshToken());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private int awaitPort(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            Matcher matcher = PORT.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(this.child.isAlive()).as("serve ended early; see target/serve-it-child.log").isTrue();
            assertThat(System.nanoTime()).as("serve did not start in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long awaitRunning(long before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<Long> running = this.jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e "
                    + "JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                    + "WHERE e.JOB_EXECUTION_ID > ? AND e.STATUS = 'STARTED'", Long.class, before);
            if (!running.isEmpty()) {
                return running.get(0);
            }
            assertThat(this.child.isAlive()).as("serve ended early; see target/serve-it-child.log").isTrue();
            assertThat(System.nanoTime()).as("no scheduled run started in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

}

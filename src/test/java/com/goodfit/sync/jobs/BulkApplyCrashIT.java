package com.goodfit.sync.jobs;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real separate JVM ({@code kill -9}) applying Accounts through Bulk API 2.0 at each point of a job's life
 * (before its upload is in, after the upload but before it is known closed, while Salesforce processes it, while
 * its results are read), restarts the run, and checks that the org ends exactly as after an uninterrupted run: no
 * duplicate record, no lost outcome, and a job that reached {@code UploadComplete} is resumed, never sent again.
 * The emulator's latency and processing delay hold the child at each point.
 */
@PostgresIntegrationTest
class BulkApplyCrashIT extends SyncITSupport {

    private static final int EXISTING = 300;

    private static final int COMPANIES = 3_000;

    private static final String JOB = """
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
                - source: employees
                  targets: [ NumberOfEmployees ]
            apply: { api: bulk }
            """;

    @Autowired
    JobRepository jobRepository;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Test
    void killedBeforeItsUploadIsInTheJobIsAbortedAndItsRecordsSentInANewJob() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        this.emulator.control().latency(Duration.ofSeconds(2), Duration.ZERO);
        Process child = startSyncProcess("before-upload");
        // The upload request has arrived and waits out the latency: the job is recorded and still Open.
        waitFor(child, () -> createJobs("open") == 1 && this.emulator.calls().get("bulk-ingest") >= 2);
        kill(child);
        assertThat(this.emulator.org().count("Account")).as("nothing processed before the crash").isEqualTo(EXISTING);

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).containsExactly("aborted", "settled");
    }

    @Test
    void killedAfterTheUploadButBeforeTheCloseWasRecordedTheJobIsResumed() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        this.emulator.control().latency(Duration.ofSeconds(2), Duration.ZERO);
        Process child = startSyncProcess("after-upload");
        // Create, upload and now the close request: it is in, the child never learns its answer.
        waitFor(child, () -> createJobs("open") == 1 && this.emulator.calls().get("bulk-ingest") >= 3);
        kill(child);
        // The emulator still answers the close the dead child sent.
        Thread.sleep(2_500);

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).as("the closed job is resumed, not sent again").containsExactly("settled");
    }

    @Test
    void killedWhileSalesforceProcessesTheJobIsPolledAgainAndItsResultsRead() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        this.emulator.control().bulkProcessingDelay(Duration.ofSeconds(4));
        Process child = startSyncProcess("processing");
        waitFor(child, () -> createJobs("closed") == 1);
        kill(child);
        assertThat(this.emulator.org().count("Account")).as("still processing at the crash").isEqualTo(EXISTING);

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).containsExactly("settled");
    }

    @Test
    void killedWhileReadingResultsTheResultsAreReadAgain() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        // Reading the 3,000 results takes 6 s.
        this.emulator.control().latency(Duration.ZERO, Duration.ofMillis(2));
        Process child = startSyncProcess("results");
        Path log = Path.of("target/bulk-crash-results.log");
        waitFor(child, () -> createJobs("closed") == 1 && contains(log, "reading its results"));
        kill(child);
        assertThat(this.emulator.org().count("Account")).isEqualTo(COMPANIES);
        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).containsExactly("settled");
    }

    private Map<String, List<Object>> prepare() throws Exception {
        companies(COMPANIES);
        Map<String, List<Object>> uninterrupted;
        try (SalesforceEmulator reference = EmulatorOrgExtension.start(this.localOrgs)) {
            seedExistingAccounts(reference);
            SyncLauncher.Launch launch = this.launcher.run(job("reference", JOB), LaunchOptions.fullSync());
            assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = orgSnapshot(reference);
        }
        finally {
            EmulatorOrgExtension.register(this.localOrgs, this.emulator);
        }
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        this.jdbc.update("DELETE FROM sync_bulk_job");
        seedExistingAccounts(this.emulator);
        return uninterrupted;
    }

    private JobExecution restartAndCheck(Map<String, List<Object>> uninterrupted) throws Exception {
        this.emulator.control().latency(Duration.ZERO, Duration.ZERO).bulkProcessingDelay(Duration.ofMillis(50));
        JobExecution crashed = this.jobRepository.getLastJobExecution("crash",
                this.jobRepository.getLastJobExecution(this.jobRepository.getLastJobInstance("crash"))
                    .getJobParameters());
        assertThat(crashed.getStatus()).as("a killed JVM leaves its execution marked running")
            .isEqualTo(BatchStatus.STARTED);

        SyncLauncher.Launch restarted = this.launcher.restart(crashed.getId(), true);

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(orgSnapshot(this.emulator)).isEqualTo(uninterrupted);
        assertThat(outcomes(restarted)).hasSize(COMPANIES)
            .allSatisfy(row -> assertThat(row.get(1)).isIn("created", "updated"));
        assertThat(outcomes(restarted)).filteredOn(row -> row.get(1).equals("updated")).hasSize(EXISTING);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_link WHERE job_name = 'crash'", Long.class))
            .isEqualTo(COMPANIES);
        return crashed;
    }

    private long createJobs(String state) {
        Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_bulk_job WHERE operation = 'create' "
                + "AND state = ? AND job_instance_id = (SELECT MAX(job_instance_id) FROM sync_bulk_job)", Long.class,
                state);
        return (count != null) ? count : 0;
    }

    private List<String> createJobStates(JobExecution crashed) {
        return this.jdbc.queryForList("SELECT state FROM sync_bulk_job WHERE operation = 'create' "
                + "AND job_instance_id = ? ORDER BY id", String.class, crashed.getJobInstance().getInstanceId());
    }

    private static void seedExistingAccounts(SalesforceEmulator org) {
        for (int i = 1; i <= EXISTING; i++) {
            org.org().insert("Account", Map.of("Name", "Existing " + i, "Website", "company" + i + ".com"),
                    Instant.parse("2020-01-01T00:00:00Z"));
        }
    }

    /** Every Account by external id, with the values the sync writes; fails on a duplicate external id. */
    private static Map<String, List<Object>> orgSnapshot(SalesforceEmulator org) {
        Map<String, List<Object>> snapshot = new TreeMap<>();
        for (Map<String, Object> account : org.org().all("Account")) {
            Object externalId = account.get("GoodFit_ID__c");
            assertThat(externalId).as("every Account carries its company's external id").isNotNull();
            List<Object> previous = snapshot.put(externalId.toString(), Arrays.asList(account.get("Name"),
                    account.get("Website"), ((Number) account.get("NumberOfEmployees")).longValue()));
            assertThat(previous).as("duplicate Account for " + externalId).isNull();
        }
        assertThat(snapshot).hasSize(COMPANIES);
        return snapshot;
    }

    private Process startSyncProcess(String point) throws Exception {
        Path job = job("crash", JOB);
        File jar = new File("target/goodfit-sync.jar");
        assertThat(jar).as("the packaged jar (mvn verify builds it before integration tests)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getPath(), "run", job.toString());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", this.databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", this.databaseUser);
        env.put("GOODFIT_EMULATOR_URL", this.emulator.url().toString());
        env.put("GOODFIT_CRASH_CLIENT_ID", this.emulator.credentials().clientId());
        env.put("GOODFIT_CRASH_CLIENT_SECRET", this.emulator.credentials().clientSecret());
        env.put("GOODFIT_CRASH_REFRESH_TOKEN", this.emulator.credentials().refreshToken());
        // Poll quickly, as the tests' own runs do.
        env.put("GOODFIT_SALESFORCE_BULK_POLL_INITIAL_DELAY", "100ms");
        env.put("GOODFIT_SALESFORCE_BULK_POLL_MAX_DELAY", "500ms");
        builder.redirectErrorStream(true).redirectOutput(new File("target/bulk-crash-" + point + ".log"));
        return builder.start();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Process child, BooleanSupplier point) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!point.getAsBoolean()) {
            assertThat(child.isAlive()).as("the sync process ended early; see target/bulk-crash-*.log").isTrue();
            assertThat(System.nanoTime()).as("the crash point was not reached in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static boolean contains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        }
        catch (java.io.IOException ex) {
            return false;
        }
    }

}

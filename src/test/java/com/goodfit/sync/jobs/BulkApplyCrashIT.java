package com.goodfit.sync.jobs;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real separate JVM ({@code kill -9}) applying Accounts through Bulk API 2.0 at each point of a job's life
 * (before its upload is in, after the upload but before it is known closed, while Salesforce processes it, while
 * its results are read, once the next job is uploaded but before the ended one is settled), restarts the run, and
 * checks that the org ends exactly as after an uninterrupted run: no duplicate record, no lost outcome, and a job
 * that reached {@code UploadComplete} is resumed, never sent again. The emulator's latency and processing delay
 * hold the child at each point.
 */
@PostgresIntegrationTest
class BulkApplyCrashIT extends CrashITSupport {

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

    @Test
    void killedWhileOneJobIsRecordedAndTheNextIsInFlightBothAreResumed() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        // Every call waits 300 ms, so that the child is caught with jobs at several stages at once.
        this.emulator.control().latency(Duration.ofMillis(300), Duration.ZERO);
        // A 20 KB upload limit splits the 2,700 creates into about ten jobs, pipelined.
        Process child = startSyncProcess("pipelined", "20KB");
        waitFor(child, () -> createJobs("settled") >= 2);
        kill(child);
        assertThat(createJobs("open") + createJobs("closed")).as("a job in flight at the crash").isPositive();

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).as("several jobs, every one settled or aborted and sent again")
            .hasSizeGreaterThan(3)
            .allSatisfy(state -> assertThat(state).isIn("settled", "aborted"));
    }

    @Test
    void killedOnceTheNextJobIsUploadedButBeforeTheEndedJobIsSettledBothAreResumed() throws Exception {
        Map<String, List<Object>> uninterrupted = prepare();
        // Every call waits 300 ms: reading the first job's results, which comes after the second job's upload, takes
        // at least two calls, so the child is caught with both jobs closed and neither settled.
        this.emulator.control().latency(Duration.ofMillis(300), Duration.ZERO);
        // A 100 KB upload limit splits the 2,700 creates into two jobs.
        Process child = startSyncProcess("next-uploaded", "100KB");
        waitFor(child, () -> createJobs("closed") == 2);
        kill(child);
        assertThat(createJobs("settled")).as("no job settled at the crash").isZero();

        JobExecution crashed = restartAndCheck(uninterrupted);

        assertThat(createJobStates(crashed)).as("both resumed, neither sent again").containsExactly("settled",
                "settled");
    }

    private Map<String, List<Object>> prepare() throws Exception {
        companies(COMPANIES);
        Map<String, List<Object>> uninterrupted;
        try (SalesforceEmulator reference = EmulatorOrgExtension.start(this.localOrgs)) {
            seedExistingAccounts(reference, EXISTING);
            SyncLauncher.Launch launch = this.launcher.run(job("reference", JOB), LaunchOptions.fullSync());
            assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = accountSnapshot(reference, COMPANIES);
        }
        finally {
            EmulatorOrgExtension.register(this.localOrgs, this.emulator);
        }
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        this.jdbc.update("DELETE FROM sync_bulk_job");
        seedExistingAccounts(this.emulator, EXISTING);
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
        assertThat(accountSnapshot(this.emulator, COMPANIES)).isEqualTo(uninterrupted);
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

    private Process startSyncProcess(String point) throws Exception {
        return startSyncProcess(point, null);
    }

    /** @param maxUploadSize the upload limit, which splits the creates into several jobs; null for the default */
    private Process startSyncProcess(String point, @Nullable String maxUploadSize) throws Exception {
        // Poll quickly, as the tests' own runs do.
        Map<String, String> settings = new HashMap<>(Map.of("GOODFIT_SALESFORCE_BULK_POLL_INITIAL_DELAY", "100ms",
                "GOODFIT_SALESFORCE_BULK_POLL_MAX_DELAY", "500ms"));
        if (maxUploadSize != null) {
            settings.put("GOODFIT_SALESFORCE_BULK_MAX_UPLOAD_SIZE", maxUploadSize);
        }
        return startSyncProcess(job("crash", JOB), log(point), settings);
    }

    private static File log(String point) {
        return new File("target/bulk-crash-" + point + ".log");
    }

    private static void waitFor(Process child, BooleanSupplier point) throws InterruptedException {
        waitFor(child, point, 120, new File("target/bulk-crash-*.log"));
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

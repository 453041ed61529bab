package com.goodfit.sync.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.source.filter.CompanySelection;
import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations commands end to end on PostgreSQL and the emulator: filtered runs, status, log, errors, stop,
 * restart of a filtered run, and pruning.
 */
@PostgresIntegrationTest
class OperationsCommandsIT {

    static final String JOB = "src/test/resources/jobs/accounts-it.yml";

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SyncLauncher launcher;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.batch.core.launch.JobOperator jobOperator;

    SalesforceEmulator emulator;

    @BeforeEach
    void data() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        company(1, "Acme", "acme.com", "Germany", 120);
        company(2, "Globex", "globex.io", "Germany", 8);
        company(3, "Nowhere", "n/a", "Germany", 1);
        company(4, "Initech", "initech.com", "United States", 300);
        company(5, "Umbrella", "umbrella.de", "Germany", 50);
        this.emulator = EmulatorOrgExtension.start(this.localOrgs);
    }

    @AfterEach
    void stopOrg() {
        this.localOrgs.clear();
        this.emulator.close();
    }

    @Test
    void runAndRestartAreRefusedWhileAnotherProcessRunsTheJob() throws Exception {
        assertThat(CommandRun.of(this.commandLine, "run", JOB, "--dry-run").exitCode()).isZero();
        long finished = lastExecution();
        // Another process running the job holds its advisory lock on a session of its own.
        try (Connection other = Objects.requireNonNull(this.jdbc.getDataSource()).getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, JobLocks.NAMESPACE);
            lock.setInt(2, "accounts-it".hashCode());
            lock.execute();

            CommandRun run = CommandRun.of(this.commandLine, "run", JOB, "--dry-run");
            CommandRun restart = CommandRun.of(this.commandLine, "restart", String.valueOf(finished));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(run.err()).contains("job 'accounts-it' is already running (in this or another process");
            assertThat(restart.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
            assertThat(restart.err()).contains("job 'accounts-it' is already running");
            assertThat(lastExecution()).as("nothing started").isEqualTo(finished);
        }

        assertThat(CommandRun.of(this.commandLine, "run", JOB, "--dry-run").exitCode()).as("the lock is free again")
            .isZero();
        assertThat(lastExecution()).isGreaterThan(finished);
    }

    @Test
    void aFilteredDryRunPlansOnlyTheSelectedCompaniesAndTheLogShowsTheFilter() throws Exception {
        CommandRun run = CommandRun.of(this.commandLine, "run", JOB, "--filter", "country = 'Germany'", "--limit",
                "3", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        long executionId = lastExecution();
        assertThat(plannedIds(executionId)).containsExactly(1L, 2L, 3L);

        CommandRun status = CommandRun.of(this.commandLine, "status", "--job", "accounts-it");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(String.valueOf(executionId)).contains("COMPLETED")
            .contains("filter=country = 'Germany'").contains("limit=3").contains("dryRun=true")
            .contains("plan-accounts");

        CommandRun csv = CommandRun.of(this.commandLine, "log", String.valueOf(executionId), "--format", "csv");
        assertThat(csv.out().lines()).hasSize(4).first().isEqualTo("object,source_id,outcome,salesforce_id,code,"
                + "message,changes");
        assertThat(csv.out()).contains("account,3,skipped,,INVALID_DOMAIN,");

        CommandRun jsonRun = CommandRun.of(this.commandLine, "log", String.valueOf(executionId), "--format", "json",
                "--outcome", "skipped", "--reason", "INVALID_DOMAIN");
        JsonNode records = this.json.readTree(jsonRun.out());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("sourceId").asLong()).isEqualTo(3);
        assertThat(records.get(0).get("code").asString()).isEqualTo("INVALID_DOMAIN");

        CommandRun table = CommandRun.of(this.commandLine, "log", String.valueOf(executionId), "--outcome",
                "pending");
        assertThat(table.out()).contains("account", "pending").doesNotContain("INVALID_DOMAIN");

        CommandRun errors = CommandRun.of(this.commandLine, "errors", String.valueOf(executionId));
        assertThat(errors.out()).contains("accounts skipped INVALID_DOMAIN: 1 record")
            .contains("example: account 3").contains("fix: The company's website has no registrable domain");
    }

    @Test
    void errorsGroupsSalesforceFailuresWithAnExampleAndTheGuide() {
        this.emulator.org().insert("Account", Map.of("Name", "Globex", "Website", "elsewhere.org"));
        this.emulator.control().accountDuplicateRule(true);

        CommandRun run = CommandRun.of(this.commandLine, "run", JOB, "--ids", "1,2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(this.emulator.org().count("Account")).isEqualTo(2);
        CommandRun errors = CommandRun.of(this.commandLine, "errors", String.valueOf(lastExecution()));
        assertThat(errors.out()).contains("accounts failed DUPLICATES_DETECTED: 1 record")
            .contains("example: account 2: ").contains("fix: A duplicate rule in the org blocked the record");
        CommandRun failed = CommandRun.of(this.commandLine, "log", String.valueOf(lastExecution()), "--outcome",
                "failed");
        assertThat(failed.out()).contains("DUPLICATES_DETECTED").contains(" 2 ");
    }

    @Test
    void badInputIsAOneLineErrorWithExitCodeTwo() {
        CommandRun filter = CommandRun.of(this.commandLine, "run", JOB, "--filter", "country = ");
        assertThat(filter.exitCode()).isEqualTo(2);
        assertThat(filter.err()).contains("invalid filter at column 11: expected a value");

        CommandRun unknown = CommandRun.of(this.commandLine, "run", JOB, "--filter", "contry = 'x'");
        assertThat(unknown.err()).contains("unknown field 'contry'").contains("country, description");

        CommandRun ids = CommandRun.of(this.commandLine, "run", JOB, "--ids", "1,two");
        assertThat(ids.exitCode()).isEqualTo(2);

        CommandRun limit = CommandRun.of(this.commandLine, "run", JOB, "--limit", "0");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("limit must be at least 1");

        CommandRun outcome = CommandRun.of(this.commandLine, "log", "1", "--outcome", "exploded");
        assertThat(outcome.exitCode()).isEqualTo(2);

        CommandRun missing = CommandRun.of(this.commandLine, "errors", "987654321");
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("no job execution with id 987654321");

        CommandRun serve = CommandRun.of(this.commandLine, "serve");
        assertThat(serve.exitCode()).isEqualTo(2);
        assertThat(serve.err()).contains("'serve' must be the command the application is started with");

        CommandRun stop = CommandRun.of(this.commandLine, "stop", "987654321");
        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isEqualTo(2);
    }

    @Test
    void stopEndsARunStoppedAndRestartResumesItWithTheSameSelection() {
        this.emulator.control().latency(Duration.ofMillis(1500), Duration.ZERO);
        SyncLauncher.Started started = this.launcher.start(java.nio.file.Path.of(JOB), false,
                new CompanySelection("employees >= 50", null, List.of()));
        long executionId = started.execution().getId();

        CommandRun stop = CommandRun.of(this.commandLine, "stop", String.valueOf(executionId), "--wait", "60");

        assertThat(stop.exitCode()).as(stop.out() + stop.err()).isZero();
        assertThat(stop.out()).contains("Execution " + executionId + " stopped");
        assertThat(this.jobRepository.getJobExecution(executionId).getStatus()).isEqualTo(BatchStatus.STOPPED);
        CommandRun again = CommandRun.of(this.commandLine, "stop", String.valueOf(executionId));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("is STOPPED: only a running execution can be stopped");

        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);
        CommandRun restart = CommandRun.of(this.commandLine, "restart", String.valueOf(executionId));

        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(plannedIds(lastExecution())).containsExactly(1L, 4L, 5L);
        assertThat(this.emulator.org().count("Account")).isEqualTo(3);
    }

    @Test
    void aStopRequestMadeOnlyThroughTheDatabaseIsHonoured() throws Exception {
        this.emulator.control().latency(Duration.ofMillis(700), Duration.ZERO);
        SyncLauncher.Started started = this.launcher.start(java.nio.file.Path.of(JOB), false,
                CompanySelection.all());
        long executionId = started.execution().getId();
        while (this.jobRepository.getJobExecution(executionId).getStepExecutions().isEmpty()) {
            Thread.sleep(50);
        }

        // As another process would: a copy read from the job repository, stopped through Boot's own operator.
        this.jobOperator.stop(this.jobRepository.getJobExecution(executionId));
        SyncLauncher.Launch launch = started.await();

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(this.jobRepository.getJobExecution(executionId).getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    void pruneLogDeletesPerRecordRowsOfOldRunsOnly() {
        assertThat(CommandRun.of(this.commandLine, "run", JOB, "--ids", "1").exitCode()).isZero();
        long old = lastExecution();
        assertThat(CommandRun.of(this.commandLine, "run", JOB, "--ids", "2").exitCode()).isZero();
        long recent = lastExecution();
        this.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                LocalDateTime.now().minusDays(31), old);

        CommandRun prune = CommandRun.of(this.commandLine, "prune-log");

        assertThat(prune.exitCode()).isZero();
        assertThat(prune.out()).contains("more than 30 days ago");
        assertThat(plannedIds(old)).isEmpty();
        assertThat(plannedIds(recent)).containsExactly(2L);
        assertThat(this.jobRepository.getJobExecution(old)).as("job repository rows stay").isNotNull();
    }

    @Test
    void pruneLogDeletesTheBulkJobRowsOfOldRunsToo(@TempDir Path jobs) throws Exception {
        Path bulkJob = Files.writeString(jobs.resolve("accounts-bulk.yml"),
                Files.readString(Path.of(JOB)) + "apply: { api: bulk }\n");
        assertThat(CommandRun.of(this.commandLine, "run", bulkJob.toString(), "--ids", "1").exitCode()).isZero();
        long old = lastExecution();
        assertThat(CommandRun.of(this.commandLine, "run", bulkJob.toString(), "--ids", "2").exitCode()).isZero();
        long recent = lastExecution();
        assertThat(bulkJobs(old)).isOne();
        assertThat(bulkJobs(recent)).isOne();
        this.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = ? WHERE JOB_EXECUTION_ID = ?",
                LocalDateTime.now().minusDays(31), old);

        CommandRun prune = CommandRun.of(this.commandLine, "prune-log");

        assertThat(prune.exitCode()).isZero();
        assertThat(prune.out()).contains("log rows (outcomes, errors, Bulk jobs)");
        assertThat(bulkJobs(old)).isZero();
        assertThat(plannedIds(old)).isEmpty();
        assertThat(bulkJobs(recent)).isOne();
    }

    private long bulkJobs(long executionId) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_bulk_job b JOIN BATCH_JOB_EXECUTION e "
                + "ON e.JOB_INSTANCE_ID = b.job_instance_id WHERE e.JOB_EXECUTION_ID = ?", Long.class, executionId);
    }

    private long lastExecution() {
        return this.jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
    }

    private List<Long> plannedIds(long executionId) {
        return this.jdbc.queryForList("SELECT p.source_id FROM sync_plan p JOIN BATCH_JOB_EXECUTION e "
                + "ON e.JOB_INSTANCE_ID = p.job_instance_id WHERE e.JOB_EXECUTION_ID = ? ORDER BY p.source_id",
                Long.class, executionId);
    }

    private void company(long id, String name, String domain, String country, int employees) {
        this.jdbc.update("INSERT INTO companies (id, name, domain, country, employees) VALUES (?, ?, ?, ?, ?)", id,
                name, domain, country, employees);
    }

}

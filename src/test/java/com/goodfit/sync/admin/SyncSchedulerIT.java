package com.goodfit.sync.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.emulator.FailureKind;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.jobs.RunningSyncs;
import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.log.LogPruner;
import com.goodfit.sync.source.filter.CompanySelection;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on PostgreSQL: one run of a job at a time across schedulers sharing the database, skipped ticks
 * logged, automatic restarts of failed runs, and running jobs stopped cleanly at shutdown.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SyncSchedulerIT {

    static final String JOB = """
            schedule: "* * * * * *"
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
            """;

    @Autowired
    SyncLauncher launcher;

    @Autowired
    LogPruner pruner;

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseKind database;

    @Autowired
    RunningSyncs running;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path jobsDir;

    SalesforceEmulator emulator;

    Path file;

    long before;

    @BeforeEach
    void data() throws Exception {
        this.before = this.jdbc.queryForObject("SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION",
                Long.class);
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        for (long id = 1; id <= 3; id++) {
            this.jdbc.update("INSERT INTO companies (id, name, domain) VALUES (?, ?, ?)", id, "Company " + id,
                    "company" + id + ".com");
        }
        this.emulator = EmulatorOrgExtension.start(this.localOrgs);
        this.file = Files.writeString(this.jobsDir.resolve("ticking.yml"), JOB);
    }

    @AfterEach
    void stopOrg() {
        this.running.stopAll();
        this.localOrgs.clear();
        this.emulator.close();
    }

    @Test
    void aTickWhileAnotherProcessRunsTheJobIsSkippedAndLogged(CapturedOutput output) throws Exception {
        this.emulator.control().latency(Duration.ofMillis(1000), Duration.ZERO);
        // Its own locks, as another serve process has: only the database lock is shared.
        JobLocks otherProcess = new JobLocks(this.dataSource, this.database);
        SyncLauncher.Started elsewhere = otherProcess
            .launch("ticking", () -> this.launcher.start(this.file, false, CompanySelection.all()))
            .orElseThrow();

        scheduler(0, Duration.ofMillis(100)).tick("ticking", this.file);

        assertThat(output).contains("Skipped the scheduled run of job 'ticking': a run of it is still going");
        assertThat(executions()).hasSize(1);
        assertThat(elsewhere.await().execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        awaitUnlocked();
        scheduler(0, Duration.ofMillis(100)).tick("ticking", this.file);
        assertThat(executions()).hasSize(2);
    }

    @Test
    void twoSchedulersSharingTheDatabaseNeverRunTheJobTwiceAtOnce(CapturedOutput output) throws Exception {
        this.emulator.control().latency(Duration.ofMillis(400), Duration.ZERO);
        SyncScheduler first = scheduler(0, Duration.ofMillis(100));
        SyncScheduler second = scheduler(0, Duration.ofMillis(100));

        assertThat(first.schedule()).containsExactly("ticking: * * * * * *");
        second.schedule();
        Thread.sleep(6000);
        first.stop();
        second.stop();
        this.running.stopAll();

        List<Interval> runs = intervals();
        assertThat(runs).isNotEmpty();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).start()).as("run %d starts after run %d ended", i, i - 1)
                .isAfterOrEqualTo(runs.get(i - 1).end());
        }
        assertThat(output).contains("Skipped the scheduled run of job 'ticking'");
    }

    @Test
    void aFailedScheduledRunIsRestartedAfterTheBackoff(CapturedOutput output) throws Exception {
        // More failures in a row than the client retries: the first run fails, its restart succeeds.
        this.emulator.control().failNextCalls(4, FailureKind.SERVER_UNAVAILABLE_503);

        scheduler(2, Duration.ofMillis(300)).tick("ticking", this.file);

        List<String> statuses = this.jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ticking' "
                + "AND e.JOB_EXECUTION_ID > ? ORDER BY e.JOB_EXECUTION_ID", String.class, this.before);
        assertThat(statuses).containsExactly("FAILED", "COMPLETED");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION "
                + "WHERE JOB_EXECUTION_ID > ?", Long.class, this.before)).as("the restart resumes the same run")
            .isEqualTo(1);
        assertThat(output).contains("(retry 1 of 2)").doesNotContain("(retry 2 of 2)");
        assertThat(this.emulator.org().count("Account")).isEqualTo(3);
    }

    @Test
    void shutdownStopsRunningJobsCleanlyAndTheyCanBeRestarted() throws Exception {
        this.emulator.control().latency(Duration.ofMillis(1000), Duration.ZERO);
        SyncLauncher.Started started = this.launcher.start(this.file, false, CompanySelection.all());

        List<Long> left = this.running.stopAll();

        assertThat(left).isEmpty();
        assertThat(started.await().execution().getStatus()).isEqualTo(BatchStatus.STOPPED);
        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);
        assertThat(this.launcher.restart(started.execution().getId()).execution().getStatus())
            .isEqualTo(BatchStatus.COMPLETED);
    }

    private SyncScheduler scheduler(int retries, Duration backoff) {
        AdminProperties properties = new AdminProperties(null, this.jobsDir, ZoneId.of("Europe/Paris"), retries,
                backoff);
        return new SyncScheduler(new JobCatalog(this.launcher, properties), this.launcher,
                new JobLocks(this.dataSource, this.database), this.pruner, properties);
    }

    private List<Long> executions() {
        return this.jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ticking' AND e.JOB_EXECUTION_ID > ?",
                Long.class, this.before);
    }

    private List<Interval> intervals() {
        return this.jdbc.query("SELECT e.CREATE_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ticking' AND e.JOB_EXECUTION_ID > ? "
                + "ORDER BY e.CREATE_TIME",
                (rs, n) -> new Interval(rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()),
                this.before);
    }

    private void awaitUnlocked() throws InterruptedException {
        // The lock is released by a thread that waits for the run's end; give it a moment.
        for (int i = 0; i < 50 && !this.jdbc.queryForList("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'")
            .isEmpty(); i++) {
            Thread.sleep(100);
        }
    }

    record Interval(LocalDateTime start, LocalDateTime end) {
    }

}

package com.goodfit.sync.jobs;

import java.nio.file.Path;
import java.util.Map;

import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.FailureKind;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §5 for Accounts: record errors fail one record, transient errors retry and then fail the run
 * restartably, a budget stop leaves it STOPPED and restartable, configuration errors stop it before data moves.
 */
@PostgresIntegrationTest
class AccountSyncFailuresIT extends SyncITSupport {

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
            """;

    private boolean withoutExternalId;

    @Override
    SalesforceEmulator startEmulator() {
        EmulatorOptions options = EmulatorOptions.defaults();
        return EmulatorOrgExtension.start(this.localOrgs,
                this.withoutExternalId ? options.withoutGoodFitIdField() : options);
    }

    @Test
    void aRecordRejectedBySalesforceFailsAloneWithItsCodeAndMessage() throws Exception {
        this.emulator.org().insert("Account", Map.of("Name", "Company 2", "Website", "elsewhere.org"));
        this.emulator.control().accountDuplicateRule(true);
        companies(3);

        SyncLauncher.Launch launch = this.launcher.run(job("dupes", JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(launch)).extracting(row -> row.get(1)).containsExactly("created", "failed", "created");
        assertThat(this.jdbc.queryForMap("SELECT status_code, message FROM sync_error WHERE source_id = 2 AND "
                + "job_instance_id = ?", launch.execution().getJobInstance().getInstanceId()))
            .containsEntry("status_code", "DUPLICATES_DETECTED");
        assertThat(this.emulator.org().count("Account")).isEqualTo(3);
    }

    @Test
    void aBurstOfUnavailableResponsesIsRetriedAway() throws Exception {
        companies(5);
        this.emulator.control().failNextCalls(2, FailureKind.SERVER_UNAVAILABLE_503);

        SyncLauncher.Launch launch = this.launcher.run(job("burst", JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.org().count("Account")).isEqualTo(5);
    }

    @Test
    void lockedRowsAreSentAgain() throws Exception {
        companies(5);
        this.emulator.control().failNextRecords(2);

        SyncLauncher.Launch launch = this.launcher.run(job("locks", JOB), LaunchOptions.fullSync());

        assertThat(outcomes(launch)).extracting(row -> row.get(1)).containsOnly("created");
        assertThat(this.emulator.org().count("Account")).isEqualTo(5);
    }

    @Test
    void whenRetriesRunOutTheRunFailsAndARestartFinishesItWithoutDuplicates() throws Exception {
        companies(1_000);
        Path job = job("outage", JOB + "apply: { in-flight: 1 }\n");
        this.emulator.control().failCalls(1.0, FailureKind.SERVER_UNAVAILABLE_503);
        SyncLauncher.Launch failed;
        try {
            failed = this.launcher.run(job, LaunchOptions.fullSync());
        }
        finally {
            this.emulator.control().failCalls(0, FailureKind.SERVER_UNAVAILABLE_503);
        }
        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.execution().getExitStatus().getExitDescription()).contains("503");

        SyncLauncher.Launch restarted = this.launcher.restart(failed.execution().getId());

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.execution().getJobInstance().getInstanceId())
            .isEqualTo(failed.execution().getJobInstance().getInstanceId());
        assertThat(this.emulator.org().count("Account")).isEqualTo(1_000);
        assertThat(outcomes(restarted)).hasSize(1_000).extracting(row -> row.get(1)).containsOnly("created");
    }

    @Test
    void aPlanStepThatFailsPartWayRestartsAfterItsLastCommittedChunk() throws Exception {
        int companies = 4 * SyncJobFactory.PLAN_CHUNK + 500;
        companies(companies);
        long failingId = 2L * SyncJobFactory.PLAN_CHUNK + 700;
        // The third chunk's plan rows cannot be written: two chunks are committed while the source rows of the
        // fourth have already been read ahead.
        this.jdbc.execute("""
                CREATE FUNCTION refuse_plan_row() RETURNS trigger AS $$
                BEGIN
                    IF NEW.source_id = %d THEN RAISE EXCEPTION 'plan row refused for this test'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(failingId));
        this.jdbc.execute("CREATE TRIGGER refuse_plan_row BEFORE INSERT ON sync_plan FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_plan_row()");
        SyncLauncher.Launch failed;
        try {
            failed = this.launcher.run(job("plan-failure", JOB), LaunchOptions.fullSync());
        }
        finally {
            this.jdbc.execute("DROP TRIGGER refuse_plan_row ON sync_plan");
            this.jdbc.execute("DROP FUNCTION refuse_plan_row()");
        }
        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        long runId = failed.execution().getJobInstance().getInstanceId();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_plan WHERE job_instance_id = ?", Long.class,
                runId)).isEqualTo(2L * SyncJobFactory.PLAN_CHUNK);

        SyncLauncher.Launch restarted = this.launcher.restart(failed.execution().getId());

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.jdbc.queryForList("SELECT source_id FROM sync_plan WHERE job_instance_id = ? "
                + "ORDER BY source_id", Long.class, runId))
            .isEqualTo(java.util.stream.LongStream.rangeClosed(1, companies).boxed().toList());
        assertThat(this.emulator.org().count("Account")).isEqualTo(companies);
        assertThat(outcomes(restarted)).hasSize(companies).extracting(row -> row.get(1)).containsOnly("created");
    }

    @Test
    void aSpentBudgetStopsTheRunCleanlyAndARestartCompletesIt() throws Exception {
        companies(2_000);
        Path job = job("budget", JOB + "apply: { in-flight: 2, max-api-calls: 8 }\n");

        SyncLauncher.Launch stopped = this.launcher.run(job, LaunchOptions.fullSync());

        assertThat(stopped.execution().getStatus()).isEqualTo(BatchStatus.STOPPED);
        long created = this.emulator.org().count("Account");
        assertThat(created).isPositive().isLessThan(2_000);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_plan WHERE job_instance_id = ? AND "
                + "status = 'pending'", Long.class, stopped.execution().getJobInstance().getInstanceId()))
            .isEqualTo(2_000 - created);

        SyncLauncher.Launch first = this.launcher.restart(stopped.execution().getId());
        SyncLauncher.Launch last = first;
        for (int i = 0; i < 10 && last.execution().getStatus() == BatchStatus.STOPPED; i++) {
            last = this.launcher.restart(last.execution().getId());
        }

        assertThat(last.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.org().count("Account")).isEqualTo(2_000);
        assertThat(outcomes(last)).extracting(row -> row.get(1)).containsOnly("created");
    }

    @Test
    void anOrgWithoutTheExternalIdFieldStopsTheRunBeforeDataMoves() throws Exception {
        stopOrg();
        this.withoutExternalId = true;
        this.emulator = startEmulator();
        companies(3);

        SyncLauncher.Launch launch = this.launcher.run(job("no-ext-id", JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(launch.execution().getExitStatus().getExitDescription())
            .contains("Account.GoodFit_ID__c is missing", "provision-fields");
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.calls().get("query")).isZero();
    }

}

package com.goodfit.sync.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan split into several Bulk API 2.0 jobs per operation (a small upload limit forces it), so that one job's
 * results are recorded while the next job is uploaded and processed: every record still ends with exactly one
 * outcome, one Salesforce record, its link and its index row.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "goodfit.salesforce.bulk.max-upload-size=1KB")
class BulkApplyPipelineIT extends SyncITSupport {

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

    @Test
    void jobsPipelinedAcrossOperationsEachRecordOnceWithItsLinkAndIndexRow() throws Exception {
        companies(120);
        for (int i = 1; i <= 60; i++) {
            this.emulator.org().insert("Account", Map.of("Name", "Existing " + i, "Website", "company" + (i * 2) + ".com"),
                    Instant.parse("2020-01-01T00:00:00Z"));
        }

        SyncLauncher.Launch launch = this.launcher.run(job("pipelined", JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long run = launch.execution().getJobInstance().getInstanceId();
        List<Map<String, Object>> jobs = this.jdbc.queryForList("SELECT operation, state, records FROM sync_bulk_job "
                + "WHERE job_instance_id = ? ORDER BY id", run);
        assertThat(jobs).filteredOn(job -> "create".equals(job.get("operation"))).as("create jobs").hasSizeGreaterThan(2);
        assertThat(jobs).filteredOn(job -> "update".equals(job.get("operation"))).as("update jobs").hasSizeGreaterThan(1);
        assertThat(jobs).allSatisfy(job -> assertThat(job.get("state")).isEqualTo("settled"));
        assertThat(jobs.stream().mapToInt(job -> ((Number) job.get("records")).intValue()).sum())
            .as("each record went into exactly one job").isEqualTo(120);
        assertThat(outcomes(launch)).hasSize(120).allSatisfy(row -> assertThat(row.get(1))
            .isEqualTo(((Long) row.get(0)) % 2 == 0 ? "updated" : "created"));
        assertThat(this.emulator.org().count("Account")).as("no duplicate").isEqualTo(120);
        for (Map<String, Object> account : this.emulator.org().all("Account")) {
            long company = Long.parseLong(((String) account.get("GoodFit_ID__c")).substring("company-".length()));
            assertThat(account.get("NumberOfEmployees")).as("company " + company).isNotNull();
            assertThat(this.jdbc.queryForObject("SELECT sf_id FROM sf_link WHERE job_name = 'pipelined' "
                    + "AND object_type = 'account' AND source_id = ?", String.class, company))
                .isEqualTo(account.get("Id"));
            assertThat(this.jdbc.queryForObject("SELECT external_id FROM sf_record_index WHERE job_name = 'pipelined' "
                    + "AND object_type = 'account' AND sf_id = ?", String.class, account.get("Id")))
                .isEqualTo("company-" + company);
        }

        this.emulator.calls().reset();
        SyncLauncher.Launch again = this.launcher.run(job("pipelined", JOB), LaunchOptions.fullSync());

        assertThat(again.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(again)).hasSize(120).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("unchanged"));
        assertThat(this.emulator.calls().get("bulk-ingest")).as("nothing left to send").isZero();
    }

}

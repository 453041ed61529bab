package com.goodfit.sync.jobs;

import java.time.Instant;
import java.util.Map;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the account sync one at a time, with spring-batch-test's {@link JobOperatorTestUtils}: the index
 * step's snapshot and the plan step's rows, before anything is applied.
 */
@PostgresIntegrationTest
class SyncStepsIT extends SyncITSupport {

    private static final String JOB = """
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
            """;

    @Autowired
    SyncJobFactory jobs;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Test
    void indexesTheOrgWithNormalisedKeysThenPlansOneRowPerCompany() throws Exception {
        this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "HTTPS://Shop.ACME.co.uk:443/x"),
                Instant.parse("2019-01-01T00:00:00Z"));
        this.emulator.org().insert("Account", Map.of("Name", "No site"), Instant.parse("2019-01-01T00:00:00Z"));
        company(1, "Acme", "acme.co.uk");
        company(2, "Globex", "globex.com");
        company(3, "Junk", "localhost");
        JobOperatorTestUtils steps = new JobOperatorTestUtils(this.jobOperator, this.jobRepository);
        steps.setJob(this.jobs.create(this.launcher.definition(job("steps", JOB)), LaunchOptions.dryRunOfAll()).job());

        assertThat(steps.startStep("validate-org").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JobExecution index = steps.startStep("index-accounts");
        JobExecution plan = steps.startStep("plan-accounts");

        assertThat(index.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(only(index).getExecutionContext().getLong("indexed")).isEqualTo(2);
        assertThat(this.jdbc.queryForList("SELECT match_key FROM sf_record_index WHERE job_name = 'steps' "
                + "ORDER BY match_key", String.class)).containsExactly("acme.co.uk", null);
        assertThat(plan.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(only(plan).getReadCount()).isEqualTo(3);
        assertThat(only(plan).getWriteCount()).isEqualTo(3);
        assertThat(this.jdbc.queryForList("SELECT operation || ':' || status FROM sync_plan "
                + "WHERE job_instance_id = ? ORDER BY source_id", String.class, plan.getJobInstance().getInstanceId()))
            .containsExactly("update:pending", "create:pending", "skip:done");
    }

    private static StepExecution only(JobExecution execution) {
        assertThat(execution.getStepExecutions()).hasSize(1);
        return execution.getStepExecutions().iterator().next();
    }

}

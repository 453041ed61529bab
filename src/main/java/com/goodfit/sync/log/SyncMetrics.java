package com.goodfit.sync.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what each finished execution did as Micrometer counters (served by Actuator under {@code serve}):
 * {@code goodfit.records} by job and outcome, {@code goodfit.records.failed} by job and Salesforce error code,
 * {@code goodfit.api.calls} by job, and {@code goodfit.runs} by job and status.
 */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;

    private final JdbcTemplate jdbc;

    private final ExecutionLog executions;

    SyncMetrics(MeterRegistry registry, JdbcTemplate jdbc, ExecutionLog executions) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.executions = executions;
    }

    /**
     * Counts the records this execution (not earlier executions of its run) gave an outcome, and its API calls.
     * @param execution a finished execution
     */
    public void record(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        Counter.builder("goodfit.runs").tag("job", job).tag("status", execution.getStatus().name())
            .register(this.registry).increment();
        if (execution.getStartTime() == null) {
            return;
        }
        this.jdbc.query("""
                SELECT COALESCE(outcome, 'pending') AS outcome, error_code, COUNT(*) AS n FROM sync_plan
                WHERE job_instance_id = ? AND updated_at >= ?
                GROUP BY COALESCE(outcome, 'pending'), error_code""", rs -> {
            String outcome = rs.getString("outcome");
            long n = rs.getLong("n");
            Counter.builder("goodfit.records").description("Records given an outcome, by outcome")
                .tag("job", job).tag("outcome", outcome).register(this.registry).increment(n);
            if ("failed".equals(outcome)) {
                String code = rs.getString("error_code");
                Counter.builder("goodfit.records.failed").description("Records Salesforce rejected, by error code")
                    .tag("job", job).tag("code", (code != null) ? code : "UNKNOWN").register(this.registry)
                    .increment(n);
            }
        }, execution.getJobInstance().getInstanceId(), execution.getStartTime());
        this.executions.overview(execution.getId())
            .ifPresent(overview -> Counter.builder("goodfit.api.calls").description("Salesforce API calls")
                .tag("job", job).register(this.registry).increment(overview.apiCalls()));
    }

}

package com.goodfit.sync.log;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.source.filter.CompanySelection;
import com.goodfit.sync.source.filter.CompanySelectionCompiler;
import com.goodfit.sync.source.filter.FilterException;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The run-level part of the connector log: recent executions with their parameters, status and progress, read from
 * the job repository and the plan table.
 */
@Component
public class ExecutionLog {

    private final JobRepository jobRepository;

    private final JdbcTemplate jdbc;

    private final CompanySelectionCompiler selections;

    ExecutionLog(JobRepository jobRepository, JdbcTemplate jdbc, CompanySelectionCompiler selections) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.selections = selections;
    }

    /**
     * @param jobName only this job's executions, or null for every job
     * @param limit at most this many
     * @return the most recent executions, newest first
     */
    public List<ExecutionOverview> recent(@Nullable String jobName, int limit) {
        List<Long> ids = (jobName == null)
                ? this.jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION "
                        + "ORDER BY JOB_EXECUTION_ID DESC LIMIT ?", Long.class, limit)
                : this.jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e "
                        + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? "
                        + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", Long.class, jobName, limit);
        return ids.stream().map(this::overview).flatMap(Optional::stream).toList();
    }

    /**
     * @param executionId an execution
     * @return its overview, or empty when there is no such execution
     */
    public Optional<ExecutionOverview> overview(long executionId) {
        JobExecution execution = JobExecutions.find(this.jobRepository, executionId).orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        long runId = execution.getJobInstance().getInstanceId();
        List<RunSummary.StepProgress> steps = execution.getStepExecutions()
            .stream()
            .map(step -> new RunSummary.StepProgress(step.getStepName(), step.getStatus().name(),
                    step.getReadCount(), step.getWriteCount(), between(step.getStartTime(), step.getEndTime())))
            .toList();
        long apiCalls = execution.getStepExecutions()
            .stream()
            .flatMap(step -> step.getExecutionContext().toMap().entrySet().stream())
            .filter(e -> e.getKey().startsWith(ConnectorLog.API_KEY_PREFIX) && !e.getKey().endsWith(".auth")
                    && e.getValue() instanceof Number)
            .mapToLong(e -> ((Number) e.getValue()).longValue())
            .sum();
        return Optional.of(new ExecutionOverview(executionId, runId, execution.getJobInstance().getJobName(),
                parametersOf(execution.getJobParameters()), execution.getStatus().name(), execution.getStartTime(),
                between(execution.getStartTime(), execution.getEndTime()), steps, progress(execution), apiCalls));
    }

    /**
     * @param executionId an execution
     * @return how far its run got, or empty when there is no such execution
     */
    public Optional<RunProgress> progress(long executionId) {
        return JobExecutions.find(this.jobRepository, executionId).map(this::progress);
    }

    private RunProgress progress(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        Map<String, Object> counts = this.jdbc.queryForMap("""
                SELECT COUNT(*) AS planned,
                       COALESCE(SUM(CASE WHEN operation IN ('create', 'update') THEN 1 ELSE 0 END), 0) AS to_apply,
                       COALESCE(SUM(CASE WHEN operation IN ('create', 'update') AND status <> 'pending' THEN 1 ELSE 0
                                    END), 0) AS applied
                FROM sync_plan WHERE job_instance_id = ?""", runId);
        StepExecution current = null;
        StepExecution plan = null;
        for (StepExecution step : execution.getStepExecutions()) {
            if (current == null || step.getId() > current.getId()) {
                current = step;
            }
            if (step.getStepName().startsWith("plan") && (plan == null || step.getId() > plan.getId())) {
                plan = step;
            }
        }
        long planned = ((Number) counts.get("planned")).longValue();
        return new RunProgress((current != null) ? current.getStepName() : null, total(execution, plan, planned),
                planned, ((Number) counts.get("to_apply")).longValue(), ((Number) counts.get("applied")).longValue());
    }

    private long total(JobExecution execution, @Nullable StepExecution plan, long planned) {
        if (plan != null && plan.getStatus() == BatchStatus.COMPLETED) {
            return Math.max(planned, plan.getReadCount());
        }
        if (!execution.isRunning()) {
            return planned;
        }
        JobParameters parameters = execution.getJobParameters();
        try {
            return Math.max(planned, this.selections.count(CompanySelection.ofParameters(
                    parameters.getString(CompanySelection.FILTER_PARAMETER),
                    parameters.getLong(CompanySelection.LIMIT_PARAMETER),
                    parameters.getString(CompanySelection.IDS_PARAMETER))));
        }
        catch (FilterException ex) {
            // The data directory changed since the run started; the count is only for display.
            return planned;
        }
    }

    private static Map<String, String> parametersOf(JobParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.parameters()
            .forEach(parameter -> values.put(parameter.name(), String.valueOf(parameter.value())));
        return values;
    }

    private static Duration between(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, (end != null) ? end : LocalDateTime.now());
    }

}

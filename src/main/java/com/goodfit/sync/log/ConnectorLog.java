package com.goodfit.sync.log;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of the connector log: run summaries built from the job repository (status, progress) and our
 * per-record tables (outcomes), with the API calls each step recorded in its execution context.
 */
@Component
public class ConnectorLog {

    /** Prefix of the step execution-context keys holding API call counts. */
    public static final String API_KEY_PREFIX = "api.";

    /** Step execution-context key of how an index step read the org. */
    public static final String INDEX_STRATEGY_KEY = "indexStrategy";

    /** Execution-context key of an apply or index step's choice of API (Bulk API 2.0 or not) and its reason. */
    public static final String API_CHOICE_KEY = "apiChoice";

    private final JobRepository jobRepository;

    private final JdbcTemplate jdbc;

    ConnectorLog(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /**
     * @param executionId a job execution
     * @return its summary, or empty when there is no such execution
     */
    public Optional<RunSummary> summary(long executionId) {
        JobExecution execution = JobExecutions.find(this.jobRepository, executionId).orElse(null);
        if (execution == null) {
            return Optional.empty();
        }
        List<RunSummary.StepProgress> steps = new ArrayList<>();
        Map<String, Long> apiCalls = new TreeMap<>();
        Map<String, String> indexStrategies = new TreeMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            steps.add(new RunSummary.StepProgress(step.getStepName(), step.getStatus().name(), step.getReadCount(),
                    step.getWriteCount(), between(step.getStartTime(), step.getEndTime())));
            if (step.getExecutionContext().get(INDEX_STRATEGY_KEY) instanceof String strategy) {
                indexStrategies.put(step.getStepName(), strategy);
            }
            if (step.getExecutionContext().get(API_CHOICE_KEY) instanceof String choice) {
                indexStrategies.merge(step.getStepName(), choice, (strategy, api) -> strategy + "; " + api);
            }
            step.getExecutionContext().toMap().forEach((key, value) -> {
                if (key.startsWith(API_KEY_PREFIX) && value instanceof Number number) {
                    apiCalls.merge(key.substring(API_KEY_PREFIX.length()), number.longValue(), Long::sum);
                }
            });
        }
        long instanceId = execution.getJobInstance().getInstanceId();
        return Optional.of(new RunSummary(executionId, instanceId, execution.getJobInstance().getJobName(),
                execution.getStatus().name(), execution.getExitStatus().getExitDescription(),
                execution.getStartTime(), between(execution.getStartTime(), execution.getEndTime()), steps,
                outcomes(instanceId), apiCalls, indexStrategies));
    }

    private Map<String, RunSummary.ObjectOutcomes> outcomes(long instanceId) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> skipped = new LinkedHashMap<>();
        Map<String, Map<String, Long>> failed = new LinkedHashMap<>();
        Map<String, Map<String, Long>> warnings = new LinkedHashMap<>();
        this.jdbc.query("""
                SELECT object_type, status, outcome, reason, error_code, COUNT(*) AS n FROM sync_plan
                WHERE job_instance_id = ?
                GROUP BY object_type, status, outcome, reason, error_code""", rs -> {
            String object = rs.getString("object_type");
            String outcome = rs.getString("outcome");
            long n = rs.getLong("n");
            if ("pending".equals(rs.getString("status"))) {
                counts.computeIfAbsent(object, k -> new TreeMap<>()).merge("pending", n, Long::sum);
            }
            else if ("skipped".equals(outcome)) {
                skipped.computeIfAbsent(object, k -> new TreeMap<>()).merge(rs.getString("reason"), n, Long::sum);
            }
            else if ("failed".equals(outcome)) {
                failed.computeIfAbsent(object, k -> new TreeMap<>()).merge(rs.getString("error_code"), n, Long::sum);
            }
            else {
                counts.computeIfAbsent(object, k -> new TreeMap<>()).merge(outcome, n, Long::sum);
            }
            String reason = rs.getString("reason");
            if (reason != null && !"skipped".equals(outcome)) {
                warnings.computeIfAbsent(object, k -> new TreeMap<>()).merge(reason, n, Long::sum);
            }
        }, instanceId);
        Map<String, RunSummary.ObjectOutcomes> outcomes = new LinkedHashMap<>();
        for (String object : List.of("account", "contact")) {
            Map<String, Long> c = counts.getOrDefault(object, Map.of());
            if (c.isEmpty() && !skipped.containsKey(object) && !failed.containsKey(object)) {
                continue;
            }
            outcomes.put(object, new RunSummary.ObjectOutcomes(c.getOrDefault("created", 0L),
                    c.getOrDefault("updated", 0L), c.getOrDefault("unchanged", 0L), c.getOrDefault("pending", 0L),
                    skipped.getOrDefault(object, Map.of()), failed.getOrDefault(object, Map.of()),
                    warnings.getOrDefault(object, Map.of())));
        }
        return outcomes;
    }

    private static Duration between(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, (end != null) ? end : LocalDateTime.now());
    }

}

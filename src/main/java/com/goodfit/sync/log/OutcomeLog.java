package com.goodfit.sync.log;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-record part of the connector log: every record a run read with its outcome, and the failures and skips
 * grouped by code with what usually fixes them.
 */
@Component
public class OutcomeLog {

    private static final String OUTCOME = "COALESCE(p.outcome, 'pending')";

    private final JobRepository jobRepository;

    private final JdbcTemplate jdbc;

    OutcomeLog(JobRepository jobRepository, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    /**
     * @param executionId a job execution
     * @return its run (job instance) id, or empty when there is no such execution
     */
    public OptionalLong runOf(long executionId) {
        return JobExecutions.find(this.jobRepository, executionId)
            .map(execution -> OptionalLong.of(execution.getJobInstance().getInstanceId()))
            .orElse(OptionalLong.empty());
    }

    /**
     * Streams a run's per-record outcomes in object and source id order.
     * @param runId the run (job instance)
     * @param query which records
     * @param each receives every record
     */
    public void forEach(long runId, OutcomeQuery query, Consumer<RecordOutcome> each) {
        List<Object> arguments = new ArrayList<>(List.of(runId));
        StringBuilder sql = new StringBuilder("""
                SELECT p.object_type, p.source_id, %s AS outcome, p.sf_id, p.reason, p.error_code, p.detail,
                       p.changes,
                       (SELECT e.message FROM sync_error e WHERE e.job_instance_id = p.job_instance_id
                          AND e.object_type = p.object_type AND e.source_id = p.source_id
                        ORDER BY e.id DESC LIMIT 1) AS error_message
                FROM sync_plan p WHERE p.job_instance_id = ?""".formatted(OUTCOME));
        if (query.outcome() != null) {
            sql.append(" AND ").append(OUTCOME).append(" = ?");
            arguments.add(query.outcome());
        }
        if (query.code() != null) {
            sql.append(" AND (p.reason = ? OR p.error_code = ?)");
            arguments.add(query.code());
            arguments.add(query.code());
        }
        sql.append(" ORDER BY p.object_type, p.source_id");
        if (query.limit() != Long.MAX_VALUE) {
            sql.append(" LIMIT ").append(query.limit());
        }
        if (query.offset() > 0) {
            sql.append(" OFFSET ").append(query.offset());
        }
        this.jdbc.query(sql.toString(), rs -> {
            boolean failed = "failed".equals(rs.getString("outcome"));
            String code = failed ? rs.getString("error_code") : rs.getString("reason");
            String message = failed ? rs.getString("error_message") : rs.getString("detail");
            each.accept(new RecordOutcome(rs.getString("object_type"), rs.getLong("source_id"),
                    rs.getString("outcome"), rs.getString("sf_id"), code, message, rs.getString("changes")));
        }, arguments.toArray());
    }

    /**
     * @param runId the run (job instance)
     * @param query which records
     * @return them, in object and source id order
     */
    public List<RecordOutcome> list(long runId, OutcomeQuery query) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        forEach(runId, query, outcomes::add);
        return outcomes;
    }

    /**
     * @param runId the run (job instance)
     * @return failures by Salesforce code, skips by reason and warnings by code, the largest group first
     */
    public List<ErrorGroup> errors(long runId) {
        List<ErrorGroup> groups = this.jdbc.query("""
                SELECT p.object_type,
                       CASE WHEN p.outcome IN ('failed', 'skipped') THEN p.outcome ELSE 'warning' END AS kind,
                       COALESCE(p.error_code, p.reason) AS code, COUNT(*) AS n, MIN(p.source_id) AS example
                FROM sync_plan p
                WHERE p.job_instance_id = ? AND (p.outcome IN ('failed', 'skipped') OR p.reason IS NOT NULL)
                GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3""", (rs, rowNum) -> {
            String code = rs.getString("code");
            String safeCode = (code != null) ? code : "UNKNOWN";
            return new ErrorGroup(rs.getString("object_type"), rs.getString("kind"), safeCode, rs.getLong("n"),
                    rs.getLong("example"), null, ErrorGuide.adviceFor(safeCode).orElse(null));
        }, runId);
        return groups.stream()
            .map(group -> new ErrorGroup(group.object(), group.kind(), group.code(), group.count(),
                    group.exampleSourceId(), exampleMessage(runId, group), group.advice()))
            .toList();
    }

    private String exampleMessage(long runId, ErrorGroup group) {
        String sql = "failed".equals(group.kind())
                ? "SELECT message FROM sync_error WHERE job_instance_id = ? AND object_type = ? AND source_id = ? "
                        + "ORDER BY id DESC LIMIT 1"
                : "SELECT detail FROM sync_plan WHERE job_instance_id = ? AND object_type = ? AND source_id = ?";
        return this.jdbc.query(sql, rs -> rs.next() ? rs.getString(1) : null, runId, group.object(),
                group.exampleSourceId());
    }

}

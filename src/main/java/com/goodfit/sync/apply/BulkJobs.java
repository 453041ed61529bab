package com.goodfit.sync.apply;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code sync_bulk_job} table: which Bulk API 2.0 ingest jobs a run's apply steps started, which plan rows each
 * covers, and how far each got. Written in the apply step's transactions.
 */
@Component
public class BulkJobs {

    private final JdbcTemplate jdbc;

    BulkJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @param except jobs to pass over (those whose results are being recorded)
     * @return the oldest job of the run's object that is not settled, aborted or failed
     */
    Optional<BulkJob> unsettled(long jobInstanceId, SourceObject object, Collection<Long> except) {
        List<BulkJob> jobs = this.jdbc.query("""
                SELECT id, operation, first_source_id, last_source_id, attempt, records, sf_job_id, state
                FROM sync_bulk_job WHERE job_instance_id = ? AND object_type = ?
                AND state IN ('planned', 'open', 'closed') ORDER BY id""",
                (rs, n) -> new BulkJob(rs.getLong("id"), rs.getString("operation"), rs.getLong("first_source_id"),
                        rs.getLong("last_source_id"), rs.getInt("attempt"), rs.getInt("records"),
                        rs.getString("sf_job_id"), rs.getString("state")),
                jobInstanceId, type(object));
        return jobs.stream().filter(job -> !except.contains(job.id())).findFirst();
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @return how many Salesforce jobs the run has created for the object
     */
    public long count(long jobInstanceId, SourceObject object) {
        Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_bulk_job WHERE job_instance_id = ? "
                + "AND object_type = ? AND sf_job_id IS NOT NULL", Long.class, jobInstanceId, type(object));
        return (count != null) ? count : 0;
    }

    /**
     * @param jobInstanceId the run
     * @return how many Salesforce jobs the run has created for any object
     */
    public long count(long jobInstanceId) {
        Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_bulk_job WHERE job_instance_id = ? "
                + "AND sf_job_id IS NOT NULL", Long.class, jobInstanceId);
        return (count != null) ? count : 0;
    }

    void insertOpen(long jobInstanceId, SourceObject object, String operation, long first, long last, int attempt,
            int records, String sfJobId) {
        this.jdbc.update("""
                INSERT INTO sync_bulk_job (job_instance_id, object_type, operation, first_source_id, last_source_id,
                    attempt, records, sf_job_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')""", jobInstanceId,
                type(object), operation, first, last, attempt, records, sfJobId);
    }

    void insertPlanned(long jobInstanceId, SourceObject object, BulkJob retried, int records) {
        this.jdbc.update("""
                INSERT INTO sync_bulk_job (job_instance_id, object_type, operation, first_source_id, last_source_id,
                    attempt, records, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'planned')""", jobInstanceId, type(object),
                retried.operation(), retried.firstSourceId(), retried.lastSourceId(), retried.attempt() + 1,
                records);
    }

    void opened(BulkJob planned, long last, int records, String sfJobId) {
        this.jdbc.update("UPDATE sync_bulk_job SET sf_job_id = ?, last_source_id = ?, records = ?, state = 'open', "
                + "updated_at = CURRENT_TIMESTAMP WHERE id = ?", sfJobId, last, records, planned.id());
    }

    void moveTo(BulkJob job, String state, @Nullable String message) {
        this.jdbc.update("UPDATE sync_bulk_job SET state = ?, message = ?, updated_at = CURRENT_TIMESTAMP "
                + "WHERE id = ?", state, message, job.id());
    }

    private static String type(SourceObject object) {
        return object.name().toLowerCase(Locale.ROOT);
    }

    /**
     * One row of {@code sync_bulk_job}.
     *
     * @param id the row
     * @param operation {@code create} or {@code update}
     * @param firstSourceId the first source id the job covers
     * @param lastSourceId the last source id it covers
     * @param attempt 1, or 2 for the retry of unprocessed records
     * @param records how many records were uploaded (or are to be retried)
     * @param sfJobId the Salesforce job, null while planned
     * @param state planned, open, closed, settled, aborted or failed
     */
    record BulkJob(long id, String operation, long firstSourceId, long lastSourceId, int attempt, int records,
            @Nullable String sfJobId, String state) {

        boolean create() {
            return "create".equals(this.operation);
        }

    }

}

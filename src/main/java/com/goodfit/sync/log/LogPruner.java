package com.goodfit.sync.log;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the per-run log rows ({@code sync_plan}, {@code sync_error}, {@code sync_bulk_job}) of runs whose last
 * execution ended longer ago than the retention. Links, the index and the job repository's own rows stay; a run
 * still running, or whose last execution has not ended, keeps its rows.
 */
@Component
public class LogPruner {

    private static final String OLD_RUNS = """
            SELECT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i
            WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                              AND (e.END_TIME IS NULL OR e.END_TIME >= ?))""";

    private final JdbcTemplate jdbc;

    private final LogProperties properties;

    LogPruner(JdbcTemplate jdbc, LogProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** @return the configured retention */
    public Duration retention() {
        return this.properties.retention();
    }

    /**
     * @param retention keep the rows of runs that ended within this
     * @return the rows deleted (plan, error and Bulk job rows)
     */
    @Transactional
    public long prune(Duration retention) {
        LocalDateTime cutoff = LocalDateTime.now().minus(retention);
        long errors = this.jdbc.update("DELETE FROM sync_error WHERE job_instance_id IN (" + OLD_RUNS + ")", cutoff);
        long plans = this.jdbc.update("DELETE FROM sync_plan WHERE job_instance_id IN (" + OLD_RUNS + ")", cutoff);
        long bulkJobs = this.jdbc.update("DELETE FROM sync_bulk_job WHERE job_instance_id IN (" + OLD_RUNS + ")",
                cutoff);
        return errors + plans + bulkJobs;
    }

}

package com.goodfit.sync.jobs;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes the database's table statistics after a step has rewritten a large part of our tables (the index
 * refresh, the plan). Autovacuum's analyze comes later; until then PostgreSQL plans with the old row counts and can
 * pick scans that make each of the next step's lookups read a whole table.
 */
@Component
class TableStatistics {

    private final JdbcTemplate jdbc;

    TableStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plain {@code ANALYZE} is the one form PostgreSQL and H2 both accept; it samples, so it stays quick. */
    void refresh() {
        this.jdbc.execute("ANALYZE");
    }

}

package com.goodfit.sync.jobs;

import com.goodfit.sync.database.DatabaseKind;

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

    private final DatabaseKind database;

    TableStatistics(JdbcTemplate jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * PostgreSQL analyzes just the tables named (a whole-database {@code ANALYZE} also samples the source tables,
     * which took longer than the tables that changed); H2 only knows the whole-database form, which is quick at the
     * sizes it serves.
     *
     * @param tables the tables a step has rewritten
     */
    void refresh(String... tables) {
        this.jdbc.execute(this.database.isPostgres() ? "ANALYZE " + String.join(", ", tables) : "ANALYZE");
    }

}

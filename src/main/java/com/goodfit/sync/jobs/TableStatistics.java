package com.goodfit.sync.jobs;

import java.sql.Connection;
import java.util.Locale;

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

    private volatile Boolean postgres;

    TableStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * PostgreSQL analyzes just the tables named (a whole-database {@code ANALYZE} also samples the source tables,
     * which took longer than the tables that changed); H2 only knows the whole-database form, which is quick at the
     * sizes it serves.
     *
     * @param tables the tables a step has rewritten
     */
    void refresh(String... tables) {
        this.jdbc.execute(isPostgres() ? "ANALYZE " + String.join(", ", tables) : "ANALYZE");
    }

    private boolean isPostgres() {
        if (this.postgres == null) {
            String product = this.jdbc.execute((Connection connection) -> connection.getMetaData()
                .getDatabaseProductName());
            this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        }
        return this.postgres;
    }

}

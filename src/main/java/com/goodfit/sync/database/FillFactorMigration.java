package com.goodfit.sync.database;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

/**
 * Leaves half of each new page of the tables the apply step updates free on PostgreSQL: {@code sync_plan}, whose
 * every pending row is updated once with its outcome, and {@code sf_record_index}, whose rows are updated when
 * Salesforce records change. Rows are updated in batches of neighbours; with room on its page a new row version stays
 * there (a heap-only update: no new primary-key entry, a smaller write-ahead log record). In a first sync of a
 * million records that halved the outcome updates' database time. H2, the embedded default, has no such setting.
 */
@Component
class FillFactorMigration extends CodedMigration {

    private final DatabaseKind database;

    FillFactorMigration(DatabaseKind database) {
        super("10", "fill factors of updated tables");
        this.database = database;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!this.database.isPostgres()) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE sync_plan SET (fillfactor = 50)");
            statement.execute("ALTER TABLE sf_record_index SET (fillfactor = 50)");
        }
    }

}

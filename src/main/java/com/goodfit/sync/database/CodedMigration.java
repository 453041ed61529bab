package com.goodfit.sync.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java, for the steps SQL cannot say the same way on PostgreSQL and H2. Flyway picks
 * it up as a bean; it runs in the migration's transaction and has no checksum (its code is its content).
 */
public abstract class CodedMigration implements JavaMigration {

    private final MigrationVersion version;

    private final String description;

    /**
     * @param version the schema version it brings, after the SQL migrations before it in {@code sql/}
     * @param description what it does, as Flyway's history shows it
     */
    protected CodedMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return this.version;
    }

    @Override
    public final String getDescription() {
        return this.description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

}

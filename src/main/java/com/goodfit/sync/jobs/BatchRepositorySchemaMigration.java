package com.goodfit.sync.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import com.goodfit.sync.database.CodedMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates the Spring Batch job repository tables by running the DDL script shipped in Spring Batch's own jar for
 * the connected database, so the BATCH_* schema always matches the Batch version on the classpath and is never
 * hand-edited.
 */
@Component
class BatchRepositorySchemaMigration extends CodedMigration {

    BatchRepositorySchemaMigration() {
        super("2", "spring batch job repository");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String platform = platformOf(connection);
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
    }

    private static String platformOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("Unsupported database '" + product + "': use PostgreSQL or the embedded H2");
    }

}

package com.goodfit.sync.database;

import java.sql.Connection;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the connector runs on: PostgreSQL in deployments, the embedded H2 for the demo and small trials.
 * Asked once, when first needed, so that building the context does not open a connection.
 */
@Component
public class DatabaseKind {

    private final JdbcTemplate jdbc;

    private volatile Boolean postgres;

    DatabaseKind(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** @return whether the database is PostgreSQL */
    public boolean isPostgres() {
        Boolean known = this.postgres;
        if (known == null) {
            String product = this.jdbc.execute((Connection connection) -> connection.getMetaData()
                .getDatabaseProductName());
            known = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
            this.postgres = known;
        }
        return known;
    }

}

package com.goodfit.sync.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;

/**
 * Fills the source tables with generated sample data in one transaction: COPY on PostgreSQL, JDBC batches on the
 * embedded H2 database. {@code field_definitions} is only read, for its picklist values. Either every row is
 * written or none is.
 */
public final class SampleDataLoader {

    private final DataSource dataSource;

    public SampleDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Generates and writes the rows.
     * @param companies the number of companies
     * @param contactsPerCompany the average number of contacts per company
     * @param seed the seed of all values
     * @param replace whether to empty {@code companies} and {@code contacts} first; if false they must be empty
     * @throws UserFacingException if the database cannot be reached, is not migrated, holds rows (without
     * {@code replace}) or fails during the load
     */
    public GenerationSummary load(long companies, int contactsPerCompany, long seed, boolean replace,
            GenerationListener listener) {
        long started = System.nanoTime();
        try (Connection connection = connect()) {
            String database = connection.getMetaData().getDatabaseProductName();
            boolean postgres = database.toLowerCase(Locale.ROOT).contains("postgres");
            SampleDataSpec spec = new SampleDataSpec(companies, contactsPerCompany, seed,
                    picklist(connection, "contact", "seniority"), picklist(connection, "account", "funding_stage"));
            connection.setAutoCommit(false);
            try {
                prepareTables(connection, postgres, replace);
                SampleDataGenerator generator = new SampleDataGenerator(spec);
                SampleDataWriter writer = postgres ? new CopySampleDataWriter(connection)
                        : new BatchSampleDataWriter(connection);
                MessTally tally = new MessTally();
                listener.started(database, postgres ? "COPY" : "JDBC batch inserts", spec.companies(),
                        spec.contacts());
                writer.writeCompanies(tally.counting(generator.companies(), SampleCompany::mess),
                        (written) -> listener.written("companies", written, spec.companies()));
                writer.writeContacts(tally.counting(generator.contacts(), SampleContact::mess),
                        (written) -> listener.written("contacts", written, spec.contacts()));
                analyze(connection, postgres);
                connection.commit();
                return new GenerationSummary(database, spec.companies(), spec.contacts(),
                        Duration.ofNanos(System.nanoTime() - started), tally.counts());
            }
            catch (SQLException | RuntimeException ex) {
                rollback(connection, ex);
                throw ex;
            }
        }
        catch (SQLException ex) {
            if (isMissingTable(ex)) {
                throw notMigrated(ex);
            }
            throw new UserFacingException(
                    "generate failed and was rolled back, the source tables are unchanged: " + firstLine(ex),
                    ExitCodes.FAILED, ex);
        }
    }

    private Connection connect() {
        try {
            return this.dataSource.getConnection();
        }
        catch (SQLException ex) {
            throw new UserFacingException("cannot connect to the database: " + firstLine(ex), ExitCodes.UNAVAILABLE,
                    ex);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
        }
    }

    private static List<String> picklist(Connection connection, String objectType, String fieldKey)
            throws SQLException {
        String sql = "SELECT picklist_values FROM field_definitions WHERE object_type = ? AND field_key = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, objectType);
            query.setString(2, fieldKey);
            try (ResultSet result = query.executeQuery()) {
                String values = result.next() ? result.getString(1) : null;
                if (values == null || values.isBlank()) {
                    throw new UserFacingException("field_definitions has no picklist values for " + objectType + "."
                            + fieldKey + ": is the database migrated?");
                }
                List<String> picklist = new ArrayList<>();
                for (String value : values.split(",")) {
                    picklist.add(value.strip());
                }
                return picklist;
            }
        }
    }

    private static void prepareTables(Connection connection, boolean postgres, boolean replace) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (replace) {
                // H2 refuses TRUNCATE on a table that a foreign key references, even an empty one.
                if (postgres) {
                    statement.execute("TRUNCATE contacts, companies");
                }
                else {
                    statement.execute("DELETE FROM contacts");
                    statement.execute("DELETE FROM companies");
                }
                return;
            }
            long companies = count(statement, "companies");
            long contacts = count(statement, "contacts");
            if (companies > 0 || contacts > 0) {
                throw new UserFacingException(String.format(Locale.ROOT,
                        "the source tables are not empty (companies: %,d rows, contacts: %,d rows); "
                                + "use --replace to empty them first",
                        companies, contacts));
            }
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    // Fresh statistics let the connector's first paging queries plan well; autovacuum would get there later.
    // ANALYZE may run inside the transaction and then sees its rows.
    private static void analyze(Connection connection, boolean postgres) throws SQLException {
        if (postgres) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE companies, contacts");
            }
        }
    }

    private static UserFacingException notMigrated(SQLException ex) {
        return new UserFacingException("the database is not migrated (" + firstLine(ex)
                + "); start the application with Flyway enabled to create the source tables", ExitCodes.FAILED, ex);
    }

    // 42P01 is PostgreSQL's undefined_table, 42S02 (42102 in H2's own codes) the standard "table not found".
    private static boolean isMissingTable(SQLException ex) {
        return "42P01".equals(ex.getSQLState()) || "42S02".equals(ex.getSQLState()) || ex.getErrorCode() == 42102;
    }

    private static String firstLine(SQLException ex) {
        String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return ((newline >= 0) ? message.substring(0, newline) : message).strip();
    }

}

package com.goodfit.sync.source;

import java.io.PrintWriter;
import java.io.StringWriter;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;

import com.goodfit.sync.admin.UserFacingException;
import com.goodfit.sync.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresIntegrationTest
class SampleDataLoaderIT {

    private static final GenerationListener SILENT = new GenerationListener() {

        @Override
        public void started(String database, String method, long companies, long contacts) {
        }

        @Override
        public void written(String table, long written, long total) {
        }

    };

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptySourceTables() {
        this.jdbc.execute("TRUNCATE contacts, companies");
    }

    @Test
    void copiesExactlyTheGeneratedRowsIntoPostgres() {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new GenerateCommand(this.dataSource)).setOut(new PrintWriter(out))
            .execute("--companies", "2000", "--contacts-per-company", "3", "--seed", "7");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("into PostgreSQL with COPY")
            .contains("Generated 2,000 companies and 6,000 contacts (seed 7) into PostgreSQL")
            .contains("invalid websites", "companies sharing a root domain", "invalid or missing emails",
                    "missing last names", "over-long strings");
        assertThat(count("SELECT COUNT(*) FROM companies")).isEqualTo(2000);
        assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(6000);
        assertThat(count("SELECT COUNT(*) FROM field_definitions")).isEqualTo(23);
        SampleDataGenerator generator = new SampleDataGenerator(new SampleDataSpec(2000, 3, 7));
        assertThat(SourceTableRows.companies(this.jdbc)).isEqualTo(SourceTableRows.companiesWithoutMess(generator));
        assertThat(SourceTableRows.contacts(this.jdbc)).isEqualTo(SourceTableRows.contactsWithoutMess(generator));
    }

    @Test
    void storedRowsAreMessyButConsistent() {
        load(2000, 3, 11, false);

        assertThat(count("SELECT COUNT(*) FROM contacts c LEFT JOIN companies co ON co.id = c.company_id "
                + "WHERE co.id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE data_points IS NOT NULL "
                + "AND json_typeof(data_points) <> 'object'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE data_points IS NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE (data_points->>'total_funding')::numeric > 0"))
            .isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE (data_points->>'founded_on')::date < DATE '2026-01-01'"))
            .isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE data_points->>'funding_stage' = 'Series A'"))
            .isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE domain IS NULL OR btrim(domain) = '' "
                + "OR domain IN ('n/a', 'N/A', '-', 'localhost', '192.168.1.1', 'co.uk')")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE domain LIKE '%xn--%'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE domain ~ '[äöü]'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE description LIKE '%' || chr(10) || '%'"))
            .isPositive();
        assertThat(count("SELECT COUNT(*) FROM contacts WHERE email IS NULL OR email LIKE '%@@%' "
                + "OR email NOT LIKE '%@%'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM contacts WHERE last_name IS NULL OR btrim(last_name) = ''"))
            .isPositive();
        assertThat(count("SELECT COUNT(*) FROM contacts WHERE length(title) >= 300")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM (SELECT lower(btrim(email)) FROM contacts WHERE email LIKE '%@%' "
                + "GROUP BY 1 HAVING COUNT(DISTINCT company_id) > 1) shared")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM contacts WHERE seniority NOT IN (SELECT unnest(string_to_array("
                + "picklist_values, ',')) FROM field_definitions WHERE field_key = 'seniority')")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM companies WHERE tier NOT IN ('A', 'B', 'C', 'D')")).isZero();
    }

    @Test
    void refusesToWriteIntoNonEmptyTablesAndNamesTheOverride() {
        load(100, 2, 1, false);

        assertThatThrownBy(() -> load(50, 1, 2, false)).isInstanceOf(UserFacingException.class)
            .hasMessage("the source tables are not empty (companies: 100 rows, contacts: 200 rows); "
                    + "use --replace to empty them first");
        assertThat(count("SELECT COUNT(*) FROM companies")).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(200);
    }

    @Test
    void replaceEmptiesTheSourceTablesFirstAndKeepsFieldDefinitions() {
        load(300, 3, 1, false);

        GenerationSummary summary = load(120, 2, 2, true);

        assertThat(summary.companies()).isEqualTo(120);
        assertThat(summary.contacts()).isEqualTo(240);
        assertThat(count("SELECT COUNT(*) FROM companies")).isEqualTo(120);
        assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(240);
        assertThat(count("SELECT COUNT(*) FROM field_definitions")).isEqualTo(23);
        SampleDataGenerator generator = new SampleDataGenerator(new SampleDataSpec(120, 2, 2));
        assertThat(SourceTableRows.companies(this.jdbc)).isEqualTo(SourceTableRows.companiesWithoutMess(generator));
    }

    @Test
    void reportsAnUnmigratedDatabaseInOneLine() {
        this.jdbc.execute("DROP SCHEMA IF EXISTS generate_unmigrated CASCADE");
        this.jdbc.execute("CREATE SCHEMA generate_unmigrated");
        String url = this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getURL());
        DriverManagerDataSource unmigrated = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=generate_unmigrated", "postgres", "");

        assertThatThrownBy(() -> new SampleDataLoader(unmigrated).load(10, 1, 1, false, SILENT))
            .isInstanceOf(UserFacingException.class)
            .hasMessageStartingWith("the database is not migrated (")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    private GenerationSummary load(long companies, int contactsPerCompany, long seed, boolean replace) {
        return new SampleDataLoader(this.dataSource).load(companies, contactsPerCompany, seed, replace, SILENT);
    }

    private long count(String sql) {
        return this.jdbc.queryForObject(sql, Long.class);
    }

}

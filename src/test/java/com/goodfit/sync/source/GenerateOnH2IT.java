package com.goodfit.sync.source;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the zero-install path: the whole application on a temporary embedded H2 file database, as
 * application.yml configures it, then the same seed into PostgreSQL to show both hold the same rows.
 */
@SpringBootTest(properties = "goodfit.cli.enabled=false")
class GenerateOnH2IT {

    private static final Path DATA_DIR = temporaryDirectory();

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA_DIR.resolve("goodfit")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void generatesOnH2TheSameRowsAsOnPostgres() {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new GenerateCommand(this.dataSource)).setOut(new PrintWriter(out))
            .execute("--companies", "1500", "--contacts-per-company", "3", "--seed", "5");
        JdbcTemplate h2 = new JdbcTemplate(this.dataSource);

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("into H2 with JDBC batch inserts")
            .contains("Generated 1,500 companies and 4,500 contacts (seed 5) into H2");
        SampleDataGenerator generator = new SampleDataGenerator(new SampleDataSpec(1500, 3, 5));
        assertThat(SourceTableRows.companies(h2)).isEqualTo(SourceTableRows.companiesWithoutMess(generator));
        assertThat(SourceTableRows.contacts(h2)).isEqualTo(SourceTableRows.contactsWithoutMess(generator));
        // Stored as JSON objects, not as JSON strings that happen to hold JSON text.
        assertThat(h2.queryForObject("SELECT COUNT(*) FROM companies WHERE data_points IS NOT NULL "
                + "AND data_points IS NOT JSON OBJECT", Long.class)).isZero();
        assertThat(h2.queryForObject("SELECT COUNT(*) FROM companies WHERE data_points IS JSON OBJECT", Long.class))
            .isPositive();

        JdbcTemplate postgres = new JdbcTemplate(postgres());
        new SampleDataLoader(postgres.getDataSource()).load(1500, 3, 5, true, new GenerationListener() {

            @Override
            public void started(String database, String method, long companies, long contacts) {
                assertThat(method).isEqualTo("COPY");
            }

            @Override
            public void written(String table, long written, long total) {
            }

        });
        assertThat(SourceTableRows.companies(postgres)).isEqualTo(SourceTableRows.companies(h2));
        assertThat(SourceTableRows.contacts(postgres)).isEqualTo(SourceTableRows.contacts(h2));
    }

    // The PostgreSQL integration tests' database, migrated up to the source tables if no test has done so yet.
    private static DataSource postgres() {
        String url = System.getenv()
            .getOrDefault("GOODFIT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/goodfit_test");
        DataSource dataSource = new DriverManagerDataSource(url,
                System.getenv().getOrDefault("GOODFIT_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("GOODFIT_TEST_DB_PASSWORD", ""));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1")
            .validateOnMigrate(false).load().migrate();
        return dataSource;
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("goodfit-h2-");
            directory.toFile().deleteOnExit();
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}

package com.goodfit.sync.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class SourceReaderFactoryIT {

    @Autowired
    SourceReaderFactory readers;

    @Autowired
    FieldDirectoryRepository directory;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link WHERE job_name IN ('reader-it', 'another-job')");
        this.jdbc.update("INSERT INTO companies (id, name, domain, employees, annual_revenue, data_points) VALUES "
                + "(20, 'Globex', 'globex.com', 5, 10.50, CAST(? AS JSON)), "
                + "(10, 'Acme', 'https://www.acme.com', NULL, NULL, NULL), "
                + "(30, 'Initech', 'initech.com', 7, NULL, CAST('{}' AS JSON))",
                "{\"is_hiring\": true, \"founded_on\": \"2001-02-03\", \"ignored\": 1}");
        this.jdbc.update("INSERT INTO sf_link (job_name, object_type, source_id, sf_id) VALUES "
                + "('reader-it', 'account', 20, '001000000000020AAA'), "
                + "('another-job', 'account', 10, '001000000000010AAA')");
    }

    @Test
    void readsCompaniesInIdOrderWithColumnsDataPointsAndThisJobsLinks() throws Exception {
        List<SourceRecord> records = readAll(this.readers.reader("companies", SourceObject.ACCOUNT, "reader-it",
                this.directory.load(), null, Map.of(), 2));

        assertThat(records).extracting(SourceRecord::id).containsExactly(10L, 20L, 30L);
        SourceRecord acme = records.get(0);
        assertThat(acme.value("domain")).isEqualTo("https://www.acme.com");
        assertThat(acme.value("employees")).isNull();
        assertThat(acme.linkedSfId()).as("a link of another job does not count").isNull();
        SourceRecord globex = records.get(1);
        assertThat(globex.linkedSfId()).isEqualTo("001000000000020AAA");
        assertThat(globex.value("annual_revenue")).isEqualTo(new BigDecimal("10.50"));
        assertThat(globex.value("is_hiring")).isEqualTo(true);
        assertThat(globex.value("founded_on")).isEqualTo("2001-02-03");
        assertThat(globex.values()).doesNotContainKey("ignored");
    }

    @Test
    void appliesASelectionWithNamedParameters() throws Exception {
        List<SourceRecord> records = readAll(this.readers.reader("companies", SourceObject.ACCOUNT, "reader-it",
                this.directory.load(), "s.employees >= :min", Map.of("min", 6), 10));

        assertThat(records).extracting(SourceRecord::id).containsExactly(30L);
    }

    private static List<SourceRecord> readAll(JdbcPagingItemReader<SourceRecord> reader) throws Exception {
        reader.afterPropertiesSet();
        reader.open(new ExecutionContext());
        List<SourceRecord> records = new ArrayList<>();
        for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
            records.add(record);
        }
        reader.close();
        return records;
    }

}

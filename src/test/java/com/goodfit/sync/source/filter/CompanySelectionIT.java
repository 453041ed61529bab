package com.goodfit.sync.source.filter;

import java.util.List;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compiled selections run on the real PostgreSQL source tables, including data points and hostile input.
 */
@PostgresIntegrationTest
class CompanySelectionIT {

    @Autowired
    CompanySelectionCompiler compiler;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void companies() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        company(1, "Acme", "Germany", 120, "A", "{\"founded_on\": \"2010-05-01\", \"is_hiring\": true, "
                + "\"total_funding\": 5000000}");
        company(2, "O'Reilly", "Ireland", 40, "B", "{\"founded_on\": \"2019-01-31\", \"is_hiring\": false}");
        company(3, "Globex", "Germany", 8, null, "{\"founded_on\": \"not a date\", \"total_funding\": \"lots\"}");
        company(4, "Initech", null, 300, "A", null);
        company(5, "Umbrella", "Germany", 55, "C", "{}");
    }

    @Test
    void selectsByColumnsOfEveryType() {
        assertThat(select("country = 'Germany' and employees >= 50")).containsExactly(1L, 5L);
        assertThat(select("tier in ('A', 'C') or country is null")).containsExactly(1L, 4L, 5L);
        assertThat(select("name like '%e%' and not country = 'Ireland'")).containsExactly(1L, 3L, 5L);
        assertThat(select("country != 'Germany'")).as("SQL semantics: null is not != 'Germany'").containsExactly(2L);
        assertThat(select("name = 'O''Reilly'")).containsExactly(2L);
    }

    @Test
    void selectsByDataPointsAndTreatsMessyOnesAsNull() {
        assertThat(select("founded_on >= date '2015-01-01'")).containsExactly(2L);
        assertThat(select("is_hiring = true")).containsExactly(1L);
        assertThat(select("is_hiring = false or is_hiring is null")).containsExactly(2L, 3L, 4L, 5L);
        assertThat(select("total_funding > 1000")).containsExactly(1L);
        assertThat(select("founded_on is null")).as("'not a date' compares as null").containsExactly(3L, 4L, 5L);
    }

    @Test
    void limitTakesTheLowestMatchingIdsAndIdsRestrict() {
        assertThat(select(new CompanySelection("country = 'Germany'", 2, List.of()))).containsExactly(1L, 3L);
        assertThat(select(new CompanySelection(null, 2, List.of()))).containsExactly(1L, 2L);
        assertThat(select(new CompanySelection(null, null, List.of(5L, 2L, 99L)))).containsExactly(2L, 5L);
        assertThat(select(new CompanySelection("country = 'Germany'", 1, List.of(3L, 5L)))).containsExactly(3L);
    }

    @Test
    void hostileInputIsOnlyEverAValue() {
        List<String> hostile = List.of("name = 'x''); DROP TABLE companies; --'",
                "name in ('a', 'b''); DELETE FROM companies; --')", "name like '%'' OR ''1''=''1'",
                "country = 'Germany'' OR ''1''=''1'", "name = '\\'' OR 1=1 --'",
                "country = 'x'' UNION SELECT id FROM companies --'");
        for (String filter : hostile) {
            assertThat(select(filter)).as(filter).isEmpty();
        }
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM companies", Long.class)).isEqualTo(5);
        assertThatExceptionOfType(FilterException.class).isThrownBy(() -> select("name = 'x'; DROP TABLE companies"))
            .withMessageContaining("column 11");
        assertThatExceptionOfType(FilterException.class)
            .isThrownBy(() -> select("companies.id = 1 or pg_sleep(10) is null"))
            .withMessageContaining("unexpected character '.'");
        assertThatExceptionOfType(FilterException.class).isThrownBy(() -> select("data_points is not null"))
            .withMessageContaining("unknown field 'data_points'");
    }

    private List<Long> select(String filter) {
        return select(new CompanySelection(filter, null, List.of()));
    }

    private List<Long> select(CompanySelection selection) {
        CompiledFilter compiled = this.compiler.compile(selection);
        return new NamedParameterJdbcTemplate(this.jdbc)
            .queryForList("SELECT s.id FROM companies s WHERE " + compiled.sql() + " ORDER BY s.id",
                    compiled.parameters(), Long.class);
    }

    private void company(long id, String name, String country, int employees, String tier, String dataPoints) {
        this.jdbc.update("INSERT INTO companies (id, name, domain, country, employees, tier, data_points) "
                + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSON))", id, name, "c" + id + ".com", country, employees, tier,
                dataPoints);
    }

}

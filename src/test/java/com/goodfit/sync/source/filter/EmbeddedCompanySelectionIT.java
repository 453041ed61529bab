package com.goodfit.sync.source.filter;

import java.util.List;

import com.goodfit.sync.support.EmbeddedIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo's embedded H2 database runs filters on columns, with limit and ids, and refuses data points by name.
 */
@EmbeddedIntegrationTest
class EmbeddedCompanySelectionIT {

    @Autowired
    CompanySelectionCompiler compiler;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void columnFiltersLimitAndIdsRunOnTheEmbeddedDatabase() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        for (long id = 1; id <= 5; id++) {
            this.jdbc.update("INSERT INTO companies (id, name, country, employees) VALUES (?, ?, ?, ?)", id,
                    "Company " + id, (id % 2 == 0) ? "France" : "Spain", id * 10);
        }

        assertThat(select(new CompanySelection("country = 'Spain' and employees > 10", null, List.of())))
            .containsExactly(3L, 5L);
        assertThat(select(new CompanySelection("name like 'Company%' or country is null", 2, List.of(2L, 4L, 5L))))
            .containsExactly(2L, 4L);
        assertThatExceptionOfType(FilterException.class)
            .isThrownBy(() -> this.compiler.compile(new CompanySelection("is_hiring = true", null, List.of())))
            .withMessageContaining("PostgreSQL only");
    }

    private List<Long> select(CompanySelection selection) {
        CompiledFilter compiled = this.compiler.compile(selection);
        return new NamedParameterJdbcTemplate(this.jdbc).queryForList(
                "SELECT s.id FROM companies s WHERE " + compiled.sql() + " ORDER BY s.id", compiled.parameters(),
                Long.class);
    }

}

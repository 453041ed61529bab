package com.goodfit.sync.source;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Flyway migrations must create on every supported database: the source tables, the seeded data
 * directory and Spring Batch's job repository.
 */
abstract class SchemaContract {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsTheSourceTablesWithTheirColumns() {
        assertThat(columnsOf("companies")).contains("id", "name", "domain", "industry", "employees",
                "annual_revenue", "country", "city", "linkedin_url", "description", "score", "tier", "updated_at",
                "data_points");
        assertThat(columnsOf("contacts")).contains("id", "company_id", "email", "first_name", "last_name", "title",
                "seniority", "department", "phone", "linkedin_url", "updated_at");
    }

    @Test
    void seedsTheDataDirectoryWithEveryFieldTypeForBothObjects() {
        List<Map<String, Object>> rows = this.jdbc.queryForList(
                "SELECT object_type, field_key, field_type FROM field_definitions ORDER BY object_type, field_key");

        assertThat(rows).extracting(row -> row.get("field_type"))
            .contains("text", "number", "currency", "date", "boolean", "url", "email", "phone", "picklist");
        assertThat(rows).filteredOn(row -> "account".equals(row.get("object_type")))
            .extracting(row -> row.get("field_key"))
            .contains("name", "domain", "industry", "employees", "annual_revenue", "country", "city",
                    "linkedin_url", "description", "score", "tier");
        assertThat(rows).filteredOn(row -> "contact".equals(row.get("object_type")))
            .extracting(row -> row.get("field_key"))
            .contains("email", "first_name", "last_name", "title", "seniority", "department", "phone",
                    "linkedin_url");
    }

    @Test
    void rejectsAFieldDefinitionOfAnUnknownType() {
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> this.jdbc.update("INSERT INTO field_definitions "
                    + "(field_key, object_type, label, field_type, description) "
                    + "VALUES ('x', 'account', 'X', 'blob', 'no such type')"))
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void storesAndReturnsJsonDataPoints() {
        this.jdbc.update("DELETE FROM contacts WHERE company_id = -1");
        this.jdbc.update("DELETE FROM companies WHERE id = -1");
        this.jdbc.update("INSERT INTO companies (id, name, data_points) VALUES (-1, 'Json Co', "
                + jsonParameter() + ")", "{\"is_hiring\": true}");

        String stored = this.jdbc.queryForObject("SELECT data_points FROM companies WHERE id = -1", String.class);
        this.jdbc.update("DELETE FROM companies WHERE id = -1");

        assertThat(stored).contains("\"is_hiring\"").contains("true");
    }

    @Test
    void createsTheConnectorTables() {
        assertThat(columnsOf("sf_record_index")).contains("job_name", "object_type", "sf_id", "created_date",
                "match_key", "external_id", "field_values");
        assertThat(columnsOf("sf_link")).contains("job_name", "object_type", "source_id", "sf_id");
        assertThat(columnsOf("sync_plan")).contains("job_instance_id", "source_id", "operation", "reason",
                "sf_id", "changes", "status", "outcome", "error_code");
        assertThat(columnsOf("sync_error")).contains("status_code", "message", "fields");
    }

    @Test
    void createsTheBatchJobRepository() {
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_instance", Integer.class)).isNotNull();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_step_execution_context", Integer.class))
            .isNotNull();
    }

    /** How this database takes a JSON text parameter. */
    abstract String jsonParameter();

    private List<String> columnsOf(String table) {
        return this.jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns "
                + "WHERE LOWER(table_name) = ?", String.class, table);
    }

}

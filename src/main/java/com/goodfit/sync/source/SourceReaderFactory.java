package com.goodfit.sync.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Builds the paging readers over the source tables: each row with the values of every field in the data directory
 * (columns and {@code data_points} keys) and the Salesforce Id an earlier sync of this job linked it to, in
 * ascending id order (which is what makes "the lowest id owns a shared key" hold). A contact also carries, as its
 * built-in {@code account} field, the Account its company is linked to.
 */
@Component
public class SourceReaderFactory {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;

    private final JsonMapper json;

    SourceReaderFactory(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param name the reader's name, under which its position is saved for restarts
     * @param object companies or contacts
     * @param jobName the job whose links are joined in
     * @param directory the fields to read
     * @param selection an extra SQL condition on the source alias {@code s} (a compiled filter), or null
     * @param selectionParameters named parameters of the selection
     * @param pageSize rows a page
     * @return a reader that is not yet opened
     * @throws Exception when Spring Batch cannot build the paging query for this database
     */
    public JdbcPagingItemReader<SourceRecord> reader(String name, SourceObject object, String jobName,
            FieldDirectory directory, @Nullable String selection, Map<String, Object> selectionParameters,
            int pageSize) throws Exception {
        List<FieldDefinition> fields = directory.fieldsOf(object);
        String columns = fields.stream()
            .filter(field -> !field.inDataPoints() && field.type() != FieldType.REFERENCE)
            .map(field -> "s." + identifier(field.key()))
            .collect(Collectors.joining(", "));
        boolean contacts = object == SourceObject.CONTACT;
        String select = "s.id" + (contacts ? ", s.company_id, a.sf_id AS account_sf_id" : "")
                + (columns.isEmpty() ? "" : ", " + columns) + (contacts ? "" : ", s.data_points")
                + ", l.sf_id AS linked_sf_id";
        String from = object.table() + " s LEFT JOIN sf_link l ON l.job_name = :jobName AND l.object_type = '"
                + object.name().toLowerCase(Locale.ROOT) + "' AND l.source_id = s.id"
                + (contacts ? " LEFT JOIN sf_link a ON a.job_name = :jobName AND a.object_type = 'account'"
                        + " AND a.source_id = s.company_id" : "");
        Map<String, Object> parameters = new HashMap<>(selectionParameters);
        parameters.put("jobName", jobName);
        JdbcPagingItemReaderBuilder<SourceRecord> builder = new JdbcPagingItemReaderBuilder<SourceRecord>()
            .name(name)
            .dataSource(this.dataSource)
            .selectClause(select)
            .fromClause(from)
            .sortKeys(Map.of("id", Order.ASCENDING))
            .parameterValues(parameters)
            .pageSize(pageSize)
            .rowMapper(rowMapper(fields, contacts));
        if (selection != null) {
            builder.whereClause(condition(object, selection));
        }
        return builder.build();
    }

    /**
     * The run's selection as a condition on the rows of one source table (alias {@code s}). A selection is written
     * on companies; contacts are selected through their company.
     * @param object companies or contacts
     * @param selection the condition on companies (alias {@code s})
     * @return the condition on {@code object}'s table
     */
    public static String condition(SourceObject object, String selection) {
        if (object == SourceObject.ACCOUNT) {
            return selection;
        }
        // Inside the subquery the alias s names companies (an inner alias hides the outer one), so the selection is
        // used as written, with no rewriting of its text.
        return "s.company_id IN (SELECT s.id FROM companies s WHERE (" + selection + "))";
    }

    private RowMapper<SourceRecord> rowMapper(List<FieldDefinition> fields, boolean contacts) {
        return (rs, rowNum) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Object> dataPoints = contacts ? Map.of() : dataPointsOf(rs);
            for (FieldDefinition field : fields) {
                Object value;
                if (field.type() == FieldType.REFERENCE) {
                    value = rs.getString("account_sf_id");
                }
                else {
                    value = field.inDataPoints() ? dataPoints.get(field.key()) : rs.getObject(field.key());
                }
                values.put(field.key(), value);
            }
            Long companyId = contacts ? rs.getLong("company_id") : null;
            return new SourceRecord(rs.getLong("id"), companyId, rs.getString("linked_sf_id"), values);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dataPointsOf(ResultSet rs) throws SQLException {
        String text = rs.getString("data_points");
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = this.json.readValue(text, Object.class);
            return (parsed instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
        }
        catch (JacksonException ex) {
            throw new SourceDataException("company " + rs.getLong("id") + " has data_points that are not valid "
                    + "JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private static String identifier(String key) {
        if (!IDENTIFIER.matcher(key).matches()) {
            throw new SourceDataException("field_definitions key '" + key + "' is not a column name (lower-case "
                    + "letters, digits and underscores)", null);
        }
        return key;
    }

}

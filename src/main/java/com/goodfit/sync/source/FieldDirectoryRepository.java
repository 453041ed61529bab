package com.goodfit.sync.source;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads the data directory from {@code field_definitions}.
 */
@Repository
public class FieldDirectoryRepository {

    private final JdbcTemplate jdbc;

    FieldDirectoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public FieldDirectory load() {
        List<FieldDefinition> definitions = this.jdbc.query("""
                SELECT field_key, object_type, label, field_type, length, numeric_precision, numeric_scale,
                       picklist_values, storage
                FROM field_definitions ORDER BY object_type, field_key""",
                (rs, rowNum) -> new FieldDefinition(rs.getString("field_key"),
                        SourceObject.valueOf(rs.getString("object_type").toUpperCase(Locale.ROOT)),
                        rs.getString("label"), FieldType.valueOf(rs.getString("field_type").toUpperCase(Locale.ROOT)),
                        rs.getObject("length", Integer.class), rs.getObject("numeric_precision", Integer.class),
                        rs.getObject("numeric_scale", Integer.class), picklistOf(rs.getString("picklist_values")),
                        "data_points".equals(rs.getString("storage"))));
        return new FieldDirectory(definitions);
    }

    private static List<String> picklistOf(String values) {
        return (values == null || values.isBlank()) ? List.of()
                : Arrays.stream(values.split(",")).map(String::trim).toList();
    }

}

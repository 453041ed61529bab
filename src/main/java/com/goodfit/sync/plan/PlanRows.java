package com.goodfit.sync.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Writes planned writes as {@code sync_plan} rows. Creates and updates wait as {@code pending} for the apply step;
 * skipped and unchanged records are done at once, with their outcome.
 */
@Component
public class PlanRows {

    private static final String INSERT = """
            INSERT INTO sync_plan (job_instance_id, object_type, source_id, operation, reason, detail, match_key,
                                   sf_id, linked_sf_id, changes, status, outcome)
            VALUES (:jobInstanceId, :objectType, :sourceId, :operation, :reason, :detail, :matchKey,
                    :sfId, :linkedSfId, :changes, :status, :outcome)""";

    private final DataSource dataSource;

    private final JsonMapper json;

    PlanRows(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param jobInstanceId the run the rows belong to
     * @param object the object being planned
     * @return a writer of plan rows
     */
    public JdbcBatchItemWriter<PlannedWrite> writer(long jobInstanceId, SourceObject object) {
        String objectType = object.name().toLowerCase(Locale.ROOT);
        return new JdbcBatchItemWriterBuilder<PlannedWrite>().dataSource(this.dataSource)
            .sql(INSERT)
            .itemSqlParameterSourceProvider(write -> {
                MapSqlParameterSource parameters = new MapSqlParameterSource();
                parameters.addValue("jobInstanceId", jobInstanceId);
                parameters.addValue("objectType", objectType);
                parameters.addValue("sourceId", write.source().id());
                parameters.addValue("operation", write.operation().name().toLowerCase(Locale.ROOT));
                parameters.addValue("reason", write.reason());
                parameters.addValue("detail", write.detail());
                parameters.addValue("matchKey", truncate(write.matchKey(), 320));
                parameters.addValue("sfId", write.sfId());
                parameters.addValue("linkedSfId", write.source().linkedSfId());
                parameters.addValue("changes", write.changes().isEmpty() ? null : changesJson(write.changes()));
                parameters.addValue("status", write.isWrite() ? "pending" : "done");
                parameters.addValue("outcome", outcomeOf(write.operation()));
                return parameters;
            })
            .assertUpdates(true)
            .build();
    }

    /**
     * @param changes the fields a write changes
     * @return them as stored: a JSON object of field to {@code {"from": ..., "to": ...}}
     */
    private String changesJson(List<FieldChange> changes) {
        Map<String, Map<String, @Nullable Object>> byField = new LinkedHashMap<>();
        for (FieldChange change : changes) {
            Map<String, @Nullable Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", change.from());
            fromTo.put("to", change.to());
            byField.put(change.field(), fromTo);
        }
        return this.json.writeValueAsString(byField);
    }

    private static @Nullable String outcomeOf(Operation operation) {
        return switch (operation) {
            case SKIP -> "skipped";
            case UNCHANGED -> "unchanged";
            case CREATE, UPDATE -> null;
        };
    }

    private static @Nullable String truncate(@Nullable String value, int length) {
        return (value == null || value.length() <= length) ? value : value.substring(0, length);
    }

}

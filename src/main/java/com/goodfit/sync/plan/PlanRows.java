package com.goodfit.sync.plan;

import java.util.List;
import java.util.Locale;

import com.goodfit.sync.database.JsonColumns;
import com.goodfit.sync.database.TableInserts;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;

/**
 * Writes planned writes as {@code sync_plan} rows. Creates and updates wait as {@code pending} for the apply step;
 * skipped and unchanged records are done at once, with their outcome.
 */
@Component
public class PlanRows {

    private static final TableInserts.Table TABLE = new TableInserts.Table("sync_plan", List.of("job_instance_id",
            "object_type", "source_id", "operation", "reason", "detail", "match_key", "sf_id", "linked_sf_id",
            "changes", "status", "outcome"));

    private final TableInserts inserts;

    private final JsonColumns json;

    PlanRows(TableInserts inserts, JsonColumns json) {
        this.inserts = inserts;
        this.json = json;
    }

    /**
     * Plan rows are the plan step's whole output, a row per source record, so they are inserted in bulk (COPY on
     * PostgreSQL) rather than by a JdbcBatchItemWriter's statement per row.
     * @param jobInstanceId the run the rows belong to
     * @param object the object being planned
     * @return a writer of plan rows, in the chunk's transaction
     */
    public ItemWriter<PlannedWrite> writer(long jobInstanceId, SourceObject object) {
        String objectType = object.name().toLowerCase(Locale.ROOT);
        return chunk -> {
            // The changes' JSON is most of the work: both halves of the chunk are encoded at once.
            List<Object[]> rows = ChunkHalves.map(chunk.getItems(), write -> new Object[] { jobInstanceId,
                    objectType, write.source().id(), write.operation().name().toLowerCase(Locale.ROOT),
                    write.reason(), write.detail(), truncate(write.matchKey(), 320), write.sfId(),
                    write.source().linkedSfId(), write.changes().isEmpty() ? null : changesJson(write.changes()),
                    write.isWrite() ? "pending" : "done", outcomeOf(write.operation()) });
            this.inserts.insert(TABLE, rows);
        };
    }

    /**
     * @param changes the fields a write changes
     * @return them as stored: a JSON object of field to {@code {"from": ..., "to": ...}}
     */
    private String changesJson(List<FieldChange> changes) {
        return this.json.writeChanges(sink -> changes.forEach(change -> sink.change(change.field(), change.from(),
                change.to())));
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

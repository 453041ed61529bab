package com.goodfit.sync.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.goodfit.sync.source.SourceObject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the pending creates and updates of one run's plan: all creates, then all updates. Keeping the two apart
 * means a chunk holds one kind of write, so its calls are full 200-record calls (creates and updates cannot share
 * a call) and the calls in flight finish together. The reader keeps no restart state: a restart simply reads what
 * is still pending, because every applied record leaves that state in the same transaction that records its
 * outcome.
 */
@Component
public class PendingPlanReaderFactory {

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {
    };

    private final DataSource dataSource;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    PendingPlanReaderFactory(DataSource dataSource, JdbcTemplate jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @param pageSize rows a page
     * @return a reader of pending writes, not yet opened
     * @throws Exception when Spring Batch cannot build the paging query for this database
     */
    public ItemStreamReader<PendingWrite> reader(long jobInstanceId, SourceObject object, int pageSize)
            throws Exception {
        return new CompositeItemReader<>(List.of(reader(jobInstanceId, object, "create", pageSize),
                reader(jobInstanceId, object, "update", pageSize)));
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @return how many creates and updates the run has still to apply, which is what its reader delivers
     */
    public long countPending(long jobInstanceId, SourceObject object) {
        Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_plan "
                + "WHERE job_instance_id = ? AND object_type = ? AND operation IN ('create', 'update') "
                + "AND status = 'pending'", Long.class, jobInstanceId, object.name().toLowerCase(Locale.ROOT));
        return (count != null) ? count : 0;
    }

    private JdbcPagingItemReader<PendingWrite> reader(long jobInstanceId, SourceObject object, String operation,
            int pageSize) throws Exception {
        String type = object.name().toLowerCase(Locale.ROOT);
        return new JdbcPagingItemReaderBuilder<PendingWrite>().name("pending-" + operation + "s-" + type)
            .dataSource(this.dataSource)
            .saveState(false)
            .selectClause("source_id, sf_id, match_key, linked_sf_id, changes")
            .fromClause("sync_plan")
            .whereClause("job_instance_id = :execution AND object_type = :object AND operation = :operation "
                    + "AND status = 'pending'")
            .parameterValues(Map.of("execution", jobInstanceId, "object", type, "operation", operation))
            .sortKeys(Map.of("source_id", Order.ASCENDING))
            .pageSize(pageSize)
            .rowMapper((rs, rowNum) -> new PendingWrite(rs.getLong("source_id"), "create".equals(operation),
                    rs.getString("sf_id"), rs.getString("match_key"), rs.getString("linked_sf_id"),
                    valuesOf(rs.getString("changes"))))
            .build();
    }

    private Map<String, Object> valuesOf(String changes) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (changes != null) {
            this.json.readValue(changes, CHANGES).forEach((field, fromTo) -> values.put(field, fromTo.get("to")));
        }
        return values;
    }

}

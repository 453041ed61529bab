package com.goodfit.sync.apply;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.goodfit.sync.source.SourceObject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads the pending creates and updates of one run's plan. The reader keeps no restart state: a restart simply
 * reads what is still pending, because every applied record leaves that state in the same transaction that records
 * its outcome.
 */
@Component
public class PendingPlanReaderFactory {

    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {
    };

    private final DataSource dataSource;

    private final JsonMapper json;

    PendingPlanReaderFactory(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @param pageSize rows a page
     * @return a reader of pending writes, not yet opened
     * @throws Exception when Spring Batch cannot build the paging query for this database
     */
    public JdbcPagingItemReader<PendingWrite> reader(long jobInstanceId, SourceObject object, int pageSize)
            throws Exception {
        return new JdbcPagingItemReaderBuilder<PendingWrite>().name("pending-" + object.name().toLowerCase(Locale.ROOT))
            .dataSource(this.dataSource)
            .saveState(false)
            .selectClause("source_id, operation, sf_id, match_key, linked_sf_id, changes")
            .fromClause("sync_plan")
            .whereClause("job_instance_id = :execution AND object_type = :object AND status = 'pending'")
            .parameterValues(Map.of("execution", jobInstanceId, "object", object.name().toLowerCase(Locale.ROOT)))
            .sortKeys(Map.of("source_id", Order.ASCENDING))
            .pageSize(pageSize)
            .rowMapper((rs, rowNum) -> new PendingWrite(rs.getLong("source_id"), "create".equals(rs.getString("operation")),
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

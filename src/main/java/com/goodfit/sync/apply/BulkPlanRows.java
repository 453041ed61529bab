package com.goodfit.sync.apply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.goodfit.sync.database.JsonColumns;
import com.goodfit.sync.source.SourceObject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pending plan rows a Bulk API 2.0 job covers: one operation's rows whose source ids lie in a range, read in
 * source-id order and streamed (never all held at once), and looked up again by source id or Salesforce Id when
 * the job's results come back.
 */
@Component
public class BulkPlanRows {

    private static final String COLUMNS = "source_id, sf_id, match_key, linked_sf_id, changes";

    private static final String PENDING = " FROM sync_plan WHERE job_instance_id = ? AND object_type = ? "
            + "AND operation = ? AND status = 'pending'";

    private final JdbcTemplate jdbc;

    private final JsonColumns json;

    BulkPlanRows(DataSource dataSource, JsonColumns json) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result only with a fetch size, inside a transaction (the step's).
        this.jdbc.setFetchSize(2_000);
        this.json = json;
    }

    /**
     * Streams a job's rows in source-id order until the consumer declines one.
     * @param range the operation and the source ids
     * @param maxRecords the most rows one job takes
     * @param rows takes each row; returns false to stop (that row is not taken)
     */
    void stream(Range range, int maxRecords, Predicate<PendingWrite> rows) {
        this.jdbc.query("SELECT " + COLUMNS + PENDING + BETWEEN + " ORDER BY source_id LIMIT ?", rs -> {
            while (rs.next()) {
                if (!rows.test(write(rs, range.create()))) {
                    break;
                }
            }
            return null;
        }, concat(range.arguments(), List.of(maxRecords)));
    }

    /**
     * @param range the operation and the source ids
     * @param sourceIds source ids from a job's results
     * @return the rows among them that are still pending
     */
    List<PendingWrite> bySourceIds(Range range, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        // The ids alone select the rows: a range condition beside them only gives the planner a worse choice. One
        // array parameter rather than one placeholder per id: far less for the driver to bind and the server to parse.
        return this.jdbc.query("SELECT " + COLUMNS + PENDING + " AND source_id = ANY(CAST(? AS BIGINT ARRAY))",
                (rs, n) -> write(rs, range.create()), concat(range.keyArguments(),
                        List.<Object>of((Object) sourceIds.toArray(Long[]::new))));
    }

    /**
     * Which source record each pending update of the range writes to, so that update results (keyed by Id) are
     * matched through the primary key: {@code sf_id} has no index.
     * @param range the operation and the source ids
     * @return source id by Salesforce Id
     */
    Map<String, Long> sourceIdsBySfId(Range range) {
        Map<String, Long> sourceIds = new HashMap<>();
        this.jdbc.query("SELECT sf_id, source_id" + PENDING + BETWEEN, rs -> {
            sourceIds.put(rs.getString(1), rs.getLong(2));
        }, range.arguments());
        return sourceIds;
    }

    /**
     * @param range the operation and the source ids
     * @return the rows still pending there, e.g. those a job left unprocessed
     */
    List<PendingWrite> pending(Range range) {
        return this.jdbc.query("SELECT " + COLUMNS + PENDING + BETWEEN + " ORDER BY source_id",
                (rs, n) -> write(rs, range.create()), range.arguments());
    }

    private static final String BETWEEN = " AND source_id BETWEEN ? AND ?";

    private PendingWrite write(ResultSet rs, boolean create) throws SQLException {
        return new PendingWrite(rs.getLong("source_id"), create, rs.getString("sf_id"), rs.getString("match_key"),
                rs.getString("linked_sf_id"), this.json.readNewValues(rs.getString("changes")));
    }

    private static Object[] concat(Object[] head, Collection<?> tail) {
        List<Object> all = new ArrayList<>(List.of(head));
        all.addAll(tail);
        return all.toArray();
    }

    /**
     * The plan rows of one operation in a source-id range.
     *
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @param operation {@code create} or {@code update}
     * @param first the first source id
     * @param last the last source id
     */
    record Range(long jobInstanceId, SourceObject object, String operation, long first, long last) {

        boolean create() {
            return "create".equals(this.operation);
        }

        Object[] arguments() {
            return new Object[] { this.jobInstanceId, this.object.name().toLowerCase(Locale.ROOT), this.operation,
                    this.first, this.last };
        }

        /** The arguments of {@code PENDING} alone. */
        Object[] keyArguments() {
            return new Object[] { this.jobInstanceId, this.object.name().toLowerCase(Locale.ROOT), this.operation };
        }

    }

}

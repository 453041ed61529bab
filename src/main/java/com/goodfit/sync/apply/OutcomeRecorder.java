package com.goodfit.sync.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.database.JsonColumns;
import com.goodfit.sync.database.TableInserts;
import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.LinkRepository;
import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.matching.RecordIndexRepository;
import com.goodfit.sync.plan.ExternalIds;
import com.goodfit.sync.salesforce.RecordError;
import com.goodfit.sync.salesforce.SaveResult;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records what Salesforce answered for each write, in the apply chunk's transaction: the plan row's status and
 * outcome, the link from source record to Salesforce Id, the index (written through, so later chunks and runs see
 * the record as it now is) and, for failures, every error Salesforce gave.
 */
@Component
public class OutcomeRecorder {

    /**
     * One statement settles a whole batch's plan rows: a JDBC batch of single-row updates costs the server one
     * statement per row, which dominated the apply step's time. PostgreSQL takes the rows as five arrays, a
     * statement of a few parameters instead of thousands, which the driver binds and the server parses in a
     * fraction of the time.
     */
    private static final String SETTLE_PLAN_POSTGRES = """
            UPDATE sync_plan p SET status = v.status, outcome = v.outcome, sf_id = COALESCE(v.sf_id, p.sf_id),
                error_code = v.error_code, updated_at = CURRENT_TIMESTAMP
            FROM unnest(CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),
                CAST(? AS VARCHAR[])) AS v (source_id, status, outcome, sf_id, error_code)
            WHERE p.job_instance_id = ? AND p.object_type = ? AND p.source_id = v.source_id""";

    /**
     * Bulk results on PostgreSQL: one statement settles the batch's plan rows that are still pending, links the
     * source records that had no link, and returns the settled rows. Reading the pending rows first and linking from
     * the client cost a second lookup of every plan row and a COPY of rows the server already holds.
     */
    private static final String SETTLE_AND_LINK_POSTGRES = """
            WITH settled AS (
                UPDATE sync_plan p SET status = v.status, outcome = v.outcome, sf_id = COALESCE(v.sf_id, p.sf_id),
                    error_code = v.error_code, updated_at = CURRENT_TIMESTAMP
                FROM unnest(CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),
                    CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))
                    AS v (source_id, status, outcome, sf_id, error_code, written_sf_id)
                WHERE p.job_instance_id = ? AND p.object_type = ? AND p.operation = ? AND p.status = 'pending'
                    AND p.source_id = v.source_id
                RETURNING p.source_id, p.sf_id, p.match_key, p.linked_sf_id, p.changes, v.written_sf_id),
            linked AS (
                INSERT INTO sf_link (job_name, object_type, source_id, sf_id)
                SELECT ?, ?, source_id, written_sf_id FROM settled
                WHERE written_sf_id IS NOT NULL AND linked_sf_id IS NULL)
            SELECT source_id, sf_id, match_key, linked_sf_id, changes FROM settled""";

    /** H2 gets a MERGE over VALUES; the casts type the VALUES columns even when a row's value is null. */
    private static final String SETTLE_PLAN_HEAD = "MERGE INTO sync_plan p USING (VALUES ";

    private static final String SETTLE_PLAN_ROW = "(CAST(? AS BIGINT), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(20)), "
            + "CAST(? AS VARCHAR(18)), CAST(? AS VARCHAR(100)))";

    private static final String SETTLE_PLAN_TAIL = """
            ) AS v (source_id, status, outcome, sf_id, error_code)
            ON p.job_instance_id = ? AND p.object_type = ? AND p.source_id = v.source_id
            WHEN MATCHED THEN UPDATE SET status = v.status, outcome = v.outcome, sf_id = COALESCE(v.sf_id, p.sf_id),
                error_code = v.error_code, updated_at = CURRENT_TIMESTAMP""";

    private static final TableInserts.Table ERRORS = new TableInserts.Table("sync_error", List.of("job_instance_id",
            "object_type", "source_id", "sf_id", "status_code", "message", "fields"));

    private final JdbcTemplate jdbc;

    private final RecordIndexRepository index;

    private final LinkRepository links;

    private final TableInserts inserts;

    private final DatabaseKind database;

    private final JsonColumns json;

    OutcomeRecorder(JdbcTemplate jdbc, RecordIndexRepository index, LinkRepository links, TableInserts inserts,
            DatabaseKind database, JsonColumns json) {
        this.jdbc = jdbc;
        this.index = index;
        this.links = links;
        this.inserts = inserts;
        this.database = database;
        this.json = json;
    }

    /**
     * @param run the run the results belong to
     * @param results Salesforce's answers, one per write
     */
    public void record(ApplyRun run, List<WriteResult> results) {
        Outcomes outcomes = new Outcomes(run, results);
        settlePlan(run, outcomes.planRows);
        this.links.insert(outcomes.links);
        recordTheRest(run, outcomes);
    }

    /**
     * Records results keyed by source id against one operation's plan rows that are still pending (a restart may
     * have recorded some already); the others are left alone.
     * @param run the run the results belong to
     * @param create whether the results are of creates (else of updates)
     * @param results Salesforce's answers by source id
     * @param pending reads the plan rows among these source ids that are still pending (where the settling
     * statement cannot return them)
     * @return how many results were recorded
     */
    public int recordPending(ApplyRun run, boolean create, Map<Long, SaveResult> results,
            Function<Collection<Long>, List<PendingWrite>> pending) {
        if (!this.database.isPostgres()) {
            List<WriteResult> matched = matched(pending.apply(results.keySet()), results);
            record(run, matched);
            return matched.size();
        }
        List<PendingWrite> settled = settleAndLink(run, create, results);
        // Its plan rows and new links are written already.
        Outcomes outcomes = new Outcomes(run, matched(settled, results));
        recordTheRest(run, outcomes);
        return outcomes.results;
    }

    private static List<WriteResult> matched(List<PendingWrite> writes, Map<Long, SaveResult> results) {
        List<WriteResult> matched = new ArrayList<>(writes.size());
        for (PendingWrite write : writes) {
            SaveResult result = results.get(write.sourceId());
            if (result != null) {
                matched.add(new WriteResult(write, result));
            }
        }
        return matched;
    }

    private List<PendingWrite> settleAndLink(ApplyRun run, boolean create, Map<Long, SaveResult> results) {
        if (results.isEmpty()) {
            return List.of();
        }
        int size = results.size();
        Long[] sourceIds = new Long[size];
        String[][] columns = new String[5][size];
        int i = 0;
        for (Map.Entry<Long, SaveResult> entry : results.entrySet()) {
            sourceIds[i] = entry.getKey();
            Object[] row = planRow(create, entry.getKey(), entry.getValue());
            for (int column = 0; column < 4; column++) {
                columns[column][i] = (String) row[column + 1];
            }
            columns[4][i] = entry.getValue().success() ? entry.getValue().id() : null;
            i++;
        }
        String type = type(run);
        // A create's row now holds the new Id; the write it was planned as had none.
        return this.jdbc.query(SETTLE_AND_LINK_POSTGRES,
                (rs, n) -> new PendingWrite(rs.getLong(1), create, create ? null : rs.getString(2), rs.getString(3),
                        rs.getString(4), this.json.readNewValues(rs.getString(5))),
                sourceIds, columns[0], columns[1], columns[2], columns[3], columns[4], run.jobInstanceId(), type,
                create ? "create" : "update", run.jobName(), type);
    }

    /** Everything but the plan rows and new links: changed links, errors and the index. */
    private void recordTheRest(ApplyRun run, Outcomes outcomes) {
        this.links.relink(outcomes.relinks);
        this.inserts.insert(ERRORS, outcomes.errors);
        writeThrough(run, outcomes.written);
    }

    /** The plan row's source id, status, outcome, Salesforce Id (of a created record) and error code. */
    private static Object[] planRow(boolean create, long sourceId, SaveResult result) {
        if (result.success()) {
            return create ? new Object[] { sourceId, "done", "created", result.id(), null }
                    : new Object[] { sourceId, "done", "updated", null, null };
        }
        return new Object[] { sourceId, "failed", "failed", null, errorCode(result) };
    }

    private static String errorCode(SaveResult result) {
        return result.errors().isEmpty() ? "UNKNOWN_ERROR" : result.errors().get(0).statusCode();
    }

    private static String type(ApplyRun run) {
        return run.object().name().toLowerCase(Locale.ROOT);
    }

    /** What a batch of results writes, table by table. */
    private static final class Outcomes {

        private final int results;

        private final List<Object[]> planRows;

        private final List<LinkRepository.Link> links = new ArrayList<>();

        private final List<LinkRepository.Link> relinks = new ArrayList<>();

        private final List<Object[]> errors = new ArrayList<>();

        private final List<WriteResult> written = new ArrayList<>();

        Outcomes(ApplyRun run, List<WriteResult> results) {
            this.results = results.size();
            this.planRows = new ArrayList<>(results.size());
            String type = type(run);
            for (WriteResult result : results) {
                PendingWrite write = result.write();
                this.planRows.add(planRow(write.create(), write.sourceId(), result.result()));
                if (result.result().success()) {
                    String sfId = result.result().id();
                    LinkRepository.Link link = new LinkRepository.Link(run.jobName(), run.object(), write.sourceId(),
                            sfId);
                    if (write.linkedSfId() == null) {
                        this.links.add(link);
                    }
                    else if (!write.linkedSfId().equals(sfId)) {
                        this.relinks.add(link);
                    }
                    this.written.add(result);
                }
                else {
                    List<RecordError> recordErrors = result.result().errors();
                    for (RecordError error : recordErrors) {
                        this.errors.add(new Object[] { run.jobInstanceId(), type, write.sourceId(), write.sfId(),
                                error.statusCode(), error.message(), String.join(",", error.fields()) });
                    }
                    if (recordErrors.isEmpty()) {
                        this.errors.add(new Object[] { run.jobInstanceId(), type, write.sourceId(), write.sfId(),
                                errorCode(result.result()), "Salesforce reported a failure without an error", null });
                    }
                }
            }
        }

    }

    private void writeThrough(ApplyRun run, List<WriteResult> written) {
        if (written.isEmpty()) {
            return;
        }
        // A record Salesforce just inserted cannot be in the index: only the others are looked up.
        RecordIndex known = this.index.loadIds(run.jobName(), run.object(), written.stream()
            .filter(result -> !(result.write().create() && result.result().created()))
            .map(result -> result.result().id())
            .toList());
        List<IndexedRecord> added = new ArrayList<>();
        List<IndexedRecord> changed = new ArrayList<>();
        for (WriteResult result : written) {
            String sfId = result.result().id();
            Optional<IndexedRecord> before = known.byId(sfId);
            Map<String, @Nullable Object> values = new LinkedHashMap<>(
                    before.map(IndexedRecord::fieldValues).orElse(Map.of()));
            values.putAll(result.write().values());
            if (result.write().create()) {
                values.put(run.externalIds().field(), run.externalIds().valueFor(result.write().sourceId()));
            }
            boolean keyChanged = result.write().values().keySet().stream().anyMatch(run.keyField()::equalsIgnoreCase);
            String key = (before.isEmpty() || keyChanged) ? result.write().matchKey()
                    : before.get().matchKey();
            Instant created = before.map(IndexedRecord::createdDate).orElseGet(Instant::now);
            IndexedRecord record = new IndexedRecord(sfId, created, key, values, result.write().sourceId());
            (before.isPresent() ? changed : added).add(record);
        }
        this.index.writeThrough(run.jobName(), run.object(), added, changed);
    }

    private void settlePlan(ApplyRun run, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String type = type(run);
        if (this.database.isPostgres()) {
            Long[] sourceIds = new Long[rows.size()];
            String[][] columns = new String[4][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                sourceIds[i] = (Long) row[0];
                for (int column = 0; column < 4; column++) {
                    columns[column][i] = (String) row[column + 1];
                }
            }
            this.jdbc.update(SETTLE_PLAN_POSTGRES, sourceIds, columns[0], columns[1], columns[2], columns[3],
                    run.jobInstanceId(), type);
            return;
        }
        List<Object> args = new ArrayList<>(rows.size() * 5 + 2);
        rows.forEach(row -> Collections.addAll(args, row));
        args.add(run.jobInstanceId());
        args.add(type);
        this.jdbc.update(SETTLE_PLAN_HEAD + String.join(", ", Collections.nCopies(rows.size(), SETTLE_PLAN_ROW))
                + SETTLE_PLAN_TAIL, args.toArray());
    }

    /**
     * Who the results belong to.
     *
     * @param jobName the job
     * @param jobInstanceId the run
     * @param object accounts or contacts
     * @param keyField the Salesforce field the match key comes from
     * @param externalIds the external id set on created records
     */
    public record ApplyRun(String jobName, long jobInstanceId, SourceObject object, String keyField,
            ExternalIds externalIds) {
    }

}

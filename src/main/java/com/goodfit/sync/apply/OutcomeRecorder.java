package com.goodfit.sync.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.database.TableInserts;
import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.LinkRepository;
import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.matching.RecordIndexRepository;
import com.goodfit.sync.plan.ExternalIds;
import com.goodfit.sync.salesforce.RecordError;
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

    OutcomeRecorder(JdbcTemplate jdbc, RecordIndexRepository index, LinkRepository links, TableInserts inserts,
            DatabaseKind database) {
        this.jdbc = jdbc;
        this.index = index;
        this.links = links;
        this.inserts = inserts;
        this.database = database;
    }

    /**
     * @param run the run the results belong to
     * @param results Salesforce's answers, one per write
     */
    public void record(ApplyRun run, List<WriteResult> results) {
        String type = run.object().name().toLowerCase(Locale.ROOT);
        List<Object[]> planRows = new ArrayList<>(results.size());
        List<LinkRepository.Link> links = new ArrayList<>();
        List<LinkRepository.Link> relinks = new ArrayList<>();
        List<Object[]> errors = new ArrayList<>();
        List<WriteResult> written = new ArrayList<>();
        for (WriteResult result : results) {
            PendingWrite write = result.write();
            if (result.result().success()) {
                String sfId = result.result().id();
                planRows.add(write.create() ? new Object[] { write.sourceId(), "done", "created", sfId, null }
                        : new Object[] { write.sourceId(), "done", "updated", null, null });
                LinkRepository.Link link = new LinkRepository.Link(run.jobName(), run.object(), write.sourceId(),
                        sfId);
                if (write.linkedSfId() == null) {
                    links.add(link);
                }
                else if (!write.linkedSfId().equals(sfId)) {
                    relinks.add(link);
                }
                written.add(result);
            }
            else {
                List<RecordError> recordErrors = result.result().errors();
                String code = recordErrors.isEmpty() ? "UNKNOWN_ERROR" : recordErrors.get(0).statusCode();
                planRows.add(new Object[] { write.sourceId(), "failed", "failed", null, code });
                for (RecordError error : recordErrors) {
                    errors.add(new Object[] { run.jobInstanceId(), type, write.sourceId(), write.sfId(),
                            error.statusCode(), error.message(), String.join(",", error.fields()) });
                }
                if (recordErrors.isEmpty()) {
                    errors.add(new Object[] { run.jobInstanceId(), type, write.sourceId(), write.sfId(),
                            code, "Salesforce reported a failure without an error", null });
                }
            }
        }
        settlePlan(run, type, planRows);
        this.links.insert(links);
        this.links.relink(relinks);
        this.inserts.insert(ERRORS, errors);
        writeThrough(run, written);
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

    private void settlePlan(ApplyRun run, String type, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
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

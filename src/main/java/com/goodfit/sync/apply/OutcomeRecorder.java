package com.goodfit.sync.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    private static final String UPDATE_PLAN = """
            UPDATE sync_plan SET status = ?, outcome = ?, sf_id = COALESCE(?, sf_id), error_code = ?,
                   updated_at = CURRENT_TIMESTAMP
            WHERE job_instance_id = ? AND object_type = ? AND source_id = ?""";


    private static final String INSERT_ERROR = """
            INSERT INTO sync_error (job_instance_id, object_type, source_id, sf_id, status_code, message, fields)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    private final RecordIndexRepository index;

    private final LinkRepository links;

    OutcomeRecorder(JdbcTemplate jdbc, RecordIndexRepository index, LinkRepository links) {
        this.jdbc = jdbc;
        this.index = index;
        this.links = links;
    }

    /**
     * @param run the run the results belong to
     * @param results Salesforce's answers, one per write
     */
    public void record(ApplyRun run, List<WriteResult> results) {
        String type = run.object().name().toLowerCase(Locale.ROOT);
        List<Object[]> planRows = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        List<LinkRepository.Link> links = new ArrayList<>();
        List<LinkRepository.Link> relinks = new ArrayList<>();
        List<Object[]> errors = new ArrayList<>();
        List<WriteResult> written = new ArrayList<>();
        for (WriteResult result : results) {
            PendingWrite write = result.write();
            if (result.result().success()) {
                String sfId = result.result().id();
                if (write.create()) {
                    planRows.add(new Object[] { "done", "created", sfId, null, run.jobInstanceId(), type,
                            write.sourceId() });
                }
                else {
                    updated.add(write.sourceId());
                }
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
                planRows.add(new Object[] { "failed", "failed", null, code, run.jobInstanceId(), type,
                        write.sourceId() });
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
        batch(UPDATE_PLAN, planRows);
        markUpdated(run, type, updated);
        this.links.insert(links);
        this.links.relink(relinks);
        batch(INSERT_ERROR, errors);
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

    /** Updated records keep their Salesforce Id, so one statement marks them all. */
    private void markUpdated(ApplyRun run, String type, List<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(sourceIds.size() + 2);
        args.add(run.jobInstanceId());
        args.add(type);
        args.addAll(sourceIds);
        this.jdbc.update("UPDATE sync_plan SET status = 'done', outcome = 'updated', updated_at = CURRENT_TIMESTAMP "
                + "WHERE job_instance_id = ? AND object_type = ? AND source_id IN ("
                + String.join(", ", Collections.nCopies(sourceIds.size(), "?")) + ")", args.toArray());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            this.jdbc.batchUpdate(sql, rows);
        }
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

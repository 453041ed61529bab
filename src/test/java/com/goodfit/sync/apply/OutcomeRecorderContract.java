package com.goodfit.sync.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.matching.RecordIndexRepository;
import com.goodfit.sync.plan.ExternalIds;
import com.goodfit.sync.salesforce.RecordError;
import com.goodfit.sync.salesforce.SaveResult;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Recording Bulk results keyed by source id, on each supported database: PostgreSQL settles and links in one
 * statement, H2 reads the pending rows first; both must leave the same rows behind.
 */
abstract class OutcomeRecorderContract {

    private static final String JOB = "recorder-it";

    private static final long RUN = 7_770_001L;

    private static final OutcomeRecorder.ApplyRun APPLY_RUN = new OutcomeRecorder.ApplyRun(JOB, RUN,
            SourceObject.ACCOUNT, "Website", ExternalIds.ACCOUNTS);

    @Autowired
    OutcomeRecorder recorder;

    @Autowired
    BulkPlanRows rows;

    @Autowired
    RecordIndexRepository index;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM sync_plan WHERE job_instance_id = ?", RUN);
        this.jdbc.update("DELETE FROM sync_error WHERE job_instance_id = ?", RUN);
        this.jdbc.update("DELETE FROM sf_link WHERE job_name = ?", JOB);
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = ?", JOB);
    }

    @Test
    void createResultsSettleThePendingRowsLinkTheSuccessesAndLeaveRowsAlreadyRecordedAlone() {
        plan(1, "create", null, "acme.com", null, "{\"Name\":{\"from\":null,\"to\":\"Acme\"}}", "pending");
        plan(2, "create", null, "globex.com", null, "{\"Name\":{\"from\":null,\"to\":\"Globex\"}}", "pending");
        plan(3, "create", null, "initech.com", null, "{\"Name\":{\"from\":null,\"to\":\"Initech\"}}", "done");
        Map<Long, SaveResult> results = new LinkedHashMap<>();
        results.put(1L, new SaveResult("001000000000001AAA", true, true, List.of()));
        results.put(2L, new SaveResult(null, false, false, List.of(
                new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Industry]",
                        List.of("Industry")),
                new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Name too short", List.of()))));
        results.put(3L, new SaveResult("001000000000003AAA", true, true, List.of()));

        int recorded = record(true, results);

        assertThat(recorded).as("the row recorded before is not counted").isEqualTo(2);
        assertThat(this.jdbc.queryForList("SELECT source_id, status, outcome, sf_id, error_code FROM sync_plan "
                + "WHERE job_instance_id = ? ORDER BY source_id", RUN))
            .extracting(row -> tuple(((Number) row.get("source_id")).longValue(), row.get("status"),
                    row.get("outcome"), row.get("sf_id"), row.get("error_code")))
            .containsExactly(tuple(1L, "done", "created", "001000000000001AAA", null),
                    tuple(2L, "failed", "failed", null, "REQUIRED_FIELD_MISSING"),
                    tuple(3L, "done", null, null, null));
        assertThat(links()).containsExactly(tuple(1L, "001000000000001AAA"));
        assertThat(this.jdbc.queryForList("SELECT source_id, status_code, fields FROM sync_error WHERE "
                + "job_instance_id = ? ORDER BY id", RUN))
            .extracting(row -> tuple(((Number) row.get("source_id")).longValue(), row.get("status_code"),
                    row.get("fields")))
            .containsExactly(tuple(2L, "REQUIRED_FIELD_MISSING", "Industry"),
                    tuple(2L, "FIELD_CUSTOM_VALIDATION_EXCEPTION", ""));
        RecordIndex indexed = this.index.loadIds(JOB, SourceObject.ACCOUNT, List.of("001000000000001AAA",
                "001000000000003AAA"));
        assertThat(indexed.byId("001000000000001AAA")).hasValueSatisfying(record -> {
            assertThat(record.matchKey()).isEqualTo("acme.com");
            assertThat(record.fieldValues()).containsEntry("Name", "Acme")
                .containsEntry(ExternalIds.ACCOUNTS.field(), "company-1");
        });
        assertThat(indexed.byId("001000000000003AAA")).as("not written through: recorded before").isEmpty();
    }

    @Test
    void updateResultsLinkUnlinkedRowsRelinkMovedOnesAndKeepThePlannedId() {
        this.jdbc.update("INSERT INTO sf_link (job_name, object_type, source_id, sf_id) VALUES (?, 'account', 12, ?)",
                JOB, "001000000000099AAA");
        plan(11, "update", "001000000000011AAA", "acme.com", null, "{\"Phone\":{\"from\":\"1\",\"to\":\"2\"}}",
                "pending");
        plan(12, "update", "001000000000012AAA", "globex.com", "001000000000099AAA",
                "{\"Phone\":{\"from\":\"1\",\"to\":\"3\"}}", "pending");
        plan(13, "update", "001000000000013AAA", "initech.com", null, "{\"Phone\":{\"from\":\"1\",\"to\":\"4\"}}",
                "pending");
        plan(14, "create", null, "hooli.com", null, "{\"Name\":{\"from\":null,\"to\":\"Hooli\"}}", "pending");
        Map<Long, SaveResult> results = new LinkedHashMap<>();
        results.put(11L, new SaveResult("001000000000011AAA", true, false, List.of()));
        results.put(12L, new SaveResult("001000000000012AAA", true, false, List.of()));
        results.put(13L, new SaveResult("001000000000013AAA", false, false,
                List.of(new RecordError("ENTITY_IS_DELETED", "entity is deleted", List.of()))));
        results.put(14L, new SaveResult("001000000000014AAA", true, true, List.of()));

        int recorded = record(false, results);

        assertThat(recorded).as("the create is not among the update rows").isEqualTo(3);
        assertThat(this.jdbc.queryForList("SELECT source_id, status, outcome, sf_id, error_code FROM sync_plan "
                + "WHERE job_instance_id = ? ORDER BY source_id", RUN))
            .extracting(row -> tuple(((Number) row.get("source_id")).longValue(), row.get("status"),
                    row.get("outcome"), row.get("sf_id"), row.get("error_code")))
            .containsExactly(tuple(11L, "done", "updated", "001000000000011AAA", null),
                    tuple(12L, "done", "updated", "001000000000012AAA", null),
                    tuple(13L, "failed", "failed", "001000000000013AAA", "ENTITY_IS_DELETED"),
                    tuple(14L, "pending", null, null, null));
        assertThat(links()).containsExactly(tuple(11L, "001000000000011AAA"), tuple(12L, "001000000000012AAA"));
        assertThat(this.jdbc.queryForList("SELECT source_id, sf_id FROM sync_error WHERE job_instance_id = ?", RUN))
            .extracting(row -> tuple(((Number) row.get("source_id")).longValue(), row.get("sf_id")))
            .containsExactly(tuple(13L, "001000000000013AAA"));
    }

    private int record(boolean create, Map<Long, SaveResult> results) {
        BulkPlanRows.Range range = new BulkPlanRows.Range(RUN, SourceObject.ACCOUNT, create ? "create" : "update",
                Long.MIN_VALUE, Long.MAX_VALUE);
        return this.recorder.recordPending(APPLY_RUN, create, results,
                sourceIds -> this.rows.bySourceIds(range, sourceIds));
    }

    private List<org.assertj.core.groups.Tuple> links() {
        return this.jdbc.queryForList("SELECT source_id, sf_id FROM sf_link WHERE job_name = ? ORDER BY source_id", JOB)
            .stream()
            .map(row -> tuple(((Number) row.get("source_id")).longValue(), row.get("sf_id")))
            .toList();
    }

    private void plan(long sourceId, String operation, String sfId, String matchKey, String linkedSfId,
            String changes, String status) {
        this.jdbc.update("INSERT INTO sync_plan (job_instance_id, object_type, source_id, operation, match_key, sf_id, "
                + "linked_sf_id, changes, status) VALUES (?, 'account', ?, ?, ?, ?, ?, ?, ?)", RUN, sourceId,
                operation, matchKey, sfId, linkedSfId, changes, status);
    }

}

package com.goodfit.sync.emulator;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Bulk API 2.0 ingest job: its settings, uploaded CSV and, once processed, per-row outcomes. Guarded by its
 * own monitor for uploads and state changes.
 */
final class IngestJob extends BulkJobInfo {

    final String externalIdFieldName;

    private final ByteArrayOutputStream upload = new ByteArrayOutputStream();

    /** The uploaded header (field API names as sent) once parsed, for the result files. */
    volatile List<String> header = List.of();

    /** Uploaded rows in order, once parsed. */
    final List<String[]> rows = new ArrayList<>();

    /** Outcome per processed row index: null until processed. */
    final List<Outcome> outcomes = new ArrayList<>();

    volatile long numberRecordsFailed;

    volatile long apiActiveProcessingTime;

    IngestJob(String id, String operation, String object, String version, BulkFormat format, String createdById,
            String externalIdFieldName) {
        super(id, operation, object, version, format, createdById, "Open");
        this.externalIdFieldName = externalIdFieldName;
    }

    /** One processed row: its Id (if known) and either created/updated or an error cell. */
    record Outcome(String id, boolean success, boolean created, String error) {
    }

    synchronized long uploadedBytes() {
        return this.upload.size();
    }

    synchronized void append(byte[] data) {
        if (this.upload.size() > 0 && data.length > 0) {
            // A later upload repeats the header; keep only its data rows.
            int firstNewline = indexOfNewline(data);
            if (firstNewline >= 0) {
                this.upload.write(data, firstNewline + 1, data.length - firstNewline - 1);
            }
            return;
        }
        this.upload.writeBytes(data);
    }

    private static int indexOfNewline(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    synchronized byte[] uploadBytes() {
        return this.upload.toByteArray();
    }

    @Override
    String jobType() {
        return "V2Ingest";
    }

    @Override
    void addSummaryFields(Map<String, Object> json) {
        if (this.externalIdFieldName != null) {
            json.put("externalIdFieldName", this.externalIdFieldName);
        }
    }

    @Override
    void addLocationFields(Map<String, Object> json) {
        json.put("contentUrl", "services/data/" + this.version + "/jobs/ingest/" + this.id + "/batches");
    }

    @Override
    void addDetailFields(Map<String, Object> json) {
        json.put("numberRecordsFailed", this.numberRecordsFailed);
        json.put("apiActiveProcessingTime", this.apiActiveProcessingTime);
        json.put("apexProcessingTime", 0);
    }

}

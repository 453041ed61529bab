package com.goodfit.sync.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields every Bulk API 2.0 job shares (ingest and query), with the JSON job-info shape.
 */
abstract class BulkJobInfo {

    final String id;

    final String operation;

    final String object;

    final String version;

    final BulkFormat format;

    final String createdById;

    final long createdDate;

    volatile long systemModstamp;

    volatile String state;

    volatile String errorMessage;

    volatile long numberRecordsProcessed;

    volatile long totalProcessingTime;

    BulkJobInfo(String id, String operation, String object, String version, BulkFormat format, String createdById,
            String state) {
        this.id = id;
        this.operation = operation;
        this.object = object;
        this.version = version;
        this.format = format;
        this.createdById = createdById;
        this.createdDate = System.currentTimeMillis();
        this.systemModstamp = this.createdDate;
        this.state = state;
    }

    void setState(String state) {
        this.state = state;
        this.systemModstamp = System.currentTimeMillis();
    }

    boolean isTerminal() {
        return this.state.equals("JobComplete") || this.state.equals("Failed") || this.state.equals("Aborted");
    }

    abstract String jobType();

    /** The short job info returned on create, close and in job lists. */
    Map<String, Object> summary() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", this.id);
        json.put("operation", this.operation);
        json.put("object", this.object);
        json.put("createdById", this.createdById);
        json.put("createdDate", FieldType.DATETIME_OUT.format(Instant.ofEpochMilli(this.createdDate)));
        json.put("systemModstamp", FieldType.DATETIME_OUT.format(Instant.ofEpochMilli(this.systemModstamp)));
        json.put("state", this.state);
        addSummaryFields(json);
        json.put("concurrencyMode", "Parallel");
        json.put("contentType", "CSV");
        json.put("apiVersion", Double.parseDouble(this.version.substring(1)));
        json.put("jobType", jobType());
        addLocationFields(json);
        json.put("lineEnding", this.format.lineEnding());
        json.put("columnDelimiter", this.format.columnDelimiter());
        return json;
    }

    /** The full job info returned when polling one job. */
    Map<String, Object> detail() {
        Map<String, Object> json = summary();
        json.put("numberRecordsProcessed", this.numberRecordsProcessed);
        addDetailFields(json);
        json.put("retries", 0);
        json.put("totalProcessingTime", this.totalProcessingTime);
        if (this.errorMessage != null) {
            json.put("errorMessage", this.errorMessage);
        }
        return json;
    }

    void addSummaryFields(Map<String, Object> json) {
    }

    void addLocationFields(Map<String, Object> json) {
    }

    void addDetailFields(Map<String, Object> json) {
    }

}

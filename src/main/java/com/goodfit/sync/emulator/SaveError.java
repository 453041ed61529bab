package com.goodfit.sync.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record-level DML error as Salesforce reports it: {@code {statusCode, message, fields}}.
 */
record SaveError(String statusCode, String message, List<String> fields) {

    SaveError {
        fields = List.copyOf(fields);
    }

    static SaveError of(String statusCode, String message, String... fields) {
        return new SaveError(statusCode, message, List.of(fields));
    }

    static SaveError rolledBack() {
        return of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "Record rolled back because not all records were valid and the request was using AllOrNone header");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statusCode", this.statusCode);
        json.put("message", this.message);
        json.put("fields", this.fields);
        return json;
    }

    /** The top-level error form used by single-record calls: {@code {message, errorCode, fields}}. */
    Map<String, Object> toTopLevelJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", this.message);
        json.put("errorCode", this.statusCode);
        json.put("fields", this.fields);
        return json;
    }

    /** The Bulk API 2.0 {@code sf__Error} cell: {@code CODE:message:field,field --}. */
    String toBulkCell() {
        return this.statusCode + ":" + this.message + ":" + (this.fields.isEmpty() ? "--" : String.join(",",
                this.fields) + " --");
    }

}

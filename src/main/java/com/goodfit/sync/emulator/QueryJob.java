package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;

/**
 * A Bulk API 2.0 query job: its SOQL and, once run, the plan and matching rows it pages out as CSV.
 */
final class QueryJob extends BulkJobInfo {

    final String soql;

    volatile QueryResource.Result result;

    QueryJob(String id, String operation, String object, String version, BulkFormat format, String createdById,
            String soql) {
        super(id, operation, object, version, format, createdById, "UploadComplete");
        this.soql = soql;
    }

    List<Row> rows() {
        return this.result.rows();
    }

    @Override
    String jobType() {
        return "V2Query";
    }

    @Override
    void addDetailFields(Map<String, Object> json) {
        json.put("isPkChunkingSupported", true);
    }

}

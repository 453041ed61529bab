package com.goodfit.sync.salesforce;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state of a Bulk API 2.0 ingest or query job.
 *
 * @param id the job Id
 * @param object the sObject type
 * @param operation {@code insert}, {@code update}, {@code upsert}, {@code delete}, {@code hardDelete},
 * {@code query} or {@code queryAll}
 * @param state {@code Open}, {@code UploadComplete}, {@code InProgress}, {@code JobComplete}, {@code Failed} or
 * {@code Aborted}
 * @param numberRecordsProcessed records processed so far
 * @param numberRecordsFailed records that failed (ingest)
 * @param errorMessage why the job failed, when {@code Failed}
 */
public record BulkJobInfo(String id, String object, String operation, String state, long numberRecordsProcessed,
        long numberRecordsFailed, @Nullable String errorMessage) {

    private static final Set<String> TERMINAL = Set.of("JobComplete", "Failed", "Aborted");

    /**
     * Whether the job will not change any more.
     * @return {@code true} for {@code JobComplete}, {@code Failed}, {@code Aborted}
     */
    public boolean terminal() {
        return TERMINAL.contains(this.state);
    }

    /**
     * Whether the job ran to the end; its records may still have failed one by one.
     * @return {@code true} for {@code JobComplete}
     */
    public boolean complete() {
        return "JobComplete".equals(this.state);
    }

    static BulkJobInfo from(@Nullable JsonNode body) {
        if (body == null || ApiError.text(body, "id") == null) {
            throw new SalesforceRequestException("Bulk job response has no id", 200, null, List.of());
        }
        return new BulkJobInfo(body.path("id").asString(), body.path("object").asString(""),
                body.path("operation").asString(""), body.path("state").asString(""),
                body.path("numberRecordsProcessed").asLong(0), body.path("numberRecordsFailed").asLong(0),
                ApiError.text(body, "errorMessage"));
    }

}

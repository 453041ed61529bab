package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of writing one record, at the same position as the record in the request. A failed record is data,
 * not an exception; a record-level {@code UNABLE_TO_LOCK_ROW} stays here too, and the caller decides whether to send
 * it again.
 *
 * @param id the record Id, or {@code null} when a create failed
 * @param success whether the record was written
 * @param created for upserts: inserted ({@code true}) or updated ({@code false}); {@code true} for a successful
 * create; {@code false} otherwise
 * @param errors why the record failed, empty on success
 */
public record SaveResult(@Nullable String id, boolean success, boolean created, List<RecordError> errors) {

    public SaveResult {
        errors = List.copyOf(errors);
    }

    static SaveResult from(JsonNode result, boolean createdByDefault) {
        List<RecordError> errors = new ArrayList<>();
        for (JsonNode error : result.path("errors").values()) {
            errors.add(new RecordError(error.path("statusCode").asString(""), error.path("message").asString(""),
                    ApiError.strings(error.path("fields"))));
        }
        boolean success = result.path("success").asBoolean(false);
        boolean created = result.has("created") ? result.path("created").asBoolean(false)
                : (success && createdByDefault);
        return new SaveResult(ApiError.text(result, "id"), success, created, errors);
    }

}

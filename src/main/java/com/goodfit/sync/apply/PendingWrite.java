package com.goodfit.sync.apply;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A create or update the plan left pending for the apply step.
 *
 * @param sourceId the source record's id
 * @param create whether it creates (else it updates {@code sfId})
 * @param sfId the record to update, null for a create
 * @param matchKey the source record's normalised match key
 * @param linkedSfId the Salesforce record the source record was linked to when planned, or null
 * @param values the fields to write with their new values (null clears a field)
 */
public record PendingWrite(long sourceId, boolean create, @Nullable String sfId, @Nullable String matchKey,
        @Nullable String linkedSfId, Map<String, @Nullable Object> values) {

    public PendingWrite {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

}

package com.goodfit.sync.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One company or contact read from the source, with the values of its syncable fields by
 * {@code field_definitions} key (columns and {@code data_points} keys alike).
 *
 * @param id the source row's id
 * @param companyId for a contact, its company's id; null for a company
 * @param linkedSfId the Salesforce Id an earlier sync linked this row to, or null
 * @param values field values by key; a missing or null value means the source has none
 */
public record SourceRecord(long id, @Nullable Long companyId, @Nullable String linkedSfId,
        Map<String, @Nullable Object> values) {

    public SourceRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public @Nullable Object value(String key) {
        return this.values.get(key);
    }

}

package com.goodfit.sync.matching;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One Account or Contact as the index last saw it in the org.
 *
 * @param sfId the Salesforce Id
 * @param createdDate when it was created in Salesforce (the oldest wins an ambiguous match)
 * @param matchKey the normalised root domain (Accounts) or email (Contacts), or null when it has none
 * @param fieldValues the mapped fields' current values, by API name
 * @param linkedSourceId the source record an earlier sync linked to it, or null
 */
public record IndexedRecord(String sfId, Instant createdDate, @Nullable String matchKey,
        Map<String, @Nullable Object> fieldValues, @Nullable Long linkedSourceId) {

    public IndexedRecord {
        // Map.copyOf refuses null values, and an empty Salesforce field is a legitimate null.
        fieldValues = Collections.unmodifiableMap(new LinkedHashMap<>(fieldValues));
    }

}

package com.goodfit.sync.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of a job's {@code successfulResults}. Rows come in no particular order: correlate them by a key column.
 *
 * @param id the record Id ({@code sf__Id})
 * @param created inserted rather than updated ({@code sf__Created})
 * @param fields the row's original columns, in file order
 */
public record BulkSuccess(String id, boolean created, Map<String, String> fields) {

    public BulkSuccess {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

}

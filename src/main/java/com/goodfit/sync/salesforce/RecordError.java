package com.goodfit.sync.salesforce;

import java.util.List;

/**
 * Why Salesforce rejected one record: an entry of a result's {@code errors}, or a Bulk {@code sf__Error}.
 *
 * @param statusCode e.g. {@code REQUIRED_FIELD_MISSING}, {@code DUPLICATES_DETECTED}, {@code UNABLE_TO_LOCK_ROW}
 * @param message Salesforce's text
 * @param fields the fields concerned, possibly empty
 */
public record RecordError(String statusCode, String message, List<String> fields) {

    public RecordError {
        fields = List.copyOf(fields);
    }

}

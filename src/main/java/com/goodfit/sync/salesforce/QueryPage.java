package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a SOQL result.
 *
 * @param totalSize the number of records across all pages
 * @param done whether this is the last page
 * @param nextRecordsUrl the path of the next page, or {@code null} on the last one
 * @param records this page's records
 */
public record QueryPage(long totalSize, boolean done, @Nullable String nextRecordsUrl, List<SObject> records) {

    public QueryPage {
        records = List.copyOf(records);
    }

}

package com.goodfit.sync.jobs;

import java.util.function.LongSupplier;

import com.goodfit.sync.mapping.ApiChoice;
import com.goodfit.sync.mapping.ApplySettings;

/**
 * Whether an index snapshot is read through a Bulk API 2.0 query (a handful of calls) or paged SOQL (a call per
 * 2,000 records): Bulk when the org holds at least {@code bulk-threshold} records of the object, unless the job
 * definition's {@code api} forces one.
 *
 * @param bulk whether to use a Bulk query
 * @param reason the choice and why, for the log and the run summary
 */
record IndexApi(boolean bulk, String reason) {

    /**
     * @param settings the job definition's apply settings
     * @param orgRecords counts the object's records in the org ({@code SELECT COUNT()}); asked only for {@code auto}
     * @return the choice
     */
    static IndexApi choose(ApplySettings settings, LongSupplier orgRecords) {
        if (settings.api() == ApiChoice.BULK) {
            return new IndexApi(true, "index by Bulk query: forced by 'api: bulk'");
        }
        if (settings.api() == ApiChoice.COLLECTIONS) {
            return new IndexApi(false, "index by SOQL: 'api: collections' rules out Bulk");
        }
        long records = orgRecords.getAsLong();
        if (records >= settings.bulkThreshold()) {
            return new IndexApi(true, "index by Bulk query: %,d records in the org >= bulk-threshold %,d"
                .formatted(records, settings.bulkThreshold()));
        }
        return new IndexApi(false, "index by SOQL: %,d records in the org < bulk-threshold %,d".formatted(records,
                settings.bulkThreshold()));
    }

}

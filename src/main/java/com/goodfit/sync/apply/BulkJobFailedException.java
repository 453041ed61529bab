package com.goodfit.sync.apply;

/**
 * A Bulk API 2.0 ingest job failed the apply step; the message names the job and carries Salesforce's. Every record
 * the job processed is recorded. After a job that failed twice (or left records unprocessed twice) the rest are
 * recorded as failed {@code BULK_UNPROCESSED}; after a job someone aborted in Salesforce they stay pending, so a
 * restart sends them in a new job.
 */
public class BulkJobFailedException extends RuntimeException {

    BulkJobFailedException(String message) {
        super(message);
    }

}

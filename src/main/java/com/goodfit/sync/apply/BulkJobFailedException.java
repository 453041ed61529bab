package com.goodfit.sync.apply;

/**
 * A Bulk API 2.0 ingest job ended {@code Failed} or {@code Aborted}: the apply step fails with Salesforce's message.
 * The records the job did process are recorded; the others stay pending, so a restart sends them in a new job.
 */
public class BulkJobFailedException extends RuntimeException {

    BulkJobFailedException(String message) {
        super(message);
    }

}

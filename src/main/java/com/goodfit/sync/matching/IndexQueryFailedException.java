package com.goodfit.sync.matching;

/**
 * The Bulk API 2.0 query job that reads an index ended {@code Failed} or {@code Aborted}; the message is
 * Salesforce's.
 */
public class IndexQueryFailedException extends RuntimeException {

    IndexQueryFailedException(String message) {
        super(message);
    }

}

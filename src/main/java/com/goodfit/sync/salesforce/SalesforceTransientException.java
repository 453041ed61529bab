package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A failure that may pass if the call is repeated later: HTTP 5xx or 429, timeouts and connection errors, a
 * request-level {@code UNABLE_TO_LOCK_ROW}, the concurrent-request {@code REQUEST_LIMIT_EXCEEDED}. The client has
 * already retried it with backoff when this reaches a caller; a Batch step may retry the chunk.
 */
public class SalesforceTransientException extends SalesforceException {

    public SalesforceTransientException(String message, int status, @Nullable String errorCode,
            @Nullable Throwable cause) {
        super(message, status, errorCode, List.of(), cause);
    }

}

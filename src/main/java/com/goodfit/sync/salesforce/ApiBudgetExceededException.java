package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * No more API calls may be spent: the org answered the daily {@code REQUEST_LIMIT_EXCEEDED} ("TotalRequests"), or
 * the client's own guard refused a call because the org's remaining daily calls would drop below the configured
 * floor or the run's call budget is used up. Never retried; a job should stop cleanly and restart later.
 */
public class ApiBudgetExceededException extends SalesforceException {

    public ApiBudgetExceededException(String message, int status, @Nullable String errorCode) {
        super(message, status, errorCode, List.of(), null);
    }

}

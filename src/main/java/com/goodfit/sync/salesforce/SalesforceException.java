package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Base of every failure the Salesforce client throws: carries the HTTP status (0 when no response arrived), the
 * Salesforce {@code errorCode} and the fields it names. Messages never contain tokens or secrets.
 */
public abstract class SalesforceException extends RuntimeException {

    private final int status;

    private final @Nullable String errorCode;

    private final List<String> fields;

    SalesforceException(String message, int status, @Nullable String errorCode, List<String> fields,
            @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = List.copyOf(fields);
    }

    /**
     * The HTTP status of the failed call.
     * @return the status, or 0 when the call got no response (timeout, connection error)
     */
    public int status() {
        return this.status;
    }

    /**
     * Salesforce's error code, e.g. {@code INVALID_FIELD}, or the OAuth {@code error} for token calls.
     * @return the code, or {@code null} when the response carried none
     */
    public @Nullable String errorCode() {
        return this.errorCode;
    }

    /**
     * The fields Salesforce named in the error.
     * @return the field names, possibly empty
     */
    public List<String> fields() {
        return this.fields;
    }

}

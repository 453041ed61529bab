package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The org refused to issue an access token: the OAuth {@code error} is in {@link #errorCode()} and the message names
 * the grant and the {@code error_description}. Fatal: fix the connection's credentials; never retried.
 */
public class SalesforceAuthException extends SalesforceException {

    public SalesforceAuthException(String message, int status, @Nullable String errorCode,
            @Nullable Throwable cause) {
        super(message, status, errorCode, List.of(), cause);
    }

}

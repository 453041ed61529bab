package com.goodfit.sync.salesforce;

import org.jspecify.annotations.Nullable;

/**
 * A data call was still answered 401 ({@code INVALID_SESSION_ID}) after the token had been refreshed once: the
 * session cannot be restored (revoked app, missing scope). Fatal.
 */
public class SalesforceSessionException extends SalesforceAuthException {

    public SalesforceSessionException(String message, int status, @Nullable String errorCode) {
        super(message, status, errorCode, null);
    }

}

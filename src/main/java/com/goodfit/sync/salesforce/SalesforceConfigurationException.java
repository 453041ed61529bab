package com.goodfit.sync.salesforce;

import java.util.List;

/**
 * The request names something the org does not have or the user may not use: an unknown field
 * ({@code INVALID_FIELD}), object ({@code INVALID_TYPE}, {@code NOT_FOUND}) or a missing permission. The message
 * names the field or object; fix the mapping or the org's setup before data moves.
 */
public class SalesforceConfigurationException extends SalesforceException {

    public SalesforceConfigurationException(String message, int status, String errorCode, List<String> fields) {
        super(message, status, errorCode, fields, null);
    }

}

package com.goodfit.sync.salesforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Any other rejected request (a 4xx such as {@code MALFORMED_QUERY} or {@code JSON_PARSER_ERROR}, or a response the
 * client cannot use). Permanent: repeating the same request fails the same way.
 */
public class SalesforceRequestException extends SalesforceException {

    public SalesforceRequestException(String message, int status, @Nullable String errorCode, List<String> fields) {
        super(message, status, errorCode, fields, null);
    }

    public SalesforceRequestException(String message, int status, @Nullable Throwable cause) {
        super(message, status, null, List.of(), cause);
    }

}

package com.goodfit.sync.salesforce;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * The one place where an error response becomes an exception of the client's taxonomy (DESIGN.md §5): transient,
 * session, budget, configuration, or a plain rejected request. Record-level errors inside a 200 response are not
 * seen here: they are data ({@link SaveResult}).
 */
final class SalesforceErrorHandler implements ResponseErrorHandler {

    private static final Set<String> CONFIGURATION_CODES = Set.of("INVALID_FIELD", "INVALID_TYPE",
            "INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY", "INVALID_FIELD_FOR_INSERT_UPDATE",
            "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED", "FUNCTIONALITY_NOT_ENABLED",
            "INVALID_OPERATION_WITH_EXPIRED_PASSWORD");

    private final @Nullable String grantName;

    private SalesforceErrorHandler(@Nullable String grantName) {
        this.grantName = grantName;
    }

    /** Errors of data calls ({@code /services/data/...}). */
    static SalesforceErrorHandler forDataCalls() {
        return new SalesforceErrorHandler(null);
    }

    /** Errors of the OAuth token endpoint for one grant. */
    static SalesforceErrorHandler forTokenCalls(String grantName) {
        return new SalesforceErrorHandler(grantName);
    }

    @Override
    public boolean hasError(ClientHttpResponse response) throws IOException {
        return response.getStatusCode().isError();
    }

    @Override
    public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        ApiError error = ApiError.parse(StreamUtils.copyToByteArray(response.getBody()));
        throw (this.grantName != null) ? tokenError(status, error) : dataError(url, method, status, error);
    }

    /** For {@code exchange()} calls, which bypass the status handler: throws if the response is an error. */
    void throwIfError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
        if (hasError(response)) {
            handleError(url, method, response);
        }
    }

    private SalesforceException tokenError(int status, ApiError error) {
        String message = "Salesforce token request (grant %s) failed: HTTP %d %s: %s".formatted(this.grantName,
                status, error.errorCode(), error.message());
        if (status >= 500 || status == 429) {
            return new SalesforceTransientException(message, status, error.errorCode(), null);
        }
        return new SalesforceAuthException(message, status, error.errorCode(), null);
    }

    private SalesforceException dataError(URI url, HttpMethod method, int status, ApiError error) {
        String code = error.errorCode();
        // The path only: query strings carry SOQL, which may be long; never a token (those go in headers).
        String message = "%s %s failed: HTTP %d %s: %s".formatted(method, url.getRawPath(), status, code,
                error.message());
        if (status == 401) {
            return new SalesforceSessionException(message, status, code);
        }
        if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
            // Daily "TotalRequests Limit exceeded." is a rolling 24 h window: retrying soon cannot help.
            // "ConcurrentPerOrgLongTxn ..." / "ConcurrentRequests ..." clears when other calls finish.
            if (error.message().contains("TotalRequests")) {
                return new ApiBudgetExceededException(message, status, code);
            }
            return new SalesforceTransientException(message, status, code, null);
        }
        if (status >= 500 || status == 429 || "UNABLE_TO_LOCK_ROW".equals(code)
                || "SERVER_UNAVAILABLE".equals(code)) {
            return new SalesforceTransientException(message, status, code, null);
        }
        // An unknown object in a URL path is 404 NOT_FOUND; an unknown job or record Id is not a setup problem.
        boolean unknownObject = status == 404 && url.getRawPath().contains("/sobjects/");
        if (code != null && (CONFIGURATION_CODES.contains(code) || status == 403 || unknownObject)) {
            return new SalesforceConfigurationException(message, status, code, error.fields());
        }
        return new SalesforceRequestException(message, status, code, error.fields());
    }

}

package com.goodfit.sync.salesforce;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every client of one org shares: the {@link RestClient} (token, usage and error handling installed), URI
 * building against the instance URL and API version, and the call discipline: transient failures retried with
 * backoff, a rejected session refreshed once and the call repeated.
 */
final class SalesforceTransport {

    private final OrgConnection connection;

    private final RestClient rest;

    private final SalesforceAuth auth;

    private final SalesforceErrorHandler errors;

    private final RetryTemplate retry;

    private final RetryTemplate retryIfUnanswered;

    SalesforceTransport(OrgConnection connection, RestClient rest, SalesforceAuth auth, SalesforceErrorHandler errors,
            RetryTemplate retry, RetryTemplate retryIfUnanswered) {
        this.connection = connection;
        this.rest = rest;
        this.auth = auth;
        this.errors = errors;
        this.retry = retry;
        this.retryIfUnanswered = retryIfUnanswered;
    }

    RestClient rest() {
        return this.rest;
    }

    SalesforceErrorHandler errors() {
        return this.errors;
    }

    String apiVersion() {
        return this.connection.apiVersion();
    }

    /**
     * A URI under {@code /services/data/vXX.X}, with the variables strictly encoded (a SOQL {@code +} or {@code &}
     * stays data).
     */
    URI data(String pathTemplate, Object... variables) {
        return UriComponentsBuilder
            .fromUriString(this.auth.current().instanceBase() + "/services/data/v" + apiVersion() + pathTemplate)
            .encode()
            .buildAndExpand(variables)
            .toUri();
    }

    /** A URI for a path the org handed out already encoded, such as {@code nextRecordsUrl}. */
    URI instancePath(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath : "/" + rawPath;
        return URI.create(this.auth.current().instanceBase() + path);
    }

    /** The versions list lives above any version. */
    URI versions() {
        return URI.create(this.auth.current().instanceBase() + "/services/data/");
    }

    /**
     * Runs one call: retried while it fails transiently (bounded in attempts and time), repeated once with a new
     * token when the session was rejected.
     * @param call the HTTP exchange, building its URI inside so that a refreshed instance URL is used
     * @return the call's result
     */
    <T> T call(Supplier<T> call) {
        return this.retry.invoke(() -> withSessionRefresh(call));
    }

    /**
     * Like {@link #call(Supplier)} for a call that must not be applied twice (a create, an upload): retried only
     * when the org answered with a transient error, not after a timeout or a broken connection, when it may have
     * applied the call already.
     * @param call the HTTP exchange
     * @return the call's result
     */
    <T> T callOnce(Supplier<T> call) {
        return this.retryIfUnanswered.invoke(() -> withSessionRefresh(call));
    }

    private <T> T withSessionRefresh(Supplier<T> call) {
        return translated(() -> {
            AccessToken token = this.auth.current();
            try {
                return call.get();
            }
            catch (SalesforceSessionException ex) {
                // INVALID_SESSION_ID: refresh once and repeat; a second 401 propagates as fatal.
                this.auth.refresh(token);
                return call.get();
            }
        });
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (ResourceAccessException ex) {
            throw new SalesforceTransientException("Salesforce call failed without a response: " + ex.getMessage(), 0,
                    null, ex);
        }
        catch (SalesforceException ex) {
            throw ex;
        }
        catch (RestClientException ex) {
            throw new SalesforceRequestException("Unusable Salesforce response: " + ex.getMessage(), 0, ex);
        }
    }

}

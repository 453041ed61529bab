/**
 * The Salesforce API client: everything that talks to Salesforce goes through here.
 *
 * <p>
 * <b>Getting clients.</b> Inject {@link com.goodfit.sync.salesforce.SalesforceClientFactory} (a bean built from
 * {@link com.goodfit.sync.salesforce.SalesforceProperties}, prefix {@code goodfit.salesforce}) and call
 * {@code connect(new OrgConnection(loginUrl, "62.0", grant))} once per run. The returned
 * {@link com.goodfit.sync.salesforce.SalesforceClients} holds one client per API (query, describe, collections,
 * bulk ingest, bulk query, tooling, limits); they share the org's token, usage counter, budget guard and describe
 * cache.
 *
 * <p>
 * <b>Errors</b> (DESIGN.md §5), all unchecked {@link com.goodfit.sync.salesforce.SalesforceException}s carrying
 * HTTP status, {@code errorCode} and message, mapped from responses in one place ({@code SalesforceErrorHandler}):
 * <ul>
 * <li>transient ({@link com.goodfit.sync.salesforce.SalesforceTransientException}): 5xx, 429, timeouts and
 * connection errors, request-level {@code UNABLE_TO_LOCK_ROW}, concurrent {@code REQUEST_LIMIT_EXCEEDED}. Retried
 * with exponential backoff and jitter, bounded in attempts and elapsed time; thrown when retries are spent. Calls
 * that must not be applied twice (Collections create, Bulk upload, Tooling create) are retried only when the org
 * answered; after a timeout or broken connection they fail at once (status 0), since the org may have applied them.
 * Prefer upsert by external Id, which is safe to repeat.</li>
 * <li>session: a 401 {@code INVALID_SESSION_ID} refreshes the token once and repeats the call; a second 401 throws
 * {@link com.goodfit.sync.salesforce.SalesforceSessionException}. Token endpoint refusals throw
 * {@link com.goodfit.sync.salesforce.SalesforceAuthException} naming the grant, {@code error} and
 * {@code error_description}. Neither is retried.</li>
 * <li>budget ({@link com.goodfit.sync.salesforce.ApiBudgetExceededException}): the daily
 * {@code REQUEST_LIMIT_EXCEEDED} ("TotalRequests"), or the guard's refusal below the floor or beyond the run's
 * call budget. Never retried: stop the job and restart it later.</li>
 * <li>record: per-record errors inside a 200 response are data ({@link com.goodfit.sync.salesforce.SaveResult},
 * {@link com.goodfit.sync.salesforce.BulkFailure}), never exceptions. That includes a record-level
 * {@code UNABLE_TO_LOCK_ROW}: the caller decides whether to send the record again (serially, or grouped by
 * parent).</li>
 * <li>configuration ({@link com.goodfit.sync.salesforce.SalesforceConfigurationException}): {@code INVALID_FIELD},
 * {@code INVALID_TYPE}, {@code NOT_FOUND}, missing permissions; the message names the field or object.</li>
 * <li>anything else ({@link com.goodfit.sync.salesforce.SalesforceRequestException}), e.g.
 * {@code MALFORMED_QUERY}.</li>
 * </ul>
 *
 * <p>
 * <b>SOQL.</b> Every value placed in a statement goes through
 * {@link com.goodfit.sync.salesforce.SoqlLiteral}.
 *
 * <p>
 * <b>Secrets.</b> Client secrets, refresh tokens, private keys and access tokens never appear in logs, exception
 * messages or {@code toString()}.
 */
@NullMarked
package com.goodfit.sync.salesforce;

import org.jspecify.annotations.NullMarked;

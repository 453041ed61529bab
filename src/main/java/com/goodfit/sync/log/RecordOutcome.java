package com.goodfit.sync.log;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one source record in a run, as the connector log shows it.
 *
 * @param object {@code account} or {@code contact}
 * @param sourceId the company or contact id
 * @param outcome created, updated, unchanged, skipped, failed, or pending (not applied yet)
 * @param salesforceId the Salesforce record, when there is one
 * @param code the skip reason or warning, or the Salesforce error code of a failure
 * @param message the explanation of the reason, or Salesforce's error message
 * @param changes the changed fields as JSON ({@code field -> {from, to}}), for writes
 */
public record RecordOutcome(String object, long sourceId, String outcome, @Nullable String salesforceId,
        @Nullable String code, @Nullable String message, @Nullable String changes) {

}

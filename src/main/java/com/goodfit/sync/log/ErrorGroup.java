package com.goodfit.sync.log;

import org.jspecify.annotations.Nullable;

/**
 * The records of a run that failed, were skipped, or synced with a warning for one code.
 *
 * @param object {@code account} or {@code contact}
 * @param kind {@code failed}, {@code skipped} or {@code warning}
 * @param code the Salesforce error code or our reason
 * @param count how many records
 * @param exampleSourceId one of them
 * @param exampleMessage its message
 * @param advice what usually fixes it, when the built-in guide knows the code
 */
public record ErrorGroup(String object, String kind, String code, long count, long exampleSourceId,
        @Nullable String exampleMessage, @Nullable String advice) {

}

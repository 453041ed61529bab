package com.goodfit.sync.mapping;

import org.jspecify.annotations.Nullable;

/**
 * How the apply steps spend API calls.
 *
 * @param api which write API to use
 * @param bulkThreshold the plan size from which {@code auto} switches to Bulk API 2.0
 * @param inFlight how many sObject Collections calls run at once
 * @param maxApiCalls the most API calls one run may use, or null for no run budget
 * @param dailyCallsFloor stop cleanly when the org's remaining daily API calls would fall below this
 */
public record ApplySettings(ApiChoice api, int bulkThreshold, int inFlight, @Nullable Long maxApiCalls,
        long dailyCallsFloor) {

    /** Settings used when a job definition has no {@code apply} section. */
    public static ApplySettings defaults() {
        return new ApplySettings(ApiChoice.AUTO, 10_000, 4, null, 1_000);
    }

}

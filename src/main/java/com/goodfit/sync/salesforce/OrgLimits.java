package com.goodfit.sync.salesforce;

import java.util.Map;
import java.util.Optional;

/**
 * The org's {@code /limits}: each limit's maximum and what remains.
 *
 * @param limits by name, e.g. {@code DailyApiRequests}
 */
public record OrgLimits(Map<String, Limit> limits) {

    public OrgLimits {
        limits = Map.copyOf(limits);
    }

    /**
     * One limit by name.
     * @param name e.g. {@code DailyBulkV2QueryJobs}
     * @return the limit, if the org reports it
     */
    public Optional<Limit> limit(String name) {
        return Optional.ofNullable(this.limits.get(name));
    }

    /**
     * The daily API request limit.
     * @return {@code DailyApiRequests}, if reported
     */
    public Optional<Limit> dailyApiRequests() {
        return limit("DailyApiRequests");
    }

    /**
     * A maximum and what remains of it.
     *
     * @param max the maximum
     * @param remaining what remains
     */
    public record Limit(long max, long remaining) {
    }

}

package com.goodfit.sync.salesforce;

import com.goodfit.sync.salesforce.ApiUsage.DailyApiUsage;

/**
 * Refuses a call when the org's remaining daily API calls would drop below the floor, or when the run has used its
 * own call budget, so that a job stops cleanly instead of starving the customer's other integrations.
 */
final class ApiBudgetGuard {

    private final ApiUsageCounter usage;

    private final long floor;

    private final long maxCallsPerRun;

    /**
     * @param usage the counter of the org's clients
     * @param floor daily calls that must stay unused in the org
     * @param maxCallsPerRun calls these clients may make, 0 for no limit
     */
    ApiBudgetGuard(ApiUsageCounter usage, long floor, long maxCallsPerRun) {
        this.usage = usage;
        this.floor = floor;
        this.maxCallsPerRun = maxCallsPerRun;
    }

    void checkBeforeCall() {
        if (this.maxCallsPerRun > 0 && this.usage.apiCalls() >= this.maxCallsPerRun) {
            throw new ApiBudgetExceededException(
                    "Run API budget of %d calls used up".formatted(this.maxCallsPerRun), 0, null);
        }
        DailyApiUsage daily = this.usage.orgDaily();
        // The count reported is from the latest response; this call would take one more.
        if (daily != null && daily.remaining() - 1 < this.floor) {
            throw new ApiBudgetExceededException(
                    "Org API budget floor reached: %d of %d daily calls used, floor %d must stay unused"
                        .formatted(daily.used(), daily.max(), this.floor),
                    0, null);
        }
    }

}

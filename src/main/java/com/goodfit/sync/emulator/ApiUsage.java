package com.goodfit.sync.emulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Usage counted against the org's limits: daily API requests, in-flight requests, Bulk API 2.0 query jobs and
 * ingest batches. Thread-safe.
 */
final class ApiUsage {

    private final AtomicLong apiRequests = new AtomicLong();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicLong bulkQueryJobs = new AtomicLong();

    private final AtomicLong bulkBatches = new AtomicLong();

    /** Counts one request against the daily allowance; false when it is already used up. */
    boolean tryUse(long max) {
        while (true) {
            long used = this.apiRequests.get();
            if (used >= max) {
                return false;
            }
            if (this.apiRequests.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    long used() {
        return this.apiRequests.get();
    }

    int enter() {
        return this.inFlight.incrementAndGet();
    }

    void exit() {
        this.inFlight.decrementAndGet();
    }

    void bulkQueryJobCreated() {
        this.bulkQueryJobs.incrementAndGet();
    }

    long bulkQueryJobs() {
        return this.bulkQueryJobs.get();
    }

    void bulkBatchesUsed(long batches) {
        this.bulkBatches.addAndGet(batches);
    }

    long bulkBatches() {
        return this.bulkBatches.get();
    }

}

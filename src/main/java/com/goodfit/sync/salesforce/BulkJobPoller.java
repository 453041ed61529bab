package com.goodfit.sync.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Polls a Bulk API 2.0 job with a growing delay until it reaches a terminal state or the timeout passes. The delay
 * grows by half each time rather than doubling: a job is then seen to have ended at most half its run time late (a
 * 3-second job was seen at 7 seconds with doubling, at 4.75 now), for about one more poll per job.
 */
final class BulkJobPoller {

    private final SalesforceProperties.Bulk settings;

    private final Clock clock;

    private final Sleeper sleeper;

    BulkJobPoller(SalesforceProperties.Bulk settings, Clock clock) {
        this(settings, clock, Thread::sleep);
    }

    BulkJobPoller(SalesforceProperties.Bulk settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    BulkJobInfo await(String jobId, Supplier<BulkJobInfo> poll) {
        Instant deadline = this.clock.instant().plus(this.settings.pollTimeout());
        Duration delay = this.settings.pollInitialDelay();
        BulkJobInfo info = poll.get();
        while (!info.terminal()) {
            if (this.clock.instant().plus(delay).isAfter(deadline)) {
                throw new SalesforceTransientException("Bulk job %s still %s after %s".formatted(jobId, info.state(),
                        this.settings.pollTimeout()), 0, null, null);
            }
            sleep(jobId, delay);
            delay = min(delay.multipliedBy(3).dividedBy(2), this.settings.pollMaxDelay());
            info = poll.get();
        }
        return info;
    }

    private static Duration min(Duration a, Duration b) {
        return (a.compareTo(b) <= 0) ? a : b;
    }

    private void sleep(String jobId, Duration delay) {
        try {
            this.sleeper.sleep(delay.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SalesforceTransientException("Interrupted while waiting for Bulk job " + jobId, 0, null, ex);
        }
    }

    /** Waits between two polls; tests pass one that only notes the wait. */
    @FunctionalInterface
    interface Sleeper {

        void sleep(long millis) throws InterruptedException;

    }

}

package com.goodfit.sync.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a Bulk API 2.0 job with a growing delay until it reaches a terminal state or the timeout passes. The delay
 * grows by half each time rather than doubling: a job is then seen to have ended at most half its run time late (a
 * 3-second job was seen at 7 seconds with doubling, at 4.75 now), for about one more poll per job. An ingest job's
 * size is known, so once it is seen to progress the next poll can come when it should end instead.
 */
final class BulkJobPoller {

    private static final Logger logger = LoggerFactory.getLogger(BulkJobPoller.class);

    /** The shortest wait the job's pace can ask for: the job info is a call, and the last batch takes time too. */
    private static final long MIN_WAIT_MILLIS = 100;

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
        return await(jobId, 0, poll);
    }

    /**
     * @param expectedRecords how many records the job holds, or 0 if unknown; with it, once the job is seen to
     * progress, the next poll comes when the job should end at its pace so far, if that is sooner than the growing
     * delay: a job that ends between two polls no longer waits for the second
     */
    BulkJobInfo await(String jobId, long expectedRecords, Supplier<BulkJobInfo> poll) {
        Instant deadline = this.clock.instant().plus(this.settings.pollTimeout());
        Duration delay = this.settings.pollInitialDelay();
        BulkJobInfo info = poll.get();
        Instant firstSeen = this.clock.instant();
        long firstProcessed = info.numberRecordsProcessed();
        boolean estimated = false;
        while (!info.terminal()) {
            // An estimate that came too soon is not followed by another: each poll is a call, and a job that slows
            // near its end would otherwise be asked again and again.
            Duration estimate = estimated ? ChronoUnit.FOREVER.getDuration()
                    : untilExpectedEnd(info, expectedRecords, firstSeen, firstProcessed);
            estimated = estimate.compareTo(delay) < 0;
            Duration wait = min(delay, estimate);
            if (this.clock.instant().plus(wait).isAfter(deadline)) {
                throw new SalesforceTransientException("Bulk job %s still %s after %s".formatted(jobId, info.state(),
                        this.settings.pollTimeout()), 0, null, null);
            }
            logger.debug("Bulk job {}: {}, {} of {} records processed; polling again in {} ms", jobId, info.state(),
                    info.numberRecordsProcessed(), expectedRecords, wait.toMillis());
            sleep(jobId, wait);
            delay = min(delay.multipliedBy(3).dividedBy(2), this.settings.pollMaxDelay());
            info = poll.get();
        }
        return info;
    }

    /** When the job should end at the pace seen since the first poll, a tenth more; unbounded until it progresses. */
    private Duration untilExpectedEnd(BulkJobInfo info, long expectedRecords, Instant firstSeen, long firstProcessed) {
        long progressed = info.numberRecordsProcessed() - firstProcessed;
        long elapsedMillis = Duration.between(firstSeen, this.clock.instant()).toMillis();
        if (expectedRecords <= 0 || progressed <= 0 || elapsedMillis <= 0) {
            return ChronoUnit.FOREVER.getDuration();
        }
        long left = Math.max(0, expectedRecords - info.numberRecordsProcessed());
        long millis = (long) (left * (double) elapsedMillis / progressed * 1.1);
        return Duration.ofMillis(Math.max(MIN_WAIT_MILLIS, millis));
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

package com.goodfit.sync.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BulkJobPollerTests {

    private final List<Long> waits = new ArrayList<>();

    /** A clock the poller's waits move forward, so the timeout is tested without waiting. */
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");

    private final BulkJobPoller poller = new BulkJobPoller(
            new SalesforceProperties.Bulk(DataSize.ofMegabytes(100), Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(30)),
            new Clock() {
                @Override
                public Instant instant() {
                    return BulkJobPollerTests.this.now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            }, millis -> {
                this.waits.add(millis);
                this.now = this.now.plusMillis(millis);
            });

    @Test
    void waitsHalfAsLongAgainEachTimeUpToTheLongestDelay() {
        Iterator<String> states = List.of("UploadComplete", "InProgress", "InProgress", "InProgress", "InProgress",
                "InProgress", "InProgress", "JobComplete").iterator();

        BulkJobInfo ended = this.poller.await("750x", () -> info(states.next()));

        assertThat(ended.state()).isEqualTo("JobComplete");
        assertThat(this.waits).containsExactly(1000L, 1500L, 2250L, 3375L, 5000L, 5000L, 5000L);
    }

    @Test
    void pollsWhenAJobOfKnownSizeShouldEndAtItsPaceIfThatIsSooner() {
        Iterator<BulkJobInfo> polls = List.of(progress("UploadComplete", 0), progress("InProgress", 40_000),
                progress("InProgress", 90_000), progress("JobComplete", 100_000)).iterator();

        BulkJobInfo ended = this.poller.await("750x", 100_000, polls::next);

        assertThat(ended.state()).isEqualTo("JobComplete");
        // 40,000 in the first second: 60,000 more take 1.5 s (1.65 s with a tenth more), later than the 1.5 s delay;
        // then 90,000 in 2.5 s: the last 10,000 take 0.28 s (0.305 s), far sooner than the next delay of 2.25 s.
        assertThat(this.waits).containsExactly(1000L, 1500L, 305L);
    }

    @Test
    void aJobThatHasNotProgressedOrWhoseSizeIsUnknownIsPolledOnTheGrowingDelay() {
        Iterator<BulkJobInfo> stalled = List.of(progress("InProgress", 0), progress("InProgress", 0),
                progress("InProgress", 0), progress("JobComplete", 10)).iterator();
        Iterator<BulkJobInfo> unknownSize = List.of(progress("InProgress", 0), progress("InProgress", 9_000),
                progress("InProgress", 9_999), progress("JobComplete", 10_000)).iterator();

        this.poller.await("750x", 10, stalled::next);
        this.poller.await("750y", 0, unknownSize::next);

        assertThat(this.waits).containsExactly(1000L, 1500L, 2250L, 1000L, 1500L, 2250L);
    }

    @Test
    void anEstimateThatCameTooSoonIsFollowedByTheGrowingDelayNotAnotherEstimate() {
        Iterator<BulkJobInfo> polls = List.of(progress("InProgress", 0), progress("InProgress", 50_000),
                progress("InProgress", 90_000), progress("InProgress", 95_000), progress("JobComplete", 100_000))
            .iterator();

        this.poller.await("750x", 100_000, polls::next);

        // 50,000 a second: the rest by 1.1 s; at 2.1 s 90,000, no second estimate but the 2.25 s delay; then,
        // at 95,000 after 4.35 s, an estimate again (0.25 s).
        assertThat(this.waits).containsExactly(1000L, 1100L, 2250L, 251L);
    }

    @Test
    void aJobAboutToEndIsPolledNoSoonerThanTheShortestWait() {
        Iterator<BulkJobInfo> polls = List.of(progress("InProgress", 0), progress("InProgress", 99_999),
                progress("JobComplete", 100_000)).iterator();

        this.poller.await("750x", 100_000, polls::next);

        assertThat(this.waits).containsExactly(1000L, 100L);
    }

    @Test
    void asksOnceWhenTheJobHasAlreadyEnded() {
        assertThat(this.poller.await("750x", () -> info("Failed")).state()).isEqualTo("Failed");
        assertThat(this.waits).isEmpty();
    }

    @Test
    void givesUpWithTheJobAndItsStateOnceTheTimeoutWouldPass() {
        assertThatExceptionOfType(SalesforceTransientException.class)
            .isThrownBy(() -> this.poller.await("750x", () -> info("InProgress")))
            .withMessage("Bulk job 750x still InProgress after PT30S");
        assertThat(this.waits.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(30_000);
    }

    private static BulkJobInfo progress(String state, long processed) {
        return new BulkJobInfo("750x", "Account", "upsert", state, processed, 0, null);
    }

    private static BulkJobInfo info(String state) {
        return new BulkJobInfo("750x", "Account", "upsert", state, 0, 0, null);
    }

}

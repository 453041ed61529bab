package com.goodfit.sync.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsAndFaultsTests extends EmulatorApiTestSupport {

    private static final String LIMITS = ApiCalls.V + "/limits";

    @Test
    @SuppressWarnings("unchecked")
    void limitsReportDailyUsage() {
        this.emulator.control().dailyApiLimit(15000);
        this.api.get(ApiCalls.V + "/sobjects/Account/describe");
        ApiCalls.Response response = this.api.get(LIMITS);
        Map<String, Object> daily = (Map<String, Object>) response.map().get("DailyApiRequests");
        assertThat(daily).containsEntry("Max", 15000).containsEntry("Remaining", 14998);
        assertThat(response.map()).containsKeys("DailyBulkApiBatches", "DailyBulkV2QueryJobs",
                "DailyBulkV2QueryFileStorageMB", "ConcurrentSyncReportRuns");
        assertThat(response.header("Sforce-Limit-Info")).isEqualTo("api-usage=2/15000");
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id FROM Account")).header(
                "Sforce-Limit-Info")).isEqualTo("api-usage=3/15000");
        assertThat(this.emulator.calls().snapshot()).containsEntry("limits", 1L).containsEntry("describe", 1L)
            .containsEntry("query", 1L);
        assertThat(this.emulator.calls().total()).isEqualTo(3);
        this.emulator.calls().reset();
        assertThat(this.emulator.calls().total()).isZero();
    }

    @Test
    void dailyLimitRejectsFurtherCalls() {
        this.emulator.control().dailyApiLimit(2);
        assertThat(this.api.get(LIMITS).status()).isEqualTo(200);
        assertThat(this.api.get(LIMITS).status()).isEqualTo(200);
        ApiCalls.Response over = this.api.get(LIMITS);
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.list()).containsExactly(Map.of("message", "TotalRequests Limit exceeded.", "errorCode",
                "REQUEST_LIMIT_EXCEEDED"));
        assertThat(over.header("Sforce-Limit-Info")).isEqualTo("api-usage=2/2");
        assertThat(this.emulator.calls().get("limits")).isEqualTo(3);
    }

    @Test
    void concurrentLimitRejectsExcessInFlightCalls() {
        this.emulator.control().concurrentLimit(2).latency(Duration.ofMillis(300), Duration.ZERO);
        List<CompletableFuture<ApiCalls.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> this.api.get(LIMITS)));
        }
        List<ApiCalls.Response> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).filteredOn(r -> r.status() == 403).isNotEmpty().allSatisfy(r
                -> assertThat(r.list().get(0))
            .containsEntry("errorCode", "REQUEST_LIMIT_EXCEEDED")
            .containsEntry("message", "ConcurrentPerOrgLongTxn Limit exceeded."));
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSizeLessThanOrEqualTo(2 * 2).isNotEmpty();
    }

    @Test
    void failsNextCallsWithServiceUnavailable() {
        this.emulator.control().failNextCalls(2, FailureKind.SERVER_UNAVAILABLE_503);
        ApiCalls.Response first = this.api.get(LIMITS);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.list()).containsExactly(Map.of("message", "Server Unavailable", "errorCode",
                "SERVER_UNAVAILABLE"));
        assertThat(this.api.get(LIMITS).status()).isEqualTo(503);
        assertThat(this.api.get(LIMITS).status()).isEqualTo(200);
    }

    @Test
    void failsAShareOfCalls() {
        this.emulator.control().failCalls(0.5, FailureKind.SERVER_UNAVAILABLE_503);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (this.api.get(LIMITS).status() == 503) {
                failed++;
            }
        }
        assertThat(failed).isBetween(60, 140);
        this.emulator.control().failCalls(0, FailureKind.SERVER_UNAVAILABLE_503);
        assertThat(this.api.get(LIMITS).status()).isEqualTo(200);
    }

    @Test
    void addsLatencyPerCallAndPerRecord() {
        this.emulator.control().latency(Duration.ofMillis(100), Duration.ofMillis(2));
        long start = System.nanoTime();
        this.api.post(ApiCalls.V + "/composite/sobjects", Map.of("records", List.of(
                CollectionsTests.account("Name", "a"), CollectionsTests.account("Name", "b"),
                CollectionsTests.account("Name", "c"), CollectionsTests.account("Name", "d"),
                CollectionsTests.account("Name", "e"))));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(110));
    }

    @Test
    void countsFailedCallsToo() {
        this.api.send("GET", LIMITS, null, null, Map.of("Authorization", "Bearer nope"));
        this.api.get(ApiCalls.V + "/sobjects/Nope/describe");
        assertThat(this.emulator.calls().get("limits")).isEqualTo(1);
        assertThat(this.emulator.calls().get("describe")).isEqualTo(1);
    }

}

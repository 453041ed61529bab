package com.goodfit.sync.salesforce;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiUsageTests {

    @Test
    void classifiesCallsByPath() {
        assertThat(CallKind.of(URI.create("https://x/services/oauth2/token"))).isEqualTo(CallKind.AUTH);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/query?q=SELECT"))).isEqualTo(CallKind.QUERY);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/query/01gXX-2000"))).isEqualTo(CallKind.QUERY);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/queryAll?q=S"))).isEqualTo(CallKind.QUERY);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/composite/sobjects")))
            .isEqualTo(CallKind.COLLECTIONS);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/jobs/ingest/750/batches")))
            .isEqualTo(CallKind.BULK);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/jobs/query/750/results")))
            .isEqualTo(CallKind.BULK);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/tooling/sobjects/CustomField/")))
            .isEqualTo(CallKind.TOOLING);
        assertThat(CallKind.of(URI.create("https://x/services/data/v62.0/sobjects/Account/describe")))
            .isEqualTo(CallKind.OTHER);
    }

    @Test
    void parsesLimitInfoLeniently() {
        ApiUsageCounter counter = new ApiUsageCounter();
        counter.recordLimitInfo("api-usage=18/15000; api-bursts=1/750");
        assertThat(counter.snapshot().orgDaily()).isEqualTo(new ApiUsage.DailyApiUsage(18, 15000));
        counter.recordLimitInfo("garbage");
        assertThat(counter.snapshot().orgDaily().remaining()).isEqualTo(14982);
    }

    @Test
    void countsByKindAndExcludesAuthFromApiCalls() {
        ApiUsageCounter counter = new ApiUsageCounter();
        counter.count(CallKind.AUTH);
        counter.count(CallKind.QUERY);
        counter.count(CallKind.QUERY);
        ApiUsage usage = counter.snapshot();
        assertThat(usage.calls(CallKind.QUERY)).isEqualTo(2);
        assertThat(usage.calls(CallKind.BULK)).isZero();
        assertThat(usage.total()).isEqualTo(3);
        assertThat(usage.apiCalls()).isEqualTo(2);
    }

    @Test
    void guardRefusesBelowFloor() {
        ApiUsageCounter counter = new ApiUsageCounter();
        ApiBudgetGuard guard = new ApiBudgetGuard(counter, 10, 0);
        guard.checkBeforeCall();
        counter.recordLimitInfo("api-usage=89/100");
        guard.checkBeforeCall();
        counter.recordLimitInfo("api-usage=90/100");
        assertThatExceptionOfType(ApiBudgetExceededException.class).isThrownBy(guard::checkBeforeCall)
            .withMessageContaining("floor");
    }

    @Test
    void guardRefusesBeyondRunBudget() {
        ApiUsageCounter counter = new ApiUsageCounter();
        ApiBudgetGuard guard = new ApiBudgetGuard(counter, 0, 2);
        counter.count(CallKind.AUTH);
        counter.count(CallKind.QUERY);
        guard.checkBeforeCall();
        counter.count(CallKind.QUERY);
        assertThatExceptionOfType(ApiBudgetExceededException.class).isThrownBy(guard::checkBeforeCall)
            .withMessageContaining("Run API budget");
    }

}

package com.goodfit.sync.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Latency, timeouts and the org's concurrency limit against the emulator.
 */
class SalesforceFaultContractTests {

    private final EmulatorOrgFixture fixture = EmulatorOrgFixture.start();

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void keepsCallsInFlightWithinTheConfiguredLimit() throws Exception {
        this.fixture.emulator.control().latency(Duration.ofMillis(100), Duration.ZERO).concurrentLimit(2);
        SalesforceProperties base = EmulatorOrgFixture.testProperties();
        SalesforceProperties twoInFlight = new SalesforceProperties(base.connectTimeout(), base.readTimeout(), 200, 2,
                base.retry(), base.budget(), base.bulk());
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), twoInFlight);
        countAccountsConcurrently(clients, 6);
        // no call was refused with ConcurrentPerOrgLongTxn and retried
        assertThat(clients.usage().calls(CallKind.QUERY)).isEqualTo(6);
    }

    @Test
    void retriesConcurrentLimitRefusals() throws Exception {
        this.fixture.emulator.control().latency(Duration.ofMillis(100), Duration.ZERO).concurrentLimit(1);
        SalesforceProperties base = EmulatorOrgFixture.testProperties();
        // Backoff long enough (about 1.5 s in all) for three 100 ms calls to get their turn.
        SalesforceProperties patient = new SalesforceProperties(base.connectTimeout(), base.readTimeout(), 200, 4,
                new SalesforceProperties.Retry(10, Duration.ofMillis(50), 1.5, Duration.ofMillis(200),
                        Duration.ofMillis(20), Duration.ofSeconds(20)),
                base.budget(), base.bulk());
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), patient);
        clients.limits().limits();
        countAccountsConcurrently(clients, 3);
        assertThat(clients.usage().calls(CallKind.QUERY)).isGreaterThan(3);
    }

    @Test
    void timeoutIsTransient() {
        SalesforceProperties base = EmulatorOrgFixture.testProperties();
        SalesforceProperties impatient = new SalesforceProperties(base.connectTimeout(), Duration.ofMillis(700), 200,
                4, new SalesforceProperties.Retry(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10),
                        Duration.ZERO, Duration.ofSeconds(5)),
                base.budget(), base.bulk());
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), impatient);
        clients.limits().limits();
        this.fixture.emulator.control().latency(Duration.ofMillis(2000), Duration.ZERO);
        assertThatExceptionOfType(SalesforceTransientException.class).isThrownBy(() -> clients.limits().limits())
            .satisfies((ex) -> assertThat(ex.status()).isZero());
        assertThat(clients.usage().calls(CallKind.OTHER)).isEqualTo(3);
    }


    @Test
    void createIsNotRepeatedAfterATimeoutButUpsertIs() {
        SalesforceProperties base = EmulatorOrgFixture.testProperties();
        SalesforceProperties impatient = new SalesforceProperties(base.connectTimeout(), Duration.ofMillis(700), 200,
                4, new SalesforceProperties.Retry(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10),
                        Duration.ZERO, Duration.ofSeconds(5)),
                base.budget(), base.bulk());
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), impatient);
        clients.limits().limits();
        this.fixture.emulator.control().latency(Duration.ofMillis(2000), Duration.ZERO);
        List<SObject> records = List.of(SObject.of("Account", java.util.Map.of("Name", "A", "GoodFit_ID__c", "pg-1")));
        assertThatExceptionOfType(SalesforceTransientException.class)
            .isThrownBy(() -> clients.collections().create(records));
        assertThat(clients.usage().calls(CallKind.COLLECTIONS)).isEqualTo(1);
        assertThatExceptionOfType(SalesforceTransientException.class)
            .isThrownBy(() -> clients.collections().upsert("Account", "GoodFit_ID__c", records));
        assertThat(clients.usage().calls(CallKind.COLLECTIONS)).isEqualTo(3);
    }

    @Test
    void createIsRepeatedAfterA503() {
        this.fixture.clients.limits().limits();
        this.fixture.emulator.control().failNextCalls(2, com.goodfit.sync.emulator.FailureKind.SERVER_UNAVAILABLE_503);
        List<SaveResult> results = this.fixture.clients.collections()
            .create(List.of(SObject.of("Account", java.util.Map.of("Name", "A"))));
        assertThat(results).singleElement().matches(SaveResult::success);
        assertThat(this.fixture.clients.usage().calls(CallKind.COLLECTIONS)).isEqualTo(3);
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(1);
    }

    /** Runs {@code callers} COUNT() queries at once and expects each to find no Account. */
    private static void countAccountsConcurrently(SalesforceClients clients, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                counts.add(pool.submit(() -> clients.query().count("SELECT COUNT() FROM Account")));
            }
            for (Future<Long> count : counts) {
                assertThat(count.get()).isZero();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

}

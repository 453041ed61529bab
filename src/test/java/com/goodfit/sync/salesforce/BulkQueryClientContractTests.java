package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bulk API 2.0 query against the emulator.
 */
class BulkQueryClientContractTests {

    private final EmulatorOrgFixture fixture = EmulatorOrgFixture.start();

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void readsResultsPageByPageWithTheLocator() {
        for (int i = 0; i < 25; i++) {
            this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme " + i, "Website", "acme" + i + ".com"));
        }
        BulkQueryClient bulk = this.fixture.clients.bulkQuery();
        BulkJobInfo job = bulk.create(SoqlQuery.of("SELECT Id, Name, Website FROM Account"));
        BulkJobInfo done = bulk.await(job.id());
        assertThat(done.state()).isEqualTo("JobComplete");
        List<Map<String, String>> rows = new ArrayList<>();
        int pages = bulk.results(done.id(), 10, rows::add);
        assertThat(pages).isEqualTo(3);
        assertThat(rows).hasSize(25).allSatisfy((row) -> assertThat(row.get("Id")).startsWith("001"));
        assertThat(rows).extracting((row) -> row.get("Website")).contains("acme7.com");
    }

    @Test
    void queryAllIncludesDeletedRecords() {
        String id = this.fixture.emulator.org().insert("Account", Map.of("Name", "Gone"));
        this.fixture.emulator.org().delete("Account", id);
        BulkQueryClient bulk = this.fixture.clients.bulkQuery();
        List<Map<String, String>> rows = new ArrayList<>();
        bulk.results(bulk.await(bulk.create(SoqlQuery.of("SELECT Id FROM Account").includingDeleted()).id()).id(),
                null, rows::add);
        assertThat(rows).hasSize(1);
    }

    @Test
    void unknownFieldFailsAtCreation() {
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.fixture.clients.bulkQuery().create(SoqlQuery.of("SELECT Id, Foo__c FROM Account")))
            .withMessageContaining("Foo__c");
    }

    @Test
    void resultsOfAnEmptyOrgAreOnePage() {
        BulkQueryClient bulk = this.fixture.clients.bulkQuery();
        List<Map<String, String>> rows = new ArrayList<>();
        assertThat(bulk.results(bulk.await(bulk.create(SoqlQuery.of("SELECT Id FROM Account")).id()).id(), 100,
                rows::add)).isEqualTo(1);
        assertThat(rows).isEmpty();
        assertThat(this.fixture.clients.usage().calls(CallKind.BULK)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void abortsARunningJob() {
        this.fixture.emulator.control().bulkProcessingDelay(java.time.Duration.ofSeconds(30));
        BulkQueryClient bulk = this.fixture.clients.bulkQuery();
        BulkJobInfo job = bulk.create(SoqlQuery.of("SELECT Id FROM Account"));
        assertThat(job.terminal()).isFalse();
        assertThat(bulk.abort(job.id()).state()).isEqualTo("Aborted");
        assertThat(bulk.info(job.id()).state()).isEqualTo("Aborted");
    }

}

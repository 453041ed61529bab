package com.goodfit.sync.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bulk API 2.0 ingest against the emulator.
 */
class BulkIngestClientContractTests {

    private EmulatorOrgFixture fixture = EmulatorOrgFixture.start();

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void insertsRowsAndReportsSuccessfulAndFailedRows() {
        BulkIngestClient bulk = this.fixture.clients.bulkIngest();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Arrays.asList("pg-" + i, (i == 3) ? "" : "Acme, \"Inc\" " + i, "acme" + i + ".com"));
        }
        List<BulkJobInfo> jobs = bulk.submit(new IngestJobSpec("Account", BulkOperation.INSERT, null),
                List.of("GoodFit_ID__c", "Name", "Website"), rows);
        assertThat(jobs).singleElement().satisfies((job) -> assertThat(job.state()).isEqualTo("UploadComplete"));
        BulkJobInfo done = bulk.await(jobs.get(0).id());
        assertThat(done.state()).isEqualTo("JobComplete");
        assertThat(done.numberRecordsProcessed()).isEqualTo(10);
        assertThat(done.numberRecordsFailed()).isEqualTo(1);
        List<BulkSuccess> successes = new ArrayList<>();
        bulk.successfulResults(done.id(), successes::add);
        assertThat(successes).hasSize(9).allSatisfy((row) -> {
            assertThat(row.id()).startsWith("001");
            assertThat(row.created()).isTrue();
        });
        assertThat(successes).anySatisfy((row) -> assertThat(row.fields()).containsEntry("Name", "Acme, \"Inc\" 0"));
        List<BulkFailure> failures = new ArrayList<>();
        bulk.failedResults(done.id(), failures::add);
        assertThat(failures).singleElement().satisfies((row) -> {
            assertThat(row.fields()).containsEntry("GoodFit_ID__c", "pg-3");
            assertThat(row.error().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(row.error().fields()).contains("Name");
        });
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(9);
    }

    @Test
    void upsertsOnExternalId() {
        this.fixture.emulator.org().insert("Account", Map.of("Name", "Old", "GoodFit_ID__c", "pg-1"));
        BulkIngestClient bulk = this.fixture.clients.bulkIngest();
        List<BulkJobInfo> jobs = bulk.submit(new IngestJobSpec("Account", BulkOperation.UPSERT, "GoodFit_ID__c"),
                List.of("GoodFit_ID__c", "Name"), List.of(List.of("pg-1", "Renamed"), List.of("pg-2", "New")));
        BulkJobInfo done = bulk.await(jobs.get(0).id());
        List<BulkSuccess> successes = new ArrayList<>();
        bulk.successfulResults(done.id(), successes::add);
        assertThat(successes).extracting((row) -> row.fields().get("GoodFit_ID__c") + "=" + row.created())
            .containsExactlyInAnyOrder("pg-1=false", "pg-2=true");
    }

    @Test
    void splitsUploadsThatWouldExceedTheSizeLimit() {
        SalesforceProperties small = new SalesforceProperties(Duration.ofSeconds(2), Duration.ofSeconds(30), 200, 4,
                EmulatorOrgFixture.testProperties().retry(), new SalesforceProperties.Budget(0, 0),
                new SalesforceProperties.Bulk(DataSize.ofBytes(1024), Duration.ofMillis(20), Duration.ofMillis(200),
                        Duration.ofSeconds(30)));
        BulkIngestClient bulk = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), small).bulkIngest();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(List.of("Account number " + i + " with a longish name"));
        }
        List<BulkJobInfo> jobs = bulk.submit(new IngestJobSpec("Account", BulkOperation.INSERT, null), List.of("Name"),
                rows);
        assertThat(jobs).hasSizeGreaterThan(3);
        long processed = jobs.stream().map((job) -> bulk.await(job.id())).mapToLong(BulkJobInfo::numberRecordsProcessed).sum();
        assertThat(processed).isEqualTo(100);
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(100);
    }

    @Test
    void abortedJobLeavesRowsUnprocessed() {
        BulkIngestClient bulk = this.fixture.clients.bulkIngest();
        BulkJobInfo job = bulk.create(new IngestJobSpec("Account", BulkOperation.INSERT, null));
        assertThat(job.state()).isEqualTo("Open");
        bulk.upload(job.id(), "Name\nA\nB\n".getBytes());
        assertThat(bulk.abort(job.id()).state()).isEqualTo("Aborted");
        assertThat(bulk.await(job.id()).state()).isEqualTo("Aborted");
        List<Map<String, String>> unprocessed = new ArrayList<>();
        bulk.unprocessedRecords(job.id(), unprocessed::add);
        assertThat(unprocessed).extracting((row) -> row.get("Name")).containsExactlyInAnyOrder("A", "B");
        assertThat(this.fixture.emulator.org().count("Account")).isZero();
    }

    @Test
    void unknownColumnFailsTheJob() {
        BulkIngestClient bulk = this.fixture.clients.bulkIngest();
        List<BulkJobInfo> jobs = bulk.submit(new IngestJobSpec("Account", BulkOperation.INSERT, null),
                List.of("Name", "Foo__c"), List.of(List.of("A", "x")));
        BulkJobInfo done = bulk.await(jobs.get(0).id());
        assertThat(done.state()).isEqualTo("Failed");
        assertThat(done.errorMessage()).contains("Foo__c");
    }

    @Test
    void unknownJobFails() {
        assertThatExceptionOfType(SalesforceException.class)
            .isThrownBy(() -> this.fixture.clients.bulkIngest().info("750000000000000AAA"))
            .satisfies((ex) -> assertThat(ex.status()).isEqualTo(404));
    }

    @Test
    void waitingGivesUpAfterThePollTimeout() {
        this.fixture.emulator.control().bulkProcessingDelay(Duration.ofSeconds(30));
        SalesforceProperties base = EmulatorOrgFixture.testProperties();
        SalesforceProperties impatient = new SalesforceProperties(base.connectTimeout(), base.readTimeout(), 200, 4,
                base.retry(), base.budget(), new SalesforceProperties.Bulk(DataSize.ofMegabytes(1),
                        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300)));
        BulkIngestClient bulk = this.fixture.connect(this.fixture.refreshTokenConnection().grant(), impatient)
            .bulkIngest();
        List<BulkJobInfo> jobs = bulk.submit(new IngestJobSpec("Account", BulkOperation.INSERT, null), List.of("Name"),
                List.of(List.of("A")));
        assertThatExceptionOfType(SalesforceTransientException.class).isThrownBy(() -> bulk.await(jobs.get(0).id()))
            .withMessageContaining(jobs.get(0).id());
    }

}

package com.goodfit.sync.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class AccountSyncIT extends SyncITSupport {

    private static final Path JOB = Path.of("src/test/resources/jobs/accounts-it.yml");

    @Test
    void createsNewCompaniesUpdatesMatchesAndRecordsEveryOutcome() {
        String existing = this.emulator.org().insert("Account",
                Map.of("Name", "Acme Corp", "Website", "https://www.acme.com/", "NumberOfEmployees", 10),
                Instant.parse("2020-01-01T00:00:00Z"));
        companyWith(1, "Acme", "acme.com", 50, "Software");
        companyWith(2, "Globex", "http://globex.io/about", 5, "Retail");
        companyWith(3, "Nowhere", "n/a", 1, null);
        companyWith(4, "Acme Again", "WWW.ACME.COM", 3, null);

        SyncLauncher.Launch launch = this.launcher.run(JOB, LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> acme = this.emulator.org().get("Account", existing).orElseThrow();
        assertThat(acme).containsEntry("Name", "Acme Corp").containsEntry("Industry", "Software")
            .containsEntry("GoodFit_ID__c", "company-1");
        assertThat(((Number) acme.get("NumberOfEmployees")).intValue()).as("update-if-empty keeps 10").isEqualTo(10);
        assertThat(this.emulator.org().all("Account")).hasSize(2)
            .anySatisfy(account -> assertThat(account).containsEntry("Name", "Globex")
                .containsEntry("Website", "http://globex.io/about")
                .containsEntry("GoodFit_ID__c", "company-2"));
        assertThat(outcomes(launch)).containsExactly(Arrays.asList(1L, "updated", null),
                Arrays.asList(2L, "created", null), Arrays.asList(3L, "skipped", "INVALID_DOMAIN"),
                Arrays.asList(4L, "skipped", "DUPLICATE_SOURCE_DOMAIN"));
        assertThat(this.jdbc.queryForList("SELECT source_id FROM sf_link WHERE job_name = 'accounts-it' "
                + "ORDER BY source_id", Long.class)).containsExactly(1L, 2L);
    }

    @Test
    void aSecondIdenticalRunWritesNothing() {
        companyWith(1, "Acme", "acme.com", 50, "Software");
        companyWith(2, "Globex", "globex.io", 5, "Retail");
        this.launcher.run(JOB, LaunchOptions.fullSync());
        this.emulator.calls().reset();

        SyncLauncher.Launch second = this.launcher.run(JOB, LaunchOptions.fullSync());

        assertThat(second.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(second)).extracting(row -> row.get(1)).containsOnly("unchanged");
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.org().all("Account")).hasSize(2);
    }

    @Test
    void callsStillInFlightWhenAChunkEndsAreRecordedInTheNextChunk() throws Exception {
        companies(3_000);
        IntStream.rangeClosed(1, 1_000)
            .forEach(i -> this.emulator.org().insert("Account", Map.of("Name", "Company " + i, "Website",
                    "company" + i + ".com")));
        // One call in flight makes apply chunks of 800 records (4 calls): creates and updates span several chunks.
        Path job = job("carry", """
                salesforce: { environment: emulator }
                accounts:
                  mappings:
                    - source: name
                      targets: [ Name ]
                    - source: domain
                      targets: [ Website ]
                    - source: employees
                      targets: [ NumberOfEmployees ]
                apply: { in-flight: 1 }
                """);

        SyncLauncher.Launch launch = this.launcher.run(job, LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(launch)).hasSize(3_000);
        assertThat(outcomes(launch)).filteredOn(row -> row.get(1).equals("created")).hasSize(2_000);
        assertThat(outcomes(launch)).filteredOn(row -> row.get(1).equals("updated")).hasSize(1_000);
        assertThat(this.emulator.org().count("Account")).isEqualTo(3_000);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_link WHERE job_name = 'carry'", Long.class))
            .isEqualTo(3_000);
        assertThat(launch.execution().getStepExecutions())
            .filteredOn(step -> step.getStepName().equals("apply-accounts"))
            .singleElement()
            .satisfies(step -> assertThat(step.getWriteCount()).isEqualTo(3_000))
            .satisfies(step -> assertThat(step.getCommitCount()).isGreaterThan(3));
    }

    private void companyWith(long id, String name, String domain, int employees, String industry) {
        this.jdbc.update("INSERT INTO companies (id, name, domain, employees, industry) VALUES (?, ?, ?, ?, ?)", id,
                name, domain, employees, industry);
    }

}

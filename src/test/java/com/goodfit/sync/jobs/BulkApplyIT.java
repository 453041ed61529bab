package com.goodfit.sync.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.goodfit.sync.apply.BulkApplyTasklet;
import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.log.OutcomeLog;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The apply steps through Bulk API 2.0 ingest, against the emulator and PostgreSQL: the choice of API, the CSV the
 * records travel in, matching results to plan rows, and jobs that fail part-way, fail twice or are aborted.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BulkApplyIT extends SyncITSupport {

    private static final String JOB = """
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
                - source: employees
                  targets: [ NumberOfEmployees ]
                - source: description
                  targets: [ { field: Description, clear-when-empty: true } ]
                - source: city
                  targets: [ BillingCity ]
            apply: { bulk-threshold: 50 }
            """;

    /** A job that must go through Bulk API 2.0 whatever its size. */
    private static final String BULK_JOB = JOB.replace("bulk-threshold: 50", "api: bulk");

    private static final String TIMED_OUT = "InternalServerError : Processing timed out after 10 retries";

    @Autowired
    OutcomeLog outcomeLog;

    private IngestJobsApi ingestJobs;

    @BeforeEach
    void ingestJobsApi() {
        this.ingestJobs = new IngestJobsApi(this.emulator);
    }

    @Test
    void aPlanAtTheThresholdGoesThroughBulkAndOneBelowThroughCollections() throws Exception {
        companies(50);

        SyncLauncher.Launch bulk = this.launcher.run(job("at-threshold", JOB), LaunchOptions.fullSync());

        assertThat(bulk.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.calls().get("bulk-ingest")).isPositive();
        assertThat(apiChoice(bulk)).isEqualTo("bulk: 50 pending records >= bulk-threshold 50");
        assertThat(outcomes(bulk)).hasSize(50).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("created"));
        assertThat(this.emulator.org().count("Account")).isEqualTo(50);

        this.jdbc.update("DELETE FROM companies WHERE id > 49");
        this.jdbc.update("UPDATE companies SET employees = employees + 1000");
        this.emulator.calls().reset();

        SyncLauncher.Launch collections = this.launcher.run(job("at-threshold", JOB), LaunchOptions.fullSync());

        assertThat(collections.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("bulk-ingest")).isZero();
        assertThat(this.emulator.calls().get("collections")).isPositive();
        assertThat(apiChoice(collections)).isEqualTo("collections: 49 pending records < bulk-threshold 50");
        assertThat(outcomes(collections)).hasSize(49).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("updated"));
    }

    @Test
    void theApiSettingOverridesTheThreshold() throws Exception {
        companies(3);

        SyncLauncher.Launch launch = this.launcher.run(job("forced", JOB.replace("bulk-threshold: 50", "api: bulk")),
                LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(apiChoice(launch)).startsWith("bulk: forced by 'api: bulk'");
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.org().count("Account")).isEqualTo(3);
    }

    @Test
    void valuesWithQuotesCommasNewlinesAndUnicodeArriveIntactAndOnlyClearWhenEmptyNullsAField() throws Exception {
        String name = "Acme, \"the\" Company";
        String description = "First line, with a comma\nsecond line \"quoted\"\r\nthird: Zürich 東京 🚀";
        this.jdbc.update("INSERT INTO companies (id, name, domain, employees, description, city) "
                + "VALUES (1, ?, 'acme.com', 12, ?, 'São Paulo')", name, description);
        this.jdbc.update("INSERT INTO companies (id, name, domain, employees, description, city) "
                + "VALUES (2, 'Existing Ltd', 'existing.com', NULL, NULL, NULL)");
        String existing = this.emulator.org().insert("Account", Map.of("Name", "Existing Ltd", "Website",
                "https://existing.com", "NumberOfEmployees", 7, "Description", "to be cleared", "BillingCity",
                "Kept"), Instant.parse("2020-01-01T00:00:00Z"));

        SyncLauncher.Launch launch = this.launcher.run(job("formats", JOB.replace("bulk-threshold: 50", "api: bulk")),
                LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(launch)).extracting(row -> row.get(1)).containsExactly("created", "updated");
        Map<String, Object> created = account("GoodFit_ID__c", "company-1");
        assertThat(created).containsEntry("Name", name)
            .containsEntry("Description", description)
            .containsEntry("BillingCity", "São Paulo");
        assertThat(((Number) created.get("NumberOfEmployees")).intValue()).isEqualTo(12);
        Map<String, Object> updated = account("Id", existing);
        assertThat(updated.get("Description")).as("clear-when-empty: a null source value clears it").isNull();
        assertThat(updated).as("without clear-when-empty a null source value leaves the field")
            .containsEntry("BillingCity", "Kept")
            .containsEntry("GoodFit_ID__c", "company-2");
        assertThat(((Number) updated.get("NumberOfEmployees")).intValue()).isEqualTo(7);
    }

    @Test
    void resultsAreMatchedToTheirPlanRowsWithFailedRowsMixedIn() throws Exception {
        this.emulator.control().validationRule(true);
        this.jdbc.batchUpdate("INSERT INTO companies (id, name, domain, employees) VALUES (?, ?, ?, ?)",
                java.util.stream.IntStream.rangeClosed(1, 120)
                    .mapToObj(i -> new Object[] { (long) i, "Company " + i, "company" + i + ".com",
                            (i % 7 == 0) ? -i : i })
                    .toList());
        for (int i = 1; i <= 30; i++) {
            this.emulator.org().insert("Account", Map.of("Name", "Company " + i, "Website", "company" + i + ".com"),
                    Instant.parse("2020-01-01T00:00:00Z"));
        }

        SyncLauncher.Launch launch = this.launcher.run(job("mixed", JOB.replace("bulk-threshold: 50", "api: bulk")),
                LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<Long, String> byCompany = outcomes(launch).stream()
            .collect(Collectors.toMap(row -> (Long) row.get(0), row -> row.get(1) + "/" + row.get(2)));
        for (long i = 1; i <= 120; i++) {
            String expected = (i % 7 == 0) ? "failed/FIELD_CUSTOM_VALIDATION_EXCEPTION"
                    : ((i <= 30) ? "updated/null" : "created/null");
            assertThat(byCompany.get(i)).as("company " + i).isEqualTo(expected);
        }
        long instance = launch.execution().getJobInstance().getInstanceId();
        assertThat(this.jdbc.queryForList("SELECT source_id FROM sync_error WHERE job_instance_id = ? "
                + "AND status_code = 'FIELD_CUSTOM_VALIDATION_EXCEPTION' ORDER BY source_id", Long.class, instance))
            .containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L, 56L, 63L, 70L, 77L, 84L, 91L, 98L, 105L, 112L, 119L);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_link WHERE job_name = 'mixed'", Long.class))
            .isEqualTo(120 - 17);
        assertThat(this.emulator.org().all("Account")).filteredOn(account -> account.get("GoodFit_ID__c") == null)
            .as("the existing Accounts whose update failed")
            .extracting(account -> account.get("Website"))
            .containsExactlyInAnyOrder("company7.com", "company14.com", "company21.com", "company28.com");
        for (Map<String, Object> account : this.emulator.org().all("Account")) {
            String externalId = (String) account.get("GoodFit_ID__c");
            if (externalId == null) {
                continue;
            }
            long company = Long.parseLong(externalId.substring("company-".length()));
            assertThat(account.get("Website").toString()).as("the row for " + externalId)
                .contains("company" + company + ".com");
            assertThat(((Number) account.get("NumberOfEmployees")).longValue()).isEqualTo(company);
            assertThat(this.jdbc.queryForObject("SELECT sf_id FROM sf_link WHERE job_name = 'mixed' AND source_id = ?",
                    String.class, company)).isEqualTo(account.get("Id"));
        }
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_bulk_job WHERE job_instance_id = ? "
                + "AND state = 'settled'", Long.class, instance)).as("one job for creates, one for updates")
            .isEqualTo(2);
    }

    @Test
    void aJobFailingPartWayHasItsUnprocessedRecordsSentOnceInANewJobAndTheStepCompletes(CapturedOutput output)
            throws Exception {
        companies(20);
        this.emulator.control().failNextBulkJobs(1, TIMED_OUT, 8);

        SyncLauncher.Launch launch = this.launcher.run(job("part-way", BULK_JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(launch)).hasSize(20).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("created"));
        assertThat(this.emulator.org().all("Account")).as("each company created once")
            .extracting(account -> account.get("GoodFit_ID__c"))
            .containsExactlyInAnyOrderElementsOf(externalIds(1, 20));
        List<Map<String, Object>> jobs = bulkJobs(launch);
        assertThat(jobs).extracting(job -> job.get("attempt"), job -> job.get("records"), job -> job.get("state"))
            .containsExactly(tuple(1, 20, "failed"), tuple(2, 12, "settled"));
        assertThat((String) jobs.get(0).get("message")).endsWith("ended Failed: " + TIMED_OUT);
        List<CSVRecord> retried = this.ingestJobs.results((String) jobs.get(1).get("sf_job_id"), "successfulResults");
        assertThat(retried).as("the retry sent exactly the records the first job left unprocessed, and created them")
            .allSatisfy(row -> assertThat(row.get("sf__Created")).isEqualTo("true"))
            .extracting(row -> row.get("GoodFit_ID__c"))
            .containsExactlyInAnyOrderElementsOf(externalIds(9, 20));
        assertThat(output).contains("WARN")
            .contains("ended Failed: " + TIMED_OUT + "; sending its 12 unprocessed records once more in a new job");
    }

    @Test
    void aJobFailingPartWayTwiceRecordsWhatWasLeftAsUnprocessedAndFailsTheStep() throws Exception {
        companies(20);
        this.emulator.control().failNextBulkJobs(2, TIMED_OUT, 5);

        SyncLauncher.Launch failed = this.launcher.run(job("failing-twice", BULK_JOB), LaunchOptions.fullSync());

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.execution().getExitStatus().getExitDescription()).contains("ended Failed: " + TIMED_OUT);
        List<Map<String, Object>> jobs = bulkJobs(failed);
        assertThat(jobs).extracting(job -> job.get("attempt"), job -> job.get("records"), job -> job.get("state"))
            .containsExactly(tuple(1, 20, "failed"), tuple(2, 15, "failed"));
        Map<Long, String> byCompany = outcomes(failed).stream()
            .collect(Collectors.toMap(row -> (Long) row.get(0), row -> row.get(1) + "/" + row.get(2)));
        for (long i = 1; i <= 20; i++) {
            assertThat(byCompany.get(i)).as("company " + i)
                .isEqualTo((i <= 10) ? "created/null" : "failed/" + BulkApplyTasklet.UNPROCESSED);
        }
        assertThat(this.emulator.org().count("Account")).isEqualTo(10);
        List<Map<String, Object>> errors = this.jdbc.queryForList("SELECT source_id, status_code, message "
                + "FROM sync_error WHERE job_instance_id = ? ORDER BY source_id", instance(failed));
        assertThat(errors).hasSize(10).allSatisfy(error -> {
            assertThat(error.get("status_code")).isEqualTo(BulkApplyTasklet.UNPROCESSED);
            assertThat((String) error.get("message")).contains((String) jobs.get(1).get("sf_job_id"))
                .contains(TIMED_OUT);
        });
        assertThat(this.outcomeLog.errors(instance(failed))).singleElement().satisfies(group -> {
            assertThat(group.code()).isEqualTo(BulkApplyTasklet.UNPROCESSED);
            assertThat(group.count()).isEqualTo(10);
            assertThat(group.exampleMessage()).contains(TIMED_OUT);
            assertThat(group.advice()).contains("two Bulk API jobs");
        });
        this.emulator.calls().reset();

        SyncLauncher.Launch restarted = this.launcher.restart(failed.execution().getId());

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("bulk-ingest")).as("nothing is sent again").isZero();
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(outcomes(restarted)).extracting(row -> row.get(1) + "/" + row.get(2))
            .containsExactlyElementsOf(byCompany.values());
        assertThat(bulkJobs(restarted)).hasSize(2);
    }

    @Test
    void aJobFailingBeforeAnyRecordTwiceRecordsEveryRecordAsUnprocessed() throws Exception {
        companies(20);
        this.emulator.control().failNextBulkJobs(2, "InvalidBatch : Field name not found : Bogus__c");

        SyncLauncher.Launch failed = this.launcher.run(job("failing", BULK_JOB), LaunchOptions.fullSync());

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.execution().getExitStatus().getExitDescription())
            .contains("ended Failed: InvalidBatch : Field name not found : Bogus__c");
        assertThat(this.emulator.org().count("Account")).isZero();
        assertThat(outcomes(failed)).hasSize(20)
            .allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("failed", BulkApplyTasklet.UNPROCESSED));
        assertThat(bulkJobs(failed)).extracting(job -> job.get("records")).containsExactly(20, 20);
        assertThat(this.jdbc.queryForList("SELECT message FROM sync_error WHERE job_instance_id = ?", String.class,
                instance(failed)))
            .hasSize(20)
            .allSatisfy(message -> assertThat(message).contains("Field name not found : Bogus__c"));
    }

    @Test
    void aJobAbortedInSalesforceFailsTheStepAndARestartSendsItsRecords() throws Exception {
        companies(20);
        this.emulator.control().bulkProcessingDelay(Duration.ofSeconds(5));
        ExecutorService admin = Executors.newSingleThreadExecutor();
        SyncLauncher.Launch failed;
        try {
            Future<String> aborted = admin.submit(this.ingestJobs::abortTheFirstJobWaitingToBeProcessed);

            failed = this.launcher.run(job("aborted", BULK_JOB), LaunchOptions.fullSync());

            assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(failed.execution().getExitStatus().getExitDescription())
                .contains("Bulk job " + aborted.get() + " (create Accounts) ended Aborted");
            assertThat(outcomes(failed)).hasSize(20).allSatisfy(row -> assertThat(row.get(1)).isNull());
            assertThat(bulkJobs(failed)).extracting(job -> job.get("state")).containsExactly("aborted");
        }
        finally {
            admin.shutdownNow();
        }
        this.emulator.control().bulkProcessingDelay(Duration.ofMillis(50));

        SyncLauncher.Launch restarted = this.launcher.restart(failed.execution().getId());

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(restarted)).hasSize(20).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("created"));
        assertThat(this.emulator.org().count("Account")).isEqualTo(20);
        assertThat(bulkJobs(restarted)).extracting(job -> job.get("attempt"), job -> job.get("state"))
            .containsExactly(tuple(1, "aborted"), tuple(1, "settled"));
    }

    @Test
    void theIndexIsReadByABulkQueryOnceTheOrgHoldsTheThresholdAndItsTextValuesCompareAsTyped() throws Exception {
        companies(60);
        for (int i = 1; i <= 60; i++) {
            this.emulator.org().insert("Account", Map.of("Name", "Company " + i, "Website", "company" + i + ".com",
                    "NumberOfEmployees", i), Instant.parse("2020-01-01T00:00:00Z"));
        }

        SyncLauncher.Launch first = this.launcher.run(job("big-org", JOB), LaunchOptions.fullSync());

        assertThat(first.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("bulk-query")).isPositive();
        assertThat(this.emulator.calls().get("query")).as("only the COUNT").isEqualTo(1);
        assertThat(choice(first, "index-accounts"))
            .isEqualTo("index by Bulk query: 60 records in the org >= bulk-threshold 50");
        assertThat(outcomes(first)).hasSize(60)
            .allSatisfy(row -> assertThat(row.get(1)).as("only the external id is new").isEqualTo("updated"));
        assertThat(this.emulator.org().count("Account")).isEqualTo(60);

        SyncLauncher.Launch second = this.launcher.run(job("big-org", JOB), LaunchOptions.fullSync());

        assertThat(outcomes(second)).as("numbers read back as CSV text still equal the source's")
            .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("unchanged"));
    }

    @Test
    void theIndexIsReadBySoqlBelowTheThreshold() throws Exception {
        companies(5);
        this.emulator.org().insert("Account", Map.of("Name", "Company 1", "Website", "company1.com"));

        SyncLauncher.Launch launch = this.launcher.run(job("small-org", JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("bulk-query")).isZero();
        assertThat(choice(launch, "index-accounts")).isEqualTo("index by SOQL: 1 records in the org < bulk-threshold 50");
    }

    @Test
    void contactsAreCreatedUnderTheirAccountAndUpdatedThroughBulk() throws Exception {
        companies(3);
        this.jdbc.batchUpdate("INSERT INTO contacts (id, company_id, email, last_name, title) VALUES (?, ?, ?, ?, ?)",
                java.util.stream.IntStream.rangeClosed(1, 30)
                    .mapToObj(i -> new Object[] { (long) i, (long) (1 + i % 3), "person" + i + "@company"
                            + (1 + i % 3) + ".com", "Person " + i, (i == 5) ? null : title(i) })
                    .toList());
        String existing = this.emulator.org().insert("Contact", Map.of("LastName", "Person 5", "Email",
                "PERSON5@COMPANY3.COM", "Title", "Old title"));

        SyncLauncher.Launch launch = this.launcher.run(job("bulk-contacts", CONTACTS_JOB), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.org().count("Contact")).isEqualTo(30);
        Map<String, String> accountExternalIds = this.emulator.org()
            .all("Account")
            .stream()
            .collect(Collectors.toMap(account -> (String) account.get("Id"),
                    account -> (String) account.get("GoodFit_ID__c")));
        for (Map<String, Object> contact : this.emulator.org().all("Contact")) {
            long id = Long.parseLong(((String) contact.get("GoodFit_ID__c")).substring("contact-".length()));
            if (id == 5) {
                assertThat(contact.get("Id")).isEqualTo(existing);
                assertThat(contact.get("Title")).as("cleared: clear-when-empty").isNull();
                continue;
            }
            assertThat(contact.get("Title")).isEqualTo(title(id));
            assertThat(accountExternalIds.get(contact.get("AccountId"))).isEqualTo("company-" + (1 + id % 3));
        }
    }

    private List<Map<String, Object>> bulkJobs(SyncLauncher.Launch launch) {
        return this.jdbc.queryForList("SELECT attempt, records, sf_job_id, state, message FROM sync_bulk_job "
                + "WHERE job_instance_id = ? ORDER BY id", instance(launch));
    }

    private static long instance(SyncLauncher.Launch launch) {
        return launch.execution().getJobInstance().getInstanceId();
    }

    private static List<String> externalIds(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(i -> "company-" + i).toList();
    }

    private static String title(long contact) {
        return "Title, \"" + contact + "\"";
    }

    private static final String CONTACTS_JOB = """
            salesforce: { environment: emulator }
            modes: { contacts: create-and-update }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
            contacts:
              mappings:
                - source: email
                  targets: [ Email ]
                - source: last_name
                  targets: [ LastName ]
                - source: title
                  targets: [ { field: Title, clear-when-empty: true } ]
            apply: { api: bulk }
            """;

    private Map<String, Object> account(String field, String value) {
        List<Map<String, Object>> found = this.emulator.org()
            .all("Account")
            .stream()
            .filter(account -> value.equals(account.get(field)))
            .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String apiChoice(SyncLauncher.Launch launch) {
        return choice(launch, "apply-accounts");
    }

    private static String choice(SyncLauncher.Launch launch, String stepName) {
        return launch.execution()
            .getStepExecutions()
            .stream()
            .filter(step -> step.getStepName().equals(stepName))
            .map(StepExecution::getExecutionContext)
            .map(context -> context.getString(ConnectorLog.API_CHOICE_KEY))
            .findFirst()
            .orElseThrow();
    }

}

package com.goodfit.sync.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.goodfit.sync.log.ConnectorLog;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply steps through Bulk API 2.0 ingest, against the emulator and PostgreSQL: the choice of API, the CSV the
 * records travel in, matching results to plan rows, and a job that fails.
 */
@PostgresIntegrationTest
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
    void aFailedJobFailsTheStepWithSalesforcesMessageAndARestartSendsItsRecordsAgain() throws Exception {
        companies(20);
        this.emulator.control().failNextBulkJobs(1, "InvalidBatch : Field name not found : Bogus__c");

        SyncLauncher.Launch failed = this.launcher.run(job("failing", JOB.replace("bulk-threshold: 50", "api: bulk")),
                LaunchOptions.fullSync());

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.execution().getExitStatus().getExitDescription())
            .contains("ended Failed: InvalidBatch : Field name not found : Bogus__c");
        assertThat(this.emulator.org().count("Account")).isZero();
        assertThat(outcomes(failed)).allSatisfy(row -> assertThat(row.get(1)).isNull());

        SyncLauncher.Launch restarted = this.launcher.restart(failed.execution().getId());

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(restarted)).hasSize(20).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("created"));
        assertThat(this.emulator.org().count("Account")).isEqualTo(20);
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

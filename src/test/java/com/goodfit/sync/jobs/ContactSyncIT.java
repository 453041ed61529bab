package com.goodfit.sync.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.emulator.CustomFieldSpec;
import com.goodfit.sync.source.filter.CompanySelection;
import com.goodfit.sync.source.filter.CompanySelectionCompiler;
import com.goodfit.sync.source.filter.CompiledFilter;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §1 for Contacts, end to end on PostgreSQL with the emulator: the three contact modes, matching by
 * email, every skip reason, association with the company's Account, pre-validation and the index strategy.
 */
@PostgresIntegrationTest
class ContactSyncIT extends SyncITSupport {

    private static final Path JOB = Path.of("src/test/resources/jobs/contacts-it.yml");

    @Autowired
    private CompanySelectionCompiler selections;

    private static final String ACCOUNTS = """
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website ]
            """;

    @Test
    void matchesByEmailCreatesUnderTheCompanysAccountAndSkipsWithAReason() {
        String acmeAccount = this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String otherAccount = this.emulator.org().insert("Account", Map.of("Name", "Other", "Website", "other.org"));
        String jane = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "JANE@Acme.COM",
                "AccountId", otherAccount, "Title", "Old title"));
        String olderPat = this.emulator.org().insert("Contact", Map.of("LastName", "Pat", "Email", "pat@acme.com"),
                Instant.parse("2019-01-01T00:00:00Z"));
        String newerPat = this.emulator.org().insert("Contact", Map.of("LastName", "Pat 2", "Email", "Pat@acme.com"),
                Instant.parse("2023-01-01T00:00:00Z"));
        company(1, "Acme", "www.acme.com");
        company(2, "Globex", "globex.io");
        company(3, "Nowhere", "n/a");
        contact(10, 1, " Jane@acme.com ", "Jane", "Doe", "CTO");
        contact(11, 2, "bob@globex.io", "Bob", "Builder", "Engineer");
        contact(12, 1, "not an email", "No", "Email", null);
        contact(13, 1, "jane@ACME.com", "Jane", "Twin", null);
        contact(14, 3, "ann@nowhere.com", "Ann", "Orphan", null);
        contact(15, 1, "pat@acme.com", "Pat", "Pat", "Chief of Everything");
        contact(16, 2, "nolast@globex.io", "No", null, null);
        contact(17, 2, "long@globex.io", "Long", "Title", "x".repeat(200));
        this.jdbc.update("UPDATE contacts SET department = ? WHERE id = 11", "d".repeat(81));

        SyncLauncher.Launch launch = this.launcher.run(JOB, LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "updated", null),
                Arrays.asList(11L, "skipped", "STRING_TOO_LONG"), Arrays.asList(12L, "skipped", "INVALID_EMAIL"),
                Arrays.asList(13L, "skipped", "DUPLICATE_SOURCE_EMAIL"),
                Arrays.asList(14L, "skipped", "ACCOUNT_NOT_SYNCED"), Arrays.asList(15L, "updated", "AMBIGUOUS_MATCH"),
                Arrays.asList(16L, "skipped", "REQUIRED_FIELD_MISSING"), Arrays.asList(17L, "created", "TRUNCATED"));
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow()).containsEntry("Title", "CTO")
            .containsEntry("GoodFit_ID__c", "contact-10")
            .containsEntry("AccountId", otherAccount);
        assertThat(this.emulator.org().get("Contact", olderPat).orElseThrow()).containsEntry("Title",
                "Chief of Everything");
        assertThat(this.emulator.org().get("Contact", newerPat).orElseThrow().get("Title")).isNull();
        Map<String, Object> created = contactByExternalId("contact-17");
        String globexAccount = linkOf("account", 2);
        assertThat(created).containsEntry("AccountId", globexAccount).containsEntry("Email", "long@globex.io");
        assertThat((String) created.get("Title")).hasSize(128);
        assertThat(globexAccount).isNotEqualTo(acmeAccount);
        assertThat(this.emulator.org().count("Contact")).as("no call spent on skipped contacts").isEqualTo(4);
        assertThat(linkOf("contact", 10)).isEqualTo(jane);
    }

    @Test
    void skipsAValueTheRestrictedPicklistDoesNotAllowWithoutACall() throws Exception {
        this.emulator.org()
            .addCustomField("Contact", CustomFieldSpec.restrictedPicklist("Seniority_GoodFit__c", "Manager", "VP"));
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", null);
        contact(11, 1, "bob@acme.com", "Bob", "Builder", null);
        this.jdbc.update("UPDATE contacts SET seniority = CASE id WHEN 10 THEN 'VP' ELSE 'Intern' END");

        SyncLauncher.Launch launch = this.launcher.run(job("contacts-picklist", """
                salesforce: { environment: emulator }
                modes: { contacts: create-and-update }
                %s
                contacts:
                  mappings:
                    - source: email
                      targets: [ Email ]
                    - source: last_name
                      targets: [ LastName ]
                    - source: seniority
                      targets: [ Seniority_GoodFit__c ]
                """.formatted(ACCOUNTS)), LaunchOptions.fullSync());

        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "created", null),
                Arrays.asList(11L, "skipped", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
        assertThat(this.emulator.org().all("Contact")).singleElement()
            .satisfies(contact -> assertThat(contact).containsEntry("Seniority_GoodFit__c", "VP"));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_error WHERE job_instance_id = ?", Long.class,
                launch.execution().getJobInstance().getInstanceId())).isZero();
    }

    @Test
    void aSecondIdenticalRunWritesNothing() {
        this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "jane@acme.com"));
        company(1, "Acme", "acme.com");
        contact(10, 1, "Jane@Acme.com", "Jane", "Doe", "CTO");
        contact(11, 1, "bob@acme.com", "Bob", "Builder", null);
        this.launcher.run(JOB, LaunchOptions.fullSync());
        this.emulator.calls().reset();

        SyncLauncher.Launch second = this.launcher.run(JOB, LaunchOptions.fullSync());

        assertThat(contactOutcomes(second)).extracting(row -> row.get(1)).containsOnly("unchanged");
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.org().count("Contact")).isEqualTo(2);
    }

    @Test
    void updateOnlyUpdatesMatchesAndNeverCreates() throws Exception {
        String jane = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "jane@acme.com"));
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", "CTO");
        contact(11, 1, "bob@acme.com", "Bob", "Builder", null);

        SyncLauncher.Launch launch = this.launcher.run(job("contacts-update-only", """
                salesforce: { environment: emulator }
                modes: { contacts: update-only }
                %s
                contacts:
                  mappings:
                    - source: email
                      targets: [ Email ]
                    - source: title
                      targets: [ Title ]
                """.formatted(ACCOUNTS)), LaunchOptions.fullSync());

        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "updated", null),
                Arrays.asList(11L, "skipped", "UPDATE_ONLY_NO_MATCH"));
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow()).containsEntry("Title", "CTO");
        assertThat(this.emulator.org().count("Contact")).isEqualTo(1);
    }

    @Test
    void disabledContactsNeitherReadNorCallSalesforce() throws Exception {
        String jane = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "jane@acme.com"));
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", "CTO");

        SyncLauncher.Launch launch = this.launcher.run(job("contacts-disabled", """
                salesforce: { environment: emulator }
                modes: { contacts: disabled }
                %s
                contacts:
                  mappings:
                    - source: email
                      targets: [ Email ]
                    - source: title
                      targets: [ Title ]
                """.formatted(ACCOUNTS)), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch.execution().getStepExecutions()).extracting(StepExecution::getStepName)
            .containsExactly("validate-org", "index-accounts", "plan-accounts", "apply-accounts");
        // The account sync alone: one describe (Account), a COUNT (SOQL or Bulk query for the index?) and one index
        // query, one collections call (the create).
        assertThat(this.emulator.calls().get("describe")).isEqualTo(1);
        assertThat(this.emulator.calls().get("query")).isEqualTo(2);
        assertThat(this.emulator.calls().get("collections")).isEqualTo(1);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sync_plan WHERE object_type = 'contact' "
                + "AND job_instance_id = ?", Long.class, launch.execution().getJobInstance().getInstanceId())).isZero();
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow().get("Title")).isNull();
    }

    @Test
    void movesAnExistingContactToTheCompanysAccountOnlyWhenAccountIsMappedWithOverride() throws Exception {
        String acme = this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        String other = this.emulator.org().insert("Account", Map.of("Name", "Other", "Website", "other.org"));
        String jane = this.emulator.org().insert("Contact",
                Map.of("LastName", "Doe", "Email", "jane@acme.com", "AccountId", other));
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", null);

        SyncLauncher.Launch launch = this.launcher.run(job("contacts-move", """
                salesforce: { environment: emulator }
                modes: { contacts: create-and-update }
                %s
                contacts:
                  mappings:
                    - source: email
                      targets: [ Email ]
                    - source: last_name
                      targets: [ LastName ]
                    - source: account
                      targets: [ { field: AccountId, strategy: override } ]
                """.formatted(ACCOUNTS)), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).as(launch.execution().getExitStatus().getExitDescription())
            .isEqualTo(BatchStatus.COMPLETED);
        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "updated", null));
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow()).containsEntry("AccountId", acme);
    }

    @Test
    void looksContactsUpByEmailWhenTheOrgHoldsManyMore() {
        List<Map<String, Object>> others = new java.util.ArrayList<>();
        for (int i = 0; i < 4_001; i++) {
            others.add(Map.of("LastName", "Other " + i, "Email", "other" + i + "@elsewhere.com"));
        }
        others.forEach(contact -> this.emulator.org().insert("Contact", contact));
        String jane = this.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "JANE@acme.com"));
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", "CTO");
        contact(11, 1, "bob@acme.com", "Bob", "Builder", null);

        SyncLauncher.Launch launch = this.launcher.run(JOB, LaunchOptions.fullSync());

        StepExecution index = step(launch, "index-contacts");
        assertThat(index.getExecutionContext().getString("indexStrategy")).startsWith("lookup:")
            .contains("4,002 records in the org (snapshot: 3 calls)", "2 in the source");
        // One COUNT() and one lookup, instead of three snapshot pages.
        assertThat(index.getExecutionContext().getLong("api.query")).isEqualTo(2);
        assertThat(index.getExecutionContext().getLong("indexed")).isEqualTo(1);
        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "updated", null),
                Arrays.asList(11L, "created", null));
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow()).containsEntry("Title", "CTO");

        // A linked contact whose email changed in the source is still found, by its link's Id.
        this.jdbc.update("UPDATE contacts SET email = 'jane.doe@acme-mail.com' WHERE id = 10");
        SyncLauncher.Launch second = this.launcher.run(JOB, LaunchOptions.fullSync());
        assertThat(step(second, "index-contacts").getExecutionContext().getString("indexStrategy"))
            .startsWith("lookup:");
        assertThat(contactOutcomes(second)).containsExactly(Arrays.asList(10L, "updated", null),
                Arrays.asList(11L, "unchanged", null));
        assertThat(this.emulator.org().get("Contact", jane).orElseThrow()).containsEntry("Email",
                "jane.doe@acme-mail.com");
        assertThat(this.emulator.org().count("Contact")).isEqualTo(4_003);
    }

    @Test
    void takesASnapshotWhenItCostsNoMoreThanLookups() {
        for (int i = 0; i < 10; i++) {
            this.emulator.org().insert("Contact", Map.of("LastName", "Other " + i, "Email", "o" + i + "@x.com"));
        }
        company(1, "Acme", "acme.com");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", "CTO");

        SyncLauncher.Launch launch = this.launcher.run(JOB, LaunchOptions.fullSync());

        StepExecution index = step(launch, "index-contacts");
        assertThat(index.getExecutionContext().getString("indexStrategy")).startsWith("snapshot:");
        assertThat(index.getExecutionContext().getLong("indexed")).isEqualTo(10);
        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "created", null));
    }

    @Test
    void aRunOfSelectedCompaniesReadsOnlyTheirContacts() {
        company(1, "Acme", "acme.com");
        company(2, "Globex", "globex.io");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", null);
        contact(11, 2, "bob@globex.io", "Bob", "Builder", null);

        SyncLauncher.Launch launch = this.launcher.run(JOB,
                new LaunchOptions(false, "s.domain = :domain", Map.of("domain", "acme.com")));

        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "created", null));
        assertThat(step(launch, "index-contacts").getExecutionContext().getString("indexStrategy"))
            .contains("1 in the source");
    }

    @Test
    void aFilteredRunWithALimitSyncsTheContactsOfTheSelectedCompaniesOnly() {
        company(1, "Acme", "acme.com");
        company(2, "Apex", "apex.io");
        company(3, "Globex", "globex.io");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", null);
        contact(11, 2, "ann@apex.io", "Ann", "Lee", null);
        contact(12, 3, "bob@globex.io", "Bob", "Builder", null);
        CompiledFilter selection = this.selections.compile(new CompanySelection("name like 'A%'", 1, List.of()));

        SyncLauncher.Launch launch = this.launcher.run(JOB,
                new LaunchOptions(false, selection.sql(), selection.parameters()));

        assertThat(this.emulator.org().all("Account")).extracting(account -> account.get("Name"))
            .containsExactly("Acme");
        assertThat(contactOutcomes(launch)).containsExactly(Arrays.asList(10L, "created", null));
        assertThat(this.emulator.org().all("Contact")).extracting(contact -> contact.get("Email"))
            .containsExactly("jane@acme.com");
    }

    @Test
    void aDryRunPlansContactsAgainstTheAccountsLinkedBeforeAndWritesNothing() {
        this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        company(1, "Acme", "acme.com");
        company(2, "Globex", "globex.io");
        contact(10, 1, "jane@acme.com", "Jane", "Doe", null);
        contact(11, 2, "bob@globex.io", "Bob", "Builder", null);
        this.launcher.run(JOB, LaunchOptions.fullSync());
        contact(12, 1, "ann@acme.com", "Ann", "New", null);
        company(3, "Initech", "initech.com");
        contact(13, 3, "peter@initech.com", "Peter", "Gibbons", null);
        this.emulator.calls().reset();

        SyncLauncher.Launch dryRun = this.launcher.run(JOB, LaunchOptions.dryRunOfAll());

        assertThat(dryRun.execution().getStepExecutions()).extracting(StepExecution::getStepName)
            .containsExactly("validate-org", "index-accounts", "plan-accounts", "index-contacts", "plan-contacts");
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.jdbc.queryForList("SELECT source_id || ' ' || operation || ' ' || status || ' ' || "
                + "COALESCE(reason, '') FROM sync_plan WHERE object_type = 'contact' AND job_instance_id = ? "
                + "ORDER BY source_id", String.class, dryRun.execution().getJobInstance().getInstanceId()))
            .containsExactly("10 unchanged done ", "11 unchanged done ", "12 create pending ",
                    "13 skip done ACCOUNT_NOT_SYNCED");
    }

    private void contact(long id, long companyId, String email, String firstName, String lastName, String title) {
        this.jdbc.update("INSERT INTO contacts (id, company_id, email, first_name, last_name, title) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, companyId, email, firstName, lastName, title);
    }

    private List<List<Object>> contactOutcomes(SyncLauncher.Launch launch) {
        return outcomes(launch).stream().filter(row -> ((Long) row.get(0)) >= 10).toList();
    }

    private Map<String, Object> contactByExternalId(String externalId) {
        return this.emulator.org()
            .all("Contact")
            .stream()
            .filter(contact -> externalId.equals(contact.get("GoodFit_ID__c")))
            .map(HashMap::new)
            .findFirst()
            .orElseThrow();
    }

    private String linkOf(String object, long sourceId) {
        return this.jdbc.queryForObject("SELECT sf_id FROM sf_link WHERE object_type = ? AND source_id = ?",
                String.class, object, sourceId);
    }

    private static StepExecution step(SyncLauncher.Launch launch, String name) {
        return launch.execution()
            .getStepExecutions()
            .stream()
            .filter(step -> step.getStepName().equals(name))
            .findFirst()
            .orElseThrow();
    }

}

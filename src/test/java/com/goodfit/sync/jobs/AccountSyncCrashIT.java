package com.goodfit.sync.jobs;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real separate JVM running the sync ({@code kill -9}) in the middle of apply (of Accounts, then of Contacts),
 * restarts the run, and checks that the org ends exactly as after an uninterrupted run: no duplicate record, no lost
 * update, one outcome per source record.
 */
@PostgresIntegrationTest
class AccountSyncCrashIT extends CrashITSupport {

    private static final File CHILD_LOG = new File("target/crash-it-child.log");

    private static final int EXISTING = 300;

    private static final int COMPANIES = 2_000;

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
            apply: { in-flight: 1 }
            """;

    private static final int CONTACT_COMPANIES = 200;

    private static final int CONTACTS = 2_000;

    private static final int EXISTING_CONTACTS = 300;

    private static final String CONTACTS_JOB = JOB.replace("accounts:", """
            modes: { contacts: create-and-update }
            contacts:
              mappings:
                - source: email
                  targets: [ Email ]
                - source: last_name
                  targets: [ LastName ]
                - source: title
                  targets: [ Title ]
            accounts:""");

    @Autowired
    JobRepository jobRepository;

    @Test
    void aRunKilledDuringApplyAndRestartedEndsLikeAnUninterruptedRun() throws Exception {
        companies(COMPANIES);
        Map<String, List<Object>> uninterrupted = uninterruptedOutcome();
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        seedExistingAccounts(this.emulator, EXISTING);
        Path job = job("crash", JOB);
        this.emulator.control().latency(Duration.ofMillis(250), Duration.ZERO);

        Process child = startSyncProcess(job, CHILD_LOG, Map.of());
        waitFor(child, () -> this.emulator.calls().get("collections") >= 3, 90, CHILD_LOG);
        kill(child);
        long appliedBeforeCrash = this.emulator.calls().get("collections");
        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);

        JobExecution crashed = this.jobRepository.getLastJobExecution("crash",
                this.jobRepository.getLastJobExecution(this.jobRepository.getLastJobInstance("crash"))
                    .getJobParameters());
        assertThat(crashed.getStatus()).as("a killed JVM leaves its execution marked running")
            .isEqualTo(BatchStatus.STARTED);
        assertThat(appliedBeforeCrash).isBetween(3L, (long) COMPANIES / 200);

        SyncLauncher.Launch restarted = this.launcher.restart(crashed.getId(), true);

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(accountSnapshot(this.emulator, COMPANIES)).isEqualTo(uninterrupted);
        assertThat(outcomes(restarted)).hasSize(COMPANIES)
            .allSatisfy(row -> assertThat(row.get(1)).isIn("created", "updated"));
        assertThat(outcomes(restarted)).filteredOn(row -> row.get(1).equals("updated")).hasSize(EXISTING);
    }

    @Test
    void aRunKilledDuringApplyContactsAndRestartedEndsLikeAnUninterruptedRun() throws Exception {
        companies(CONTACT_COMPANIES);
        this.jdbc.batchUpdate("INSERT INTO contacts (id, company_id, email, last_name, title) VALUES (?, ?, ?, ?, ?)",
                java.util.stream.IntStream.rangeClosed(1, CONTACTS)
                    .mapToObj(i -> new Object[] { (long) i, (long) (1 + i % CONTACT_COMPANIES),
                            "person" + i + "@company" + (1 + i % CONTACT_COMPANIES) + ".com", "Person " + i,
                            "Title " + i })
                    .toList());
        Map<String, List<Object>> uninterrupted;
        try (SalesforceEmulator reference = EmulatorOrgExtension.start(this.localOrgs)) {
            seedExistingContacts(reference);
            SyncLauncher.Launch launch = this.launcher.run(job("reference-contacts", CONTACTS_JOB),
                    LaunchOptions.fullSync());
            assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            uninterrupted = contactSnapshot(reference);
        }
        finally {
            EmulatorOrgExtension.register(this.localOrgs, this.emulator);
        }
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        seedExistingContacts(this.emulator);
        Path job = job("crash", CONTACTS_JOB);
        this.emulator.control().latency(Duration.ofMillis(250), Duration.ZERO);

        Process child = startSyncProcess(job, CHILD_LOG, Map.of());
        // One call creates the 200 Accounts; the Contacts take ten, four to a chunk: after six, one chunk is
        // committed and the next is half sent.
        waitFor(child, () -> this.emulator.calls().get("collections") >= 1 + 6, 90, CHILD_LOG);
        kill(child);
        long contactCallsBeforeCrash = this.emulator.calls().get("collections") - 1;
        this.emulator.control().latency(Duration.ZERO, Duration.ZERO);

        JobExecution crashed = this.jobRepository.getLastJobExecution("crash",
                this.jobRepository.getLastJobExecution(this.jobRepository.getLastJobInstance("crash"))
                    .getJobParameters());
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(contactCallsBeforeCrash).isBetween(6L, (long) CONTACTS / 200 - 1);
        assertThat(crashed.getStepExecutions()).filteredOn(step -> step.getStepName().equals("apply-contacts"))
            .singleElement()
            .satisfies(step -> assertThat(step.getStatus()).isEqualTo(BatchStatus.STARTED));

        SyncLauncher.Launch restarted = this.launcher.restart(crashed.getId(), true);

        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.execution().getStepExecutions()).extracting(StepExecution::getStepName)
            .as("the restart resumes inside apply-contacts")
            .containsExactly("validate-org", "apply-contacts");
        assertThat(contactSnapshot(this.emulator)).isEqualTo(uninterrupted);
        List<String> contactOutcomes = this.jdbc.queryForList("SELECT outcome FROM sync_plan WHERE object_type = "
                + "'contact' AND job_instance_id = ?", String.class, crashed.getJobInstance().getInstanceId());
        assertThat(contactOutcomes).hasSize(CONTACTS).allSatisfy(outcome -> assertThat(outcome).isIn("created",
                "updated"));
        assertThat(contactOutcomes).filteredOn("updated"::equals).hasSize(EXISTING_CONTACTS);
    }

    /** Contacts the first companies' people already are in the org, with their email in another case. */
    private static void seedExistingContacts(SalesforceEmulator org) {
        for (int i = 1; i <= EXISTING_CONTACTS; i++) {
            org.org().insert("Contact", Map.of("LastName", "Existing " + i, "Email",
                    ("Person" + i + "@Company" + (1 + i % CONTACT_COMPANIES) + ".com").toUpperCase(java.util.Locale.ROOT)),
                    Instant.parse("2020-01-01T00:00:00Z"));
        }
    }

    /**
     * Every Contact by external id, with the values the sync writes and its Account's external id; fails on a
     * duplicate external id.
     */
    private static Map<String, List<Object>> contactSnapshot(SalesforceEmulator org) {
        Map<String, Object> accounts = new java.util.HashMap<>();
        org.org().all("Account").forEach(account -> accounts.put((String) account.get("Id"), account.get("GoodFit_ID__c")));
        Map<String, List<Object>> snapshot = new TreeMap<>();
        for (Map<String, Object> contact : org.org().all("Contact")) {
            Object externalId = contact.get("GoodFit_ID__c");
            assertThat(externalId).as("every Contact carries its contact's external id").isNotNull();
            List<Object> previous = snapshot.put(externalId.toString(), java.util.Arrays.asList(contact.get("LastName"),
                    contact.get("Email"), contact.get("Title"), accounts.get(contact.get("AccountId"))));
            assertThat(previous).as("duplicate Contact for " + externalId).isNull();
        }
        assertThat(snapshot).hasSize(CONTACTS);
        return snapshot;
    }

    private Map<String, List<Object>> uninterruptedOutcome() throws Exception {
        try (SalesforceEmulator reference = EmulatorOrgExtension.start(this.localOrgs)) {
            seedExistingAccounts(reference, EXISTING);
            SyncLauncher.Launch launch = this.launcher.run(job("reference", JOB), LaunchOptions.fullSync());
            assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
            return accountSnapshot(reference, COMPANIES);
        }
        finally {
            EmulatorOrgExtension.register(this.localOrgs, this.emulator);
        }
    }

}

package com.goodfit.sync.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §1 for Accounts, end to end on PostgreSQL with the emulator: matching, modes and strategies.
 */
@PostgresIntegrationTest
class AccountSyncRulesIT extends SyncITSupport {

    private static final String MAPPINGS = """
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ Website, { field: Description, strategy: override } ]
                - source: industry
                  targets: [ { field: Industry, clear-when-empty: true } ]
            """;

    @Test
    void matchesAMessyWebsiteByRootDomainAndTakesTheOldestOfAmbiguousAccounts() throws Exception {
        String newer = this.emulator.org().insert("Account", Map.of("Name", "Acme EU", "Website", "acme.com/eu"),
                Instant.parse("2022-01-01T00:00:00Z"));
        String oldest = this.emulator.org().insert("Account",
                Map.of("Name", "Acme", "Website", "HTTPS://Shop.ACME.com:443/?ref=x"),
                Instant.parse("2015-01-01T00:00:00Z"));
        company(7, "Acme Inc", "www.acme.com");

        SyncLauncher.Launch launch = this.launcher.run(job("rules", "salesforce: { environment: emulator }\n" + MAPPINGS),
                LaunchOptions.fullSync());

        assertThat(outcomes(launch)).containsExactly(Arrays.asList(7L, "updated", "AMBIGUOUS_MATCH"));
        assertThat(this.emulator.org().get("Account", oldest).orElseThrow())
            .containsEntry("GoodFit_ID__c", "company-7").containsEntry("Name", "Acme");
        assertThat(this.emulator.org().get("Account", newer).orElseThrow().get("GoodFit_ID__c")).isNull();
        String detail = this.jdbc.queryForObject("SELECT detail FROM sync_plan WHERE source_id = 7 AND "
                + "job_instance_id = ?", String.class, launch.execution().getJobInstance().getInstanceId());
        assertThat(detail).contains(oldest, newer);
    }

    @Test
    void updateOnlyModeNeverCreates() throws Exception {
        this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        company(1, "Acme", "acme.com");
        company(2, "Globex", "globex.com");

        SyncLauncher.Launch launch = this.launcher.run(job("update-only", """
                salesforce: { environment: emulator }
                modes: { accounts: update-only }
                """ + MAPPINGS), LaunchOptions.fullSync());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcomes(launch)).containsExactly(Arrays.asList(1L, "updated", null),
                Arrays.asList(2L, "skipped", "UPDATE_ONLY_NO_MATCH"));
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
    }

    @Test
    void writesOneSourceFieldToSeveralTargetsEachWithItsStrategy() throws Exception {
        String acme = this.emulator.org().insert("Account",
                Map.of("Name", "Acme", "Website", "http://acme.com", "Description", "old"));
        company(1, "Acme", "https://www.acme.com/home");

        this.launcher.run(job("multi", "salesforce: { environment: emulator }\n" + MAPPINGS), LaunchOptions.fullSync());

        assertThat(this.emulator.org().get("Account", acme).orElseThrow())
            .as("Website is update-if-empty, Description override")
            .containsEntry("Website", "http://acme.com")
            .containsEntry("Description", "https://www.acme.com/home");
    }

    @Test
    void clearsAFieldOnlyWhereTheTargetSaysClearWhenEmpty() throws Exception {
        String acme = this.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com",
                "Industry", "Retail", "Description", "keep me"));
        this.jdbc.update("INSERT INTO companies (id, name, domain, industry) VALUES (1, 'Acme', 'acme.com', NULL)");

        this.launcher.run(job("clearing", "salesforce: { environment: emulator }\n"
                + MAPPINGS.replace("[ Website, { field: Description, strategy: override } ]", "[ Website ]")),
                LaunchOptions.fullSync());

        Map<String, Object> account = this.emulator.org().get("Account", acme).orElseThrow();
        assertThat(account.get("Industry")).isNull();
        assertThat(account).containsEntry("Description", "keep me");
    }

    @Test
    void anExistingLinkWinsOverTheDomainOnLaterRuns() throws Exception {
        Path job = job("linked", "salesforce: { environment: emulator }\n" + MAPPINGS);
        company(1, "Acme", "acme.com");
        this.launcher.run(job, LaunchOptions.fullSync());
        String created = this.emulator.org().all("Account").get(0).get("Id").toString();
        this.jdbc.update("UPDATE companies SET domain = 'acme-rebrand.io', industry = 'Software' WHERE id = 1");

        SyncLauncher.Launch second = this.launcher.run(job, LaunchOptions.fullSync());

        assertThat(outcomes(second)).containsExactly(Arrays.asList(1L, "updated", null));
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
        assertThat(this.emulator.org().get("Account", created).orElseThrow()).containsEntry("Industry", "Software");
    }

    @Test
    void aDryRunPlansButWritesNothing() throws Exception {
        company(1, "Acme", "acme.com");

        SyncLauncher.Launch launch = this.launcher.run(job("dry", "salesforce: { environment: emulator }\n" + MAPPINGS),
                LaunchOptions.dryRunOfAll());

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(this.emulator.calls().get("collections")).isZero();
        assertThat(this.emulator.org().count("Account")).isZero();
        assertThat(this.jdbc.queryForObject("SELECT status FROM sync_plan WHERE job_instance_id = ?", String.class,
                launch.execution().getJobInstance().getInstanceId())).isEqualTo("pending");
    }

}

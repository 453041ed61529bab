package com.goodfit.sync.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.goodfit.sync.admin.GoodfitCommandLine;
import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.salesforce.FieldDescribe;
import com.goodfit.sync.salesforce.SObjectDescribe;
import com.goodfit.sync.salesforce.SalesforceClientFactory;
import com.goodfit.sync.salesforce.OrgConnection;
import com.goodfit.sync.salesforce.OAuthGrant;
import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provision-fields} end to end: PostgreSQL's {@code field_definitions}, the command tree, and an emulated org
 * that starts without the GoodFit fields and enforces field-level security on fields created through the Tooling API.
 */
@PostgresIntegrationTest
class ProvisionFieldsIT {

    private static final String JOB = """
            salesforce:
              environment: emulator
              api-version: "62.0"
            modes: { accounts: create-and-update, contacts: update-only }
            accounts:
              mappings:
                - source: domain
                  targets: [ Website, Domain_GoodFit__c ]
                - source: name
                  targets: [ Name ]
                - source: employees
                  targets: [ NumberOfEmployees, Employees_GoodFit__c ]
                - source: score
                  targets: [ Fit_Score_GoodFit__c ]
                - source: tier
                  targets: [ Tier_GoodFit__c ]
                - source: founded_on
                  targets: [ Founded_On_GoodFit__c ]
                - source: is_hiring
                  targets: [ Is_Hiring_GoodFit__c ]
                - source: description
                  targets: [ Description, Description_GoodFit__c ]
            contacts:
              mappings:
                - source: email
                  targets: [ Email ]
                - source: seniority
                  targets: [ Seniority_GoodFit__c ]
            """;

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SalesforceClientFactory clientFactory;

    @TempDir
    Path dir;

    SalesforceEmulator emulator;

    @BeforeEach
    void startOrg() {
        this.jdbc.update("DELETE FROM sf_connection");
        this.emulator = EmulatorOrgExtension.start(this.localOrgs, EmulatorOptions.defaults().withoutGoodFitIdField());
        this.emulator.control().enforceFieldPermissions(true);
    }

    @AfterEach
    void stopOrg() {
        this.localOrgs.clear();
        this.emulator.close();
        this.jdbc.update("DELETE FROM field_definitions WHERE field_key LIKE 'it\\_%'");
    }

    @Test
    void dryRunListsExactlyWhatTheRealRunThenCreates() throws Exception {
        Path job = job("provision-it", JOB);

        CommandRun dryRun = CommandRun.of(this.commandLine, "provision-fields", job.toString(), "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(this.emulator.org().hasField("Account", "Employees_GoodFit__c")).isFalse();
        assertThat(this.emulator.org().count("PermissionSet")).isZero();
        assertThat(dryRun.out()).contains("dry run: nothing is changed")
            .contains("would create field Account.GoodFit_ID__c \"GoodFit ID\" Text(255), External ID, Unique")
            .contains("would create field Account.Employees_GoodFit__c \"Employees (GoodFit)\" Number(8, 0)")
            .contains("would create field Account.Domain_GoodFit__c \"Domain (GoodFit)\" Url")
            .contains("would create permission set GoodFit_Sync")
            .contains("would assign permission set GoodFit_Sync to integration@goodfit.example");

        CommandRun real = CommandRun.of(this.commandLine, "provision-fields", job.toString());

        assertThat(real.exitCode()).as(real.err()).isZero();
        assertThat(actions(real.out())).isEqualTo(actions(dryRun.out()));
        assertThat(actions(real.out())).hasSize(10 + 10 + 2);
        SObjectDescribe account = describe("Account");
        assertThat(field(account, "GoodFit_ID__c")).satisfies(f -> {
            assertThat(f.externalId()).isTrue();
            assertThat(f.unique()).isTrue();
            assertThat(f.length()).isEqualTo(255);
        });
        assertThat(field(account, "Employees_GoodFit__c")).satisfies(f -> {
            assertThat(f.type()).isEqualTo("double");
            assertThat(f.precision()).isEqualTo(8);
            assertThat(f.label()).isEqualTo("Employees (GoodFit)");
        });
        assertThat(field(account, "Fit_Score_GoodFit__c")).satisfies(f -> {
            assertThat(f.precision()).isEqualTo(5);
            assertThat(f.scale()).isEqualTo(2);
        });
        assertThat(field(account, "Tier_GoodFit__c").picklistValues())
            .extracting(FieldDescribe.PicklistValue::value)
            .containsExactly("A", "B", "C", "D");
        assertThat(field(account, "Founded_On_GoodFit__c").type()).isEqualTo("date");
        assertThat(field(account, "Is_Hiring_GoodFit__c").type()).isEqualTo("boolean");
        assertThat(field(account, "Description_GoodFit__c")).satisfies(f -> {
            assertThat(f.type()).isEqualTo("textarea");
            assertThat(f.length()).isEqualTo(32000);
        });
        assertThat(field(describe("Contact"), "Seniority_GoodFit__c").updateable()).isTrue();
        assertThat(field(describe("Contact"), "GoodFit_ID__c").externalId()).isTrue();
        assertThat(this.emulator.org().all("PermissionSet")).singleElement()
            .satisfies(set -> assertThat(set).containsEntry("Name", "GoodFit_Sync"));
        assertThat(this.emulator.org().count("FieldPermissions")).isEqualTo(10);
        assertThat(this.emulator.org().all("PermissionSetAssignment")).singleElement()
            .satisfies(assignment -> assertThat(assignment).containsEntry("AssigneeId",
                    this.emulator.org().userId()));

        CommandRun sync = CommandRun.of(this.commandLine, "run", job.toString(), "--dry-run");
        assertThat(sync.exitCode()).as("the job now passes validation against the org: " + sync.err()).isZero();
    }

    @Test
    void aSecondRunCreatesNothing() throws Exception {
        Path job = job("provision-it", JOB);
        assertThat(CommandRun.of(this.commandLine, "provision-fields", job.toString()).exitCode()).isZero();
        long toolingCalls = this.emulator.calls().get("tooling");
        long sobjectCalls = this.emulator.calls().get("collections");

        CommandRun again = CommandRun.of(this.commandLine, "provision-fields", job.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to do: every field exists and integration@goodfit.example can read "
                + "and edit them");
        assertThat(actions(again.out())).isEmpty();
        assertThat(this.emulator.calls().get("collections")).isEqualTo(sobjectCalls);
        assertThat(this.emulator.calls().get("tooling")).as("every field visible: no lookup, no create")
            .isEqualTo(toolingCalls);
        assertThat(this.emulator.org().count("FieldPermissions")).isEqualTo(10);
        assertThat(this.emulator.org().count("PermissionSet")).isEqualTo(1);
    }

    @Test
    void completesAnExistingPermissionSetAndFindsFieldsTheUserCannotSeeYet() throws Exception {
        this.emulator.org().addCustomField("Account", com.goodfit.sync.emulator.CustomFieldSpec.number(
                "Employees_GoodFit__c", 8, 0));
        String set = this.emulator.org().insert("PermissionSet", Map.of("Name", "GoodFit_Sync", "Label", "Old"));
        this.emulator.org().insert("FieldPermissions", Map.of("ParentId", set, "SobjectType", "Account", "Field",
                "Account.Employees_GoodFit__c", "PermissionsRead", true, "PermissionsEdit", false));
        Path job = job("provision-it", """
                salesforce: { environment: emulator, api-version: "62.0" }
                modes: { accounts: update-only }
                accounts:
                  mappings:
                    - source: domain
                      targets: [ Website ]
                    - source: employees
                      targets: [ Employees_GoodFit__c ]
                """);

        CommandRun run = CommandRun.of(this.commandLine, "provision-fields", job.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("extend to read/edit on Account.Employees_GoodFit__c")
            .doesNotContain("create field Account.Employees_GoodFit__c")
            .doesNotContain("create permission set");
        assertThat(this.emulator.org().count("PermissionSet")).isEqualTo(1);
        assertThat(field(describe("Account"), "Employees_GoodFit__c").updateable()).isTrue();
    }

    @Test
    void reportsFieldsThatCannotBeCreatedAndCreatesTheRest() throws Exception {
        this.jdbc.update("INSERT INTO field_definitions (field_key, object_type, label, field_type, numeric_precision, "
                + "numeric_scale, description) VALUES ('it_big_number', 'account', 'Big Number', 'number', 30, 0, 'x')");
        this.jdbc.update("INSERT INTO field_definitions (field_key, object_type, label, field_type, length, "
                + "description) VALUES ('it_band', 'account', 'Band', 'picklist', 20, 'no values')");
        Path job = job("provision-it", """
                salesforce: { environment: emulator, api-version: "62.0" }
                modes: { accounts: update-only }
                accounts:
                  mappings:
                    - source: domain
                      targets: [ Website, Websites ]
                    - source: it_big_number
                      targets: [ Big_Number_GoodFit__c ]
                    - source: it_band
                      targets: [ Band_GoodFit__c ]
                    - source: employees
                      targets: [ Employees_GoodFit__c ]
                """);

        CommandRun run = CommandRun.of(this.commandLine, "provision-fields", job.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot create Account.Big_Number_GoodFit__c: source field 'it_big_number' "
                + "(number): precision 30 and scale 0 do not fit a Salesforce number")
            .contains("cannot create Account.Band_GoodFit__c: source field 'it_band' (picklist): a picklist needs "
                    + "values")
            .contains("cannot create Account.Websites: the org has no such standard field");
        assertThat(this.emulator.org().hasField("Account", "Employees_GoodFit__c")).isTrue();
        assertThat(this.emulator.org().hasField("Account", "Big_Number_GoodFit__c")).isFalse();
    }

    @Test
    void initJobThenProvisionGivesClashingLabelsDistinctFieldsAndARunnableJob() throws Exception {
        this.jdbc.update("INSERT INTO field_definitions (field_key, object_type, label, field_type, numeric_precision, "
                + "numeric_scale, storage, description) VALUES ('it_revenue_a', 'account', 'Revenue (USD)', 'currency', 18, "
                + "2, 'data_points', 'x'), ('it_revenue_b', 'account', 'Revenue USD', 'currency', 18, 2, 'data_points', "
                + "'y')");
        Path jobs = this.dir.resolve("jobs");
        CommandRun init = CommandRun.of(this.commandLine, "init-job", "clash-it", "--environment", "emulator",
                "--jobs-dir", jobs.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        String yaml = Files.readString(jobs.resolve("clash-it.yml"));
        assertThat(yaml).contains("Revenue_USD_GoodFit__c", "Revenue_USD_2_GoodFit__c");

        CommandRun run = CommandRun.of(this.commandLine, "provision-fields", jobs.resolve("clash-it.yml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SObjectDescribe account = describe("Account");
        assertThat(field(account, "Revenue_USD_GoodFit__c").label()).isEqualTo("Revenue (USD) (GoodFit)");
        assertThat(field(account, "Revenue_USD_2_GoodFit__c").label()).isEqualTo("Revenue USD (GoodFit)");
        CommandRun sync = CommandRun.of(this.commandLine, "run", jobs.resolve("clash-it.yml").toString(), "--dry-run");
        assertThat(sync.exitCode()).as(sync.out() + sync.err()).isZero();
    }

    private Path job(String name, String yaml) throws Exception {
        return Files.writeString(this.dir.resolve(name + ".yml"), yaml);
    }

    /** The create / grant / assign lines of a run, without the dry run's "would". */
    private static Set<String> actions(String out) {
        return Arrays.stream(out.split("\\R"))
            .map(String::trim)
            .map(line -> line.replaceFirst("^would ", ""))
            .filter(line -> line.startsWith("create ") || line.startsWith("grant ") || line.startsWith("assign ")
                    || line.startsWith("extend "))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private SObjectDescribe describe(String sobject) {
        return this.clientFactory.connect(new OrgConnection(this.emulator.url(), "62.0",
                new OAuthGrant.RefreshToken(this.emulator.credentials().clientId(),
                        this.emulator.credentials().clientSecret(), this.emulator.credentials().refreshToken())))
            .describe()
            .describe(sobject);
    }

    private static FieldDescribe field(SObjectDescribe describe, String name) {
        return describe.field(name).orElseThrow(() -> new AssertionError(describe.name() + "." + name
                + " is not visible to the integration user; visible: " + describe.fields()
                    .stream()
                    .map(FieldDescribe::name)
                    .toList()));
    }

}

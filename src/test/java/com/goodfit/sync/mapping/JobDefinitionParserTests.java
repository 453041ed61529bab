package com.goodfit.sync.mapping;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDefinitionParserTests {

    private static final FieldDirectory DIRECTORY = new FieldDirectory(List.of(
            field("name", SourceObject.ACCOUNT, FieldType.TEXT), field("domain", SourceObject.ACCOUNT, FieldType.URL),
            field("employees", SourceObject.ACCOUNT, FieldType.NUMBER),
            field("description", SourceObject.ACCOUNT, FieldType.TEXT),
            field("email", SourceObject.CONTACT, FieldType.EMAIL),
            field("last_name", SourceObject.CONTACT, FieldType.TEXT)));

    private static final String MINIMAL = """
            salesforce:
              environment: emulator
            accounts:
              mappings:
                - source: name
                  targets: [ { field: Name } ]
                - source: domain
                  targets: [ { field: Website } ]
            """;

    private final JobDefinitionParser parser = new JobDefinitionParser(DIRECTORY);

    @Test
    void readsAMinimalDefinitionWithDefaults() {
        JobDefinition job = parse("acme-salesforce.yml", MINIMAL);

        assertThat(job.name()).isEqualTo("acme-salesforce");
        assertThat(job.salesforce().environment()).isEqualTo(SalesforceEnvironment.EMULATOR);
        assertThat(job.salesforce().apiVersion()).isEqualTo("62.0");
        assertThat(job.salesforce().credentialsEnvPrefix()).isEqualTo("GOODFIT_ACME_SALESFORCE_");
        assertThat(job.accountMode()).isEqualTo(AccountMode.CREATE_AND_UPDATE);
        assertThat(job.contactMode()).isEqualTo(ContactMode.DISABLED);
        assertThat(job.apply()).isEqualTo(ApplySettings.defaults());
        assertThat(job.schedule()).isNull();
    }

    @Test
    void defaultsNameAndWebsiteToUpdateIfEmptyAndEverythingElseToOverride() {
        JobDefinition job = parse("acme.yml", MINIMAL + """
                    - source: employees
                      targets: [ NumberOfEmployees, { field: Employees_GoodFit__c, strategy: update-if-empty } ]
                """);

        assertThat(job.accountMappings()).flatMap(FieldMapping::targets)
            .extracting(TargetField::field, TargetField::strategy)
            .containsExactly(org.assertj.core.api.Assertions.tuple("Name", UpdateStrategy.UPDATE_IF_EMPTY),
                    org.assertj.core.api.Assertions.tuple("Website", UpdateStrategy.UPDATE_IF_EMPTY),
                    org.assertj.core.api.Assertions.tuple("NumberOfEmployees", UpdateStrategy.OVERRIDE),
                    org.assertj.core.api.Assertions.tuple("Employees_GoodFit__c", UpdateStrategy.UPDATE_IF_EMPTY));
    }

    @Test
    void keepsTargetOptionsAndLines() {
        JobDefinition job = parse("acme.yml", MINIMAL + """
                    - source: description
                      targets: [ { field: Description, clear-when-empty: true, truncate: true } ]
                """);

        TargetField description = job.accountMappings().get(2).targets().get(0);
        assertThat(description.clearWhenEmpty()).isTrue();
        assertThat(description.truncate()).isTrue();
        assertThat(description.line()).isEqualTo(10);
    }

    @Test
    void reportsAnUnknownStrategyWithFileLineAndChoices() {
        assertProblems("acme.yml", MINIMAL.replace("{ field: Website }", "{ field: Website, strategy: overide }"),
                "acme.yml:8: unknown strategy 'overide' for 'accounts.mappings[].targets[].strategy' "
                        + "(expected override, update-if-empty)");
    }

    @Test
    void reportsAnUnknownSourceFieldListingTheKnownOnes() {
        assertProblems("acme.yml", MINIMAL + """
                    - source: employes
                      targets: [ NumberOfEmployees ]
                """, "acme.yml:9: unknown source field 'employes' for Account (known: name, domain, employees, "
                + "description)");
    }

    @Test
    void reportsASalesforceFieldMappedTwiceWithBothLines() {
        assertProblems("acme.yml", MINIMAL + """
                    - source: description
                      targets: [ { field: website } ]
                """, "acme.yml:10: Account field 'website' is mapped twice (lines 8 and 10)");
    }

    @Test
    void reportsASourceMappedTwice() {
        assertProblems("acme.yml", MINIMAL + """
                    - source: name
                      targets: [ Description ]
                """, "acme.yml:9: source field 'name' is mapped twice (lines 5 and 9): list all its targets "
                + "under one mapping");
    }

    @Test
    void reportsABadCron() {
        assertProblems("acme.yml", "schedule: \"0 0 25 * * *\"\n" + MINIMAL,
                "acme.yml:1: bad cron '0 0 25 * * *'");
    }

    @Test
    void reportsABadMode() {
        assertProblems("acme.yml", MINIMAL + "modes: { accounts: create-only }\n",
                "acme.yml:9: unknown accounts 'create-only' for 'modes.accounts' (expected create-and-update, "
                        + "update-only)");
    }

    @Test
    void refusesSecretsInTheFileAndNamesTheVariableToUse() {
        assertProblems("acme.yml", MINIMAL.replace("environment: emulator",
                "environment: emulator\n  client-secret: s3cr3t"),
                "acme.yml:3: 'salesforce.client-secret' does not belong in a job definition: secrets come from "
                        + "environment variables; remove it and set GOODFIT_ACME_CLIENT_SECRET");
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        assertThatThrownBy(() -> parse("acme.yml", MINIMAL.replace("environment: emulator",
                "environment: emulator\n  refresh-token: 5Aep86.very-secret")))
            .isInstanceOf(JobDefinitionException.class)
            .message()
            .doesNotContain("very-secret");
    }

    @Test
    void reportsUnknownKeysAndTypos() {
        assertProblems("acme.yml", MINIMAL.replace("targets: [ { field: Name } ]",
                "targets: [ { field: Name, stratgy: override } ]"),
                "acme.yml:6: unknown key 'stratgy' in 'accounts.mappings[].targets[]' (expected clear-when-empty, "
                        + "field, strategy, truncate)");
    }

    @Test
    void reportsInvalidFieldNamesAndTheReservedExternalId() {
        assertProblems("acme.yml", MINIMAL + """
                    - source: employees
                      targets: [ "Number Of Employees", GoodFit_ID__c ]
                """, "acme.yml:10: 'Number Of Employees' is not a Salesforce field API name",
                "acme.yml:10: 'GoodFit_ID__c' is set by the connector itself");
    }

    @Test
    void requiresTheMatchKeysAndTheFieldsSalesforceNeedsToCreate() {
        assertProblems("acme.yml", """
                salesforce: { environment: emulator }
                modes: { contacts: create-and-update }
                accounts:
                  mappings:
                    - source: employees
                      targets: [ NumberOfEmployees ]
                contacts:
                  mappings:
                    - source: last_name
                      targets: [ LastName ]
                """, "acme.yml:4: accounts must map source 'domain'",
                "acme.yml:4: creating Accounts needs a mapping to Name",
                "acme.yml:8: contacts must map source 'email'");
    }

    @Test
    void requiresALoginUrlForMyDomainAndAUsernameForJwt() {
        assertProblems("acme.yml", MINIMAL.replace("environment: emulator",
                "environment: my-domain\n  auth: jwt-bearer"),
                "acme.yml:2: environment my-domain needs 'salesforce.login-url'",
                "acme.yml:2: 'salesforce.username' is required for auth jwt-bearer");
    }

    @Test
    void refusesAPlainHttpLoginUrl() {
        assertProblems("acme.yml", MINIMAL.replace("environment: emulator",
                "environment: my-domain\n  login-url: http://acme.my.salesforce.com"),
                "acme.yml:3: login url 'http://acme.my.salesforce.com' must be an https URL");
    }

    @Test
    void reportsOutOfRangeApplySettings() {
        assertProblems("acme.yml", MINIMAL + "apply: { in-flight: 40, api: rest }\n",
                "acme.yml:9: 'apply.in-flight' must be a whole number from 1 to 16, not '40'",
                "acme.yml:9: unknown api 'rest' for 'apply.api' (expected auto, bulk, collections)");
    }

    @Test
    void reportsInvalidYamlWithItsLine() {
        assertProblems("acme.yml", "salesforce:\n  environment: [emulator\naccounts: {}\n",
                "acme.yml:3: not valid YAML");
    }

    @Test
    void requiresAKebabCaseFileNameMatchingTheDeclaredName() {
        assertProblems("Acme_Sync.yml", "name: acme-sync\n" + MINIMAL,
                "Acme_Sync.yml:1: the file name 'Acme_Sync.yml' must be the job's name in kebab-case",
                "Acme_Sync.yml:1: name 'acme-sync' must match the file name 'Acme_Sync'");
    }

    @Test
    void reportsAMissingFileByName() {
        assertThatThrownBy(() -> this.parser.parse(Path.of("jobs/nope.yml")))
            .hasMessage("jobs/nope.yml: no such job definition file");
    }

    private JobDefinition parse(String file, String yaml) {
        return this.parser.parse(file, new StringReader(yaml));
    }

    private void assertProblems(String file, String yaml, String... expectedStarts) {
        assertThatThrownBy(() -> parse(file, yaml)).isInstanceOfSatisfying(JobDefinitionException.class,
                ex -> {
                    for (String expected : expectedStarts) {
                        assertThat(ex.problems()).anySatisfy(problem -> assertThat(problem).startsWith(expected));
                    }
                    assertThat(ex.problems()).hasSize(expectedStarts.length);
                });
    }

    private static FieldDefinition field(String key, SourceObject object, FieldType type) {
        return new FieldDefinition(key, object, key, type, null, null, null, List.of(), false);
    }

}

package com.goodfit.sync.mapping;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.salesforce.FieldDescribe;
import com.goodfit.sync.salesforce.SObjectDescribe;
import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingValidatorTests {

    private static final FieldDirectory DIRECTORY = new FieldDirectory(List.of(
            new FieldDefinition("name", SourceObject.ACCOUNT, "Name", FieldType.TEXT, 255, null, null, List.of(), false),
            new FieldDefinition("domain", SourceObject.ACCOUNT, "Website", FieldType.URL, 255, null, null, List.of(),
                    false),
            new FieldDefinition("employees", SourceObject.ACCOUNT, "Employees", FieldType.NUMBER, null, 8, 0,
                    List.of(), false),
            new FieldDefinition("founded_on", SourceObject.ACCOUNT, "Founded", FieldType.DATE, null, null, null,
                    List.of(), true)));

    private static final String JOB = """
            salesforce: { environment: emulator }
            accounts:
              mappings:
                - source: name
                  targets: [ Name ]
                - source: domain
                  targets: [ website ]
                - source: employees
                  targets: [ NumberOfEmployees ]
            """;

    private final MappingValidator validator = new MappingValidator(DIRECTORY);

    @Test
    void acceptsValidMappingsAndReturnsTheOrgsSpelling() {
        var fields = this.validator.validate(job(JOB), SourceObject.ACCOUNT, account(true));

        assertThat(fields.get("website").name()).isEqualTo("Website");
        assertThat(fields).containsKeys("Name", "NumberOfEmployees", "GoodFit_ID__c");
    }

    @Test
    void stopsWhenTheExternalIdFieldIsMissingAndSaysHowToCreateIt() {
        assertThatThrownBy(() -> this.validator.validate(job(JOB), SourceObject.ACCOUNT, account(false)))
            .isInstanceOfSatisfying(JobDefinitionException.class, ex -> assertThat(ex.problems()).singleElement()
                .asString()
                .contains("Account.GoodFit_ID__c is missing", "External ID, Unique", "provision-fields acme"));
    }

    @Test
    void reportsUnknownReadOnlyAndMistypedTargetsWithTheirLines() {
        String yaml = JOB + """
                    - source: founded_on
                      targets: [ Founded_GoodFit__c, CreatedDate, NumberOfEmployees__x ]
                """;

        assertThatThrownBy(() -> this.validator.validate(job(yaml.replace("NumberOfEmployees__x", "Website2")),
                SourceObject.ACCOUNT, account(true)))
            .isInstanceOfSatisfying(JobDefinitionException.class, ex -> assertThat(ex.problems()).containsExactly(
                    "acme.yml:11: unknown Account field 'Founded_GoodFit__c': the org has no such field, or the "
                            + "integration user cannot see it (check the name and field-level security; "
                            + "'provision-fields' creates missing GoodFit fields)",
                    "acme.yml:11: Account field 'CreatedDate' is read-only for the integration user (not "
                            + "updateable or createable)",
                    "acme.yml:11: Account field 'Website2' is of type url, which cannot hold source field "
                            + "'founded_on' of type date (expected date, datetime or text)"));
    }

    private static JobDefinition job(String yaml) {
        return new JobDefinitionParser(DIRECTORY).parse("acme.yml", new StringReader(yaml));
    }

    private static SObjectDescribe account(boolean withExternalId) {
        List<FieldDescribe> fields = new ArrayList<>(List.of(field("Name", "string", true, true),
                field("Website", "url", true, true), field("Website2", "url", true, true),
                field("NumberOfEmployees", "int", true, true), field("CreatedDate", "datetime", false, false)));
        if (withExternalId) {
            fields.add(new FieldDescribe("GoodFit_ID__c", "GoodFit ID", "string", 255, 0, 0, 0, true, true, true,
                    false, true, true, null, List.of(), List.of(), false));
        }
        return new SObjectDescribe("Account", "Account", false, true, true, true, "001", fields);
    }

    private static FieldDescribe field(String name, String type, boolean createable, boolean updateable) {
        return new FieldDescribe(name, name, type, 255, 0, 0, 0, true, createable, updateable, false, false, false,
                null, List.of(), List.of(), false);
    }

}

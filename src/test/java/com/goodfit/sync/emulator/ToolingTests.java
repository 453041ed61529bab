package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolingTests {

    private static final String CUSTOM_FIELD = ApiCalls.V + "/tooling/sobjects/CustomField";

    private SalesforceEmulator emulator;

    private ApiCalls api;

    @BeforeEach
    void start() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withoutGoodFitIdField());
        this.api = new ApiCalls(this.emulator);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void startsWithoutTheGoodFitIdFieldWhenAsked() {
        assertThat(this.emulator.org().hasField("Account", "GoodFit_ID__c")).isFalse();
        assertThat(this.emulator.org().hasField("Contact", "GoodFit_ID__c")).isFalse();
    }

    @Test
    void createdFieldAppearsInDescribeAndIsUsable() {
        ApiCalls.Response created = this.api.post(CUSTOM_FIELD, Map.of("FullName", "Account.GoodFit_ID__c", "Metadata",
                Map.of("label", "GoodFit ID", "type", "Text", "length", 255, "externalId", true, "unique", true)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("success", true).containsEntry("errors", List.of());
        assertThat((String) created.map().get("id")).startsWith("00N");
        Map<String, Object> describe = this.api.get(ApiCalls.V + "/sobjects/Account/describe").map();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) describe.get("fields");
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "GoodFit_ID__c")
            .containsEntry("label", "GoodFit ID")
            .containsEntry("type", "string")
            .containsEntry("length", 255)
            .containsEntry("externalId", true)
            .containsEntry("unique", true)
            .containsEntry("custom", true));
        ApiCalls.Response upsert = this.api.patch(ApiCalls.V + "/composite/sobjects/Account/GoodFit_ID__c",
                Map.of("allOrNone", false, "records", List.of(Map.of("attributes", Map.of("type", "Account"),
                        "GoodFit_ID__c", "pg-1", "Name", "Acme"))));
        assertThat(upsert.list().get(0)).containsEntry("created", true);
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT GoodFit_ID__c FROM Account")).status())
            .isEqualTo(200);
    }

    @Test
    void duplicateFieldIsRejected() {
        Map<String, Object> request = Map.of("FullName", "Contact.Employee_Band__c", "Metadata",
                Map.of("label", "Employee Band", "type", "Text", "length", 80));
        assertThat(this.api.post(CUSTOM_FIELD, request).status()).isEqualTo(201);
        ApiCalls.Response duplicate = this.api.post(CUSTOM_FIELD, request);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.list()).containsExactly(Map.of("message",
                "There is already a field named Employee_Band on Contact.", "errorCode", "DUPLICATE_DEVELOPER_NAME",
                "fields", List.of()));
    }

    @Test
    void rejectsInvalidNames() {
        ApiCalls.Response response = this.api.post(CUSTOM_FIELD, Map.of("FullName", "Account.Bad__Name__c",
                "Metadata", Map.of("label", "Bad", "type", "Text", "length", 10)));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void toolingQueryFindsCustomFields() {
        this.api.post(CUSTOM_FIELD, Map.of("FullName", "Account.Employee_Band__c", "Metadata",
                Map.of("label", "Employee Band", "type", "Number", "precision", 18, "scale", 0)));
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/tooling/query?q=" + ApiCalls.q(
                "SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = 'Account' AND DeveloperName = 'Employee_Band'"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.map()).containsEntry("totalSize", 1).containsEntry("done", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> record = ((List<Map<String, Object>>) response.map().get("records")).get(0);
        assertThat(record).containsEntry("DeveloperName", "Employee_Band");
        assertThat(this.emulator.calls().get("tooling")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void enforcedFieldPermissionsHideNewFieldsUntilGranted() {
        this.emulator.control().enforceFieldPermissions(true);
        this.api.post(CUSTOM_FIELD, Map.of("FullName", "Account.Employee_Band__c", "Metadata",
                Map.of("label", "Employee Band", "type", "Text", "length", 80)));
        assertThat(describedFields()).doesNotContain("Employee_Band__c");
        String query = ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Employee_Band__c FROM Account");
        assertThat(this.api.get(query).list().get(0)).containsEntry("errorCode", "INVALID_FIELD");
        ApiCalls.Response write = this.api.post(ApiCalls.V + "/composite/sobjects", Map.of("records",
                List.of(Map.of("attributes", Map.of("type", "Account"), "Name", "A", "Employee_Band__c", "1-10"))));
        assertThat(write.status()).isEqualTo(400);
        assertThat(write.list().get(0)).containsEntry("errorCode", "INVALID_FIELD");
        String set = (String) this.api.post(ApiCalls.V + "/sobjects/PermissionSet",
                Map.of("Name", "GoodFit_Sync", "Label", "GoodFit Sync")).map().get("id");
        String permission = (String) this.api.post(ApiCalls.V + "/sobjects/FieldPermissions", Map.of("ParentId", set,
                "SobjectType", "Account", "Field", "Account.Employee_Band__c", "PermissionsRead", true)).map().get("id");
        assertThat(describedFields()).doesNotContain("Employee_Band__c");
        this.api.post(ApiCalls.V + "/sobjects/PermissionSetAssignment",
                Map.of("AssigneeId", this.emulator.org().userId(), "PermissionSetId", set));
        assertThat(describedFields()).contains("Employee_Band__c");
        assertThat(this.api.get(query).status()).isEqualTo(200);
        List<Map<String, Object>> readOnly = this.api.post(ApiCalls.V + "/composite/sobjects", Map.of("records",
                List.of(Map.of("attributes", Map.of("type", "Account"), "Name", "A", "Employee_Band__c", "1-10"))))
            .list();
        assertThat(((List<Map<String, Object>>) readOnly.get(0).get("errors")).get(0)).containsEntry("statusCode",
                "INVALID_FIELD_FOR_INSERT_UPDATE");
        this.api.patch(ApiCalls.V + "/sobjects/FieldPermissions/" + permission, Map.of("PermissionsEdit", true));
        List<Map<String, Object>> granted = this.api.post(ApiCalls.V + "/composite/sobjects", Map.of("records",
                List.of(Map.of("attributes", Map.of("type", "Account"), "Name", "A", "Employee_Band__c", "1-10"))))
            .list();
        assertThat(granted.get(0)).containsEntry("success", true);
    }

    @SuppressWarnings("unchecked")
    private List<Object> describedFields() {
        List<Map<String, Object>> fields = (List<Map<String, Object>>) this.api
            .get(ApiCalls.V + "/sobjects/Account/describe")
            .map()
            .get("fields");
        return fields.stream().map(f -> f.get("name")).toList();
    }

    @Test
    void createsPermissionSetsAndFieldPermissionsThroughSObjects() {
        ApiCalls.Response set = this.api.post(ApiCalls.V + "/sobjects/PermissionSet",
                Map.of("Name", "GoodFit_Sync", "Label", "GoodFit Sync"));
        assertThat(set.status()).isEqualTo(201);
        ApiCalls.Response permission = this.api.post(ApiCalls.V + "/sobjects/FieldPermissions",
                Map.of("ParentId", set.map().get("id"), "SobjectType", "Account", "Field", "Account.Employee_Band__c",
                        "PermissionsRead", true, "PermissionsEdit", true));
        assertThat(permission.status()).as(permission.body()).isEqualTo(201);
        ApiCalls.Response assignment = this.api.post(ApiCalls.V + "/sobjects/PermissionSetAssignment",
                Map.of("AssigneeId", this.emulator.org().userId(), "PermissionSetId", set.map().get("id")));
        assertThat(assignment.status()).as(assignment.body()).isEqualTo(201);
    }

    @Test
    void permissionsAndAssignmentsAreUniquePerPair() {
        String set = (String) this.api.post(ApiCalls.V + "/sobjects/PermissionSet",
                Map.of("Name", "GoodFit_Sync", "Label", "GoodFit Sync")).map().get("id");
        Map<String, Object> permission = Map.of("ParentId", set, "SobjectType", "Account", "Field",
                "Account.Employee_Band__c", "PermissionsRead", true);
        assertThat(this.api.post(ApiCalls.V + "/sobjects/FieldPermissions", permission).status()).isEqualTo(201);
        Map<String, Object> assignment = Map.of("AssigneeId", this.emulator.org().userId(), "PermissionSetId", set);
        assertThat(this.api.post(ApiCalls.V + "/sobjects/PermissionSetAssignment", assignment).status())
            .isEqualTo(201);

        ApiCalls.Response twice = this.api.post(ApiCalls.V + "/sobjects/FieldPermissions", permission);
        ApiCalls.Response assignedTwice = this.api.post(ApiCalls.V + "/sobjects/PermissionSetAssignment", assignment);

        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.list().get(0)).containsEntry("errorCode", "DUPLICATE_VALUE");
        assertThat(assignedTwice.status()).isEqualTo(400);
        assertThat((String) assignedTwice.list().get(0).get("message"))
            .startsWith("duplicate value found: <unknown> duplicates value on record with id: 0Pa");
    }

}

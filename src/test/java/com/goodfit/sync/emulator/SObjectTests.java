package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SObjectTests extends EmulatorApiTestSupport {

    private static final String ACCOUNTS = ApiCalls.V + "/sobjects/Account";

    @Test
    void createsReadsUpdatesAndDeletes() {
        ApiCalls.Response created = this.api.post(ACCOUNTS, Map.of("Name", "Acme", "Website", "acme.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map().keySet()).containsExactly("id", "success", "errors");
        String id = (String) created.map().get("id");
        Map<String, Object> read = this.api.get(ACCOUNTS + "/" + id).map();
        assertThat(read).containsEntry("Name", "Acme").containsEntry("Id", id).containsKey("attributes");
        assertThat(this.api.get(ACCOUNTS + "/" + id + "?fields=Name").map().keySet()).containsExactly("attributes",
                "Name");
        assertThat(this.api.patch(ACCOUNTS + "/" + id, Map.of("Website", "acme.io")).status()).isEqualTo(204);
        assertThat(this.emulator.org().get("Account", id).orElseThrow()).containsEntry("Website", "acme.io");
        assertThat(this.api.delete(ACCOUNTS + "/" + id).status()).isEqualTo(204);
        assertThat(this.api.get(ACCOUNTS + "/" + id).status()).isEqualTo(404);
        ApiCalls.Response patchDeleted = this.api.patch(ACCOUNTS + "/" + id, Map.of("Name", "x"));
        assertThat(patchDeleted.status()).isEqualTo(400);
        assertThat(patchDeleted.list().get(0)).containsEntry("errorCode", "ENTITY_IS_DELETED");
        assertThat(this.emulator.calls().get("sobject")).isEqualTo(7);
    }

    @Test
    void reportsDmlErrorsAsTopLevelArrays() {
        ApiCalls.Response response = this.api.post(ACCOUNTS, Map.of("Website", "x.com"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list()).containsExactly(Map.of("message", "Required fields are missing: [Name]",
                "errorCode", "REQUIRED_FIELD_MISSING", "fields", List.of("Name")));
        ApiCalls.Response unknown = this.api.post(ACCOUNTS, Map.of("Name", "x", "Nope__c", "y"));
        assertThat(unknown.list().get(0)).containsEntry("errorCode", "INVALID_FIELD");
        assertThat(this.api.get(ACCOUNTS + "/001000000000000AAA").status()).isEqualTo(404);
        assertThat(this.api.get(ApiCalls.V + "/sobjects/Nope__c/001000000000000AAA").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void duplicateRuleBodyCarriesTheMatches() {
        String existing = this.emulator.org().insert("Account", Map.of("Name", "Acme"));
        this.emulator.control().accountDuplicateRule(true);
        ApiCalls.Response response = this.api.post(ACCOUNTS, Map.of("Name", "ACME"));
        assertThat(response.status()).isEqualTo(400);
        Map<String, Object> error = response.list().get(0);
        assertThat(error).containsEntry("errorCode", "DUPLICATES_DETECTED")
            .containsEntry("message", "Use one of these records?");
        Map<String, Object> duplicateResult = (Map<String, Object>) error.get("duplicateResult");
        assertThat(duplicateResult).containsEntry("allowSave", false).containsEntry("duplicateRuleEntityType",
                "Account");
        Map<String, Object> match = ((List<Map<String, Object>>) duplicateResult.get("matchResults")).get(0);
        Map<String, Object> matchRecord = ((List<Map<String, Object>>) match.get("matchRecords")).get(0);
        assertThat((Map<String, Object>) matchRecord.get("record")).containsEntry("Id", existing);
    }

    @Test
    void upsertsByExternalId() {
        ApiCalls.Response created = this.api.patch(ACCOUNTS + "/GoodFit_ID__c/pg-7", Map.of("Name", "Seven"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("created", true);
        ApiCalls.Response updated = this.api.patch(ACCOUNTS + "/GoodFit_ID__c/PG-7", Map.of("Name", "Seven!"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("created", false).containsEntry("id", created.map().get("id"));
        assertThat(this.api.get(ACCOUNTS + "/GoodFit_ID__c/pg-7").map()).containsEntry("Name", "Seven!");
        assertThat(this.api.patch(ACCOUNTS + "/Nope__c/x", Map.of("Name", "x")).status()).isEqualTo(404);
    }

    @Test
    void upsertMatchingSeveralIsMultipleChoices() {
        this.emulator.org().addCustomField("Account", CustomFieldSpec.nonUniqueExternalId("Legacy_Key__c"));
        this.emulator.org().insert("Account", Map.of("Name", "A", "Legacy_Key__c", "k"));
        this.emulator.org().insert("Account", Map.of("Name", "B", "Legacy_Key__c", "k"));
        ApiCalls.Response response = this.api.patch(ACCOUNTS + "/Legacy_Key__c/k", Map.of("Name", "C"));
        assertThat(response.status()).isEqualTo(300);
        assertThat((List<?>) response.json()).hasSize(2)
            .allSatisfy(url -> assertThat((String) url).startsWith("/services/data/v60.0/sobjects/Account/001"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesGloballyAndPerObject() {
        Map<String, Object> global = this.api.get(ApiCalls.V + "/sobjects").map();
        assertThat((List<?>) global.get("sobjects")).isNotEmpty();
        Map<String, Object> contact = this.api.get(ApiCalls.V + "/sobjects/Contact/describe").map();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) contact.get("fields");
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "AccountId")
            .containsEntry("type", "reference")
            .containsEntry("referenceTo", List.of("Account"))
            .containsEntry("relationshipName", "Account"));
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "Birthdate").containsEntry("type", "date")
            .containsEntry("soapType", "xsd:date"));
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "Email").containsEntry("type", "email")
            .containsEntry("length", 80));
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "SystemModstamp")
            .containsEntry("type", "datetime")
            .containsEntry("createable", false)
            .containsEntry("updateable", false));
        Map<String, Object> account = this.api.get(ACCOUNTS + "/describe").map();
        assertThat((List<Map<String, Object>>) account.get("childRelationships")).anySatisfy(
                child -> assertThat(child).containsEntry("childSObject", "Contact")
                    .containsEntry("field", "AccountId")
                    .containsEntry("relationshipName", "Contacts"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> accountFields = (List<Map<String, Object>>) account.get("fields");
        assertThat(accountFields).anySatisfy(f -> assertThat(f).containsEntry("name", "Industry")
            .containsEntry("type", "picklist")
            .containsEntry("restrictedPicklist", false)
            .satisfies(x -> assertThat((List<?>) x.get("picklistValues")).isNotEmpty()));
        assertThat(accountFields).anySatisfy(f -> assertThat(f).containsEntry("name", "NumberOfEmployees")
            .containsEntry("type", "int")
            .containsEntry("digits", 8));
        assertThat(accountFields).anySatisfy(f -> assertThat(f).containsEntry("name", "AnnualRevenue")
            .containsEntry("type", "currency")
            .containsEntry("precision", 18));
    }

}

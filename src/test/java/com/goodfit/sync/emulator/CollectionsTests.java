package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionsTests extends EmulatorApiTestSupport {

    private static final String COLLECTIONS = ApiCalls.V + "/composite/sobjects";

    static Map<String, Object> account(Object... keyValues) {
        return record("Account", keyValues);
    }

    static Map<String, Object> record(String type, Object... keyValues) {
        Map<String, Object> record = new HashMap<>();
        record.put("attributes", Map.of("type", type));
        for (int i = 0; i < keyValues.length; i += 2) {
            record.put((String) keyValues[i], keyValues[i + 1]);
        }
        return record;
    }

    static Map<String, Object> body(boolean allOrNone, List<Map<String, Object>> records) {
        return Map.of("allOrNone", allOrNone, "records", records);
    }

    private List<Map<String, Object>> create(Map<String, Object>... records) {
        ApiCalls.Response response = this.api.post(COLLECTIONS, body(false, List.of(records)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("errors")).get(0);
    }

    @Test
    void createsInRequestOrderWithStampedDates() {
        List<Map<String, Object>> results = create(account("Name", "A"), record("Contact", "LastName", "Doe"),
                account("Name", "B"));
        assertThat(results).extracting(r -> ((String) r.get("id")).substring(0, 3)).containsExactly("001", "003",
                "001");
        assertThat(results).allSatisfy(r -> assertThat(r.keySet()).containsExactly("id", "success", "errors"));
        Map<String, Object> stored = this.emulator.org().get("Account",
                (String) results.get(0).get("id")).orElseThrow();
        assertThat(stored).containsEntry("Name", "A").containsEntry("IsDeleted", false);
        assertThat(stored.get("CreatedDate")).isNotNull().isEqualTo(stored.get("SystemModstamp"));
        assertThat(stored.get("OwnerId")).isEqualTo(this.emulator.org().userId());
        assertThat(this.emulator.calls().get("collections")).isEqualTo(1);
    }

    @Test
    void updatesByIdAndKeepsCreatedDate() throws InterruptedException {
        String id = this.emulator.org().insert("Account", Map.of("Name", "Old", "Website", "old.com"));
        Map<String, Object> before = this.emulator.org().get("Account", id).orElseThrow();
        Thread.sleep(5);
        ApiCalls.Response response = this.api.patch(COLLECTIONS, body(false, List.of(account("id", id, "Name", "New"),
                account("id", "001000000000000AAA", "Name", "Ghost"), account("Name", "No id"))));
        List<Map<String, Object>> results = response.list();
        assertThat(results.get(0)).containsEntry("success", true).containsEntry("id", id);
        assertThat(firstError(results.get(1))).containsEntry("statusCode", "INVALID_CROSS_REFERENCE_KEY");
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "MISSING_ARGUMENT");
        Map<String, Object> after = this.emulator.org().get("Account", id).orElseThrow();
        assertThat(after).containsEntry("Name", "New").containsEntry("Website", "old.com");
        assertThat(after.get("CreatedDate")).isEqualTo(before.get("CreatedDate"));
        assertThat(after.get("SystemModstamp")).isNotEqualTo(before.get("SystemModstamp"));
    }

    @Test
    void upsertsByExternalIdReportingCreated() {
        String existing = this.emulator.org().insert("Account", Map.of("Name", "Acme", "GoodFit_ID__c", "pg-1"));
        ApiCalls.Response response = this.api.patch(COLLECTIONS + "/Account/GoodFit_ID__c",
                body(false, List.of(account("GoodFit_ID__c", "PG-1", "Website", "acme.com"),
                        account("GoodFit_ID__c", "pg-2", "Name", "Globex"))));
        List<Map<String, Object>> results = response.list();
        assertThat(results.get(0)).isEqualTo(Map.of("id", existing, "success", true, "errors", List.of(), "created",
                false));
        assertThat(results.get(1)).containsEntry("created", true).containsEntry("success", true);
        assertThat(this.emulator.org().get("Account", existing).orElseThrow()).containsEntry("Website", "acme.com");
        assertThat(this.emulator.org().count("Account")).isEqualTo(2);
    }

    @Test
    void upsertMatchingSeveralRecordsIsDuplicateExternalId() {
        this.emulator.org().addCustomField("Account", CustomFieldSpec.nonUniqueExternalId("Legacy_Key__c"));
        this.emulator.org().insert("Account", Map.of("Name", "A", "Legacy_Key__c", "k"));
        this.emulator.org().insert("Account", Map.of("Name", "B", "Legacy_Key__c", "K"));
        List<Map<String, Object>> results = this.api.patch(COLLECTIONS + "/Account/Legacy_Key__c",
                body(false, List.of(account("Legacy_Key__c", "k", "Name", "C")))).list();
        assertThat(firstError(results.get(0))).containsEntry("statusCode", "DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void upsertOnANonExternalIdFieldIsRejected() {
        ApiCalls.Response response = this.api.patch(COLLECTIONS + "/Account/Name",
                body(false, List.of(account("Name", "x"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list().get(0)).containsEntry("errorCode", "INVALID_FIELD");
    }

    @Test
    void allOrNoneRollsBackEverything() {
        ApiCalls.Response response = this.api.post(COLLECTIONS, body(true, List.of(account("Name", "Good"),
                account("Website", "no-name.com"), account("Name", "Also good"))));
        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> results = response.list();
        assertThat(firstError(results.get(0))).isEqualTo(Map.of("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                "message", "Record rolled back because not all records were valid and the request was using AllOrNone header",
                "fields", List.of()));
        assertThat(results.get(0)).containsEntry("id", null).containsEntry("success", false);
        assertThat(firstError(results.get(1))).containsEntry("statusCode", "REQUIRED_FIELD_MISSING");
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    void allOrNoneRollsBackUpdatesToo() {
        String id = this.emulator.org().insert("Account", Map.of("Name", "Keep"));
        this.api.patch(COLLECTIONS, body(true, List.of(account("id", id, "Name", "Changed"),
                account("id", id, "Name", "x".repeat(300)))));
        assertThat(this.emulator.org().get("Account", id).orElseThrow()).containsEntry("Name", "Keep");
    }

    @Test
    void rejectsMoreThan200Records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(account("Name", "A" + i));
        }
        ApiCalls.Response response = this.api.post(COLLECTIONS, body(false, records));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.list().get(0)).containsEntry("errorCode", "EXCEEDED_ID_LIMIT");
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    void rejectsMalformedBodies() {
        ApiCalls.Response noType = this.api.post(COLLECTIONS, Map.of("records", List.of(Map.of("Name", "x"))));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.list().get(0)).containsKeys("message", "errorCode", "fields");
        ApiCalls.Response unknown = this.api.post(COLLECTIONS, body(false, List.of(account("Name", "x", "Foo__c", 1))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.list().get(0)).containsEntry("errorCode", "INVALID_FIELD")
            .containsEntry("message", "No such column 'Foo__c' on sobject of type Account");
        ApiCalls.Response badJson = this.api.send("POST", COLLECTIONS, "{not json", "application/json", Map.of());
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.list().get(0)).containsEntry("errorCode", "JSON_PARSER_ERROR");
        ApiCalls.Response badNumber = this.api.post(COLLECTIONS,
                body(false, List.of(account("Name", "x", "NumberOfEmployees", "lots"))));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.list().get(0)).containsEntry("errorCode", "JSON_PARSER_ERROR");
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    void idOnCreateIsARecordError() {
        List<Map<String, Object>> results = create(account("Id", "001000000000000AAA", "Name", "x"));
        assertThat(firstError(results.get(0))).containsEntry("statusCode", "INVALID_FIELD");
    }

    @Test
    void enforcesFieldRules() {
        List<Map<String, Object>> results = create(account("Name", "x".repeat(256)),
                account("Name", "ok", "BillingCity", "c".repeat(41)), account("Name", "ok", "CreatedDate",
                        "2020-01-01T00:00:00.000+0000"),
                record("Contact", "FirstName", "No last name"));
        assertThat(firstError(results.get(0))).isEqualTo(Map.of("statusCode", "STRING_TOO_LONG", "message",
                "Name: data value too large: " + "x".repeat(256) + " (max length=255)", "fields", List.of("Name")));
        assertThat(firstError(results.get(1))).containsEntry("statusCode", "STRING_TOO_LONG")
            .containsEntry("fields", List.of("BillingCity"));
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "INVALID_FIELD_FOR_INSERT_UPDATE")
            .containsEntry("fields", List.of("CreatedDate"));
        assertThat(firstError(results.get(3))).isEqualTo(Map.of("statusCode", "REQUIRED_FIELD_MISSING", "message",
                "Required fields are missing: [LastName]", "fields", List.of("LastName")));
    }

    @Test
    void rejectsInvalidEmailAddresses() {
        List<Map<String, Object>> results = create(record("Contact", "LastName", "A", "Email", "jo@acme.com"),
                record("Contact", "LastName", "B", "Email", "not an email"),
                record("Contact", "LastName", "C", "Email", "jo@localhost"));
        assertThat(results.get(0)).containsEntry("success", true);
        assertThat(firstError(results.get(1))).isEqualTo(Map.of("statusCode", "INVALID_EMAIL_ADDRESS", "message",
                "Email: invalid email address: not an email", "fields", List.of("Email")));
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "INVALID_EMAIL_ADDRESS");
    }

    @Test
    void enforcesRestrictedPicklists() {
        this.emulator.org().addCustomField("Account", CustomFieldSpec.restrictedPicklist("Tier__c", "Gold", "Silver"));
        List<Map<String, Object>> results = create(account("Name", "a", "Tier__c", "Gold"),
                account("Name", "b", "Tier__c", "Bronze"));
        assertThat(results.get(0)).containsEntry("success", true);
        assertThat(firstError(results.get(1))).isEqualTo(Map.of("statusCode", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "message", "Tier__c: bad value for restricted picklist field: Bronze", "fields", List.of("Tier__c")));
    }

    @Test
    void enforcesUniqueExternalIds() {
        String first = this.emulator.org().insert("Account", Map.of("Name", "A", "GoodFit_ID__c", "pg-1"));
        List<Map<String, Object>> results = create(account("Name", "B", "GoodFit_ID__c", "PG-1"),
                account("Name", "C", "GoodFit_ID__c", "pg-2"), account("Name", "D", "GoodFit_ID__c", "pg-2"));
        assertThat(firstError(results.get(0))).containsEntry("statusCode", "DUPLICATE_VALUE")
            .containsEntry("message", "duplicate value found: GoodFit_ID__c duplicates value on record with id: "
                    + first);
        assertThat(results.get(1)).containsEntry("success", true);
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "DUPLICATE_VALUE");
    }

    @Test
    void appliesSwitchableDuplicateAndValidationRules() {
        this.emulator.org().insert("Account", Map.of("Name", "Acme"));
        assertThat(create(account("Name", "ACME")).get(0)).containsEntry("success", true);
        this.emulator.control().accountDuplicateRule(true).validationRule(true);
        List<Map<String, Object>> results = create(account("Name", "acme"), account("Name", "Neg",
                "NumberOfEmployees", -1), account("Name", "Fine", "NumberOfEmployees", 3));
        assertThat(firstError(results.get(0))).containsEntry("statusCode", "DUPLICATES_DETECTED")
            .containsEntry("message", "Use one of these records?");
        assertThat(firstError(results.get(1))).containsEntry("statusCode", "FIELD_CUSTOM_VALIDATION_EXCEPTION")
            .containsEntry("fields", List.of("NumberOfEmployees"));
        assertThat(results.get(2)).containsEntry("success", true);
        this.emulator.control().validationRule("Contact", "Email", c -> c.get("Email") == null, "Email is required");
        assertThat(firstError(create(record("Contact", "LastName", "X")).get(0)))
            .containsEntry("statusCode", "FIELD_CUSTOM_VALIDATION_EXCEPTION")
            .containsEntry("message", "Email is required");
    }

    @Test
    void checksReferencesAndDeletedRecords() {
        String account = this.emulator.org().insert("Account", Map.of("Name", "Parent"));
        String gone = this.emulator.org().insert("Account", Map.of("Name", "Gone"));
        this.emulator.org().delete("Account", gone);
        List<Map<String, Object>> results = create(record("Contact", "LastName", "A", "AccountId", account),
                record("Contact", "LastName", "B", "AccountId", "001000000000000AAA"),
                record("Contact", "LastName", "C", "AccountId", "not-an-id"),
                record("Contact", "LastName", "D", "AccountId", gone),
                record("Contact", "LastName", "E", "AccountId", account.substring(0, 15)));
        assertThat(results.get(0)).containsEntry("success", true);
        assertThat(firstError(results.get(1))).containsEntry("statusCode", "INVALID_CROSS_REFERENCE_KEY")
            .containsEntry("fields", List.of("AccountId"));
        assertThat(firstError(results.get(2))).containsEntry("statusCode", "MALFORMED_ID");
        assertThat(firstError(results.get(3))).containsEntry("statusCode", "ENTITY_IS_DELETED");
        String contact = (String) results.get(4).get("id");
        assertThat(this.emulator.org().get("Contact", contact).orElseThrow()).containsEntry("AccountId", account);
        List<Map<String, Object>> update = this.api.patch(COLLECTIONS, body(false, List.of(account("id", gone, "Name",
                "Back")))).list();
        assertThat(firstError(update.get(0))).containsEntry("statusCode", "ENTITY_IS_DELETED");
    }

    @Test
    void injectsRowLockFailures() {
        this.emulator.control().failNextRecords(1);
        List<Map<String, Object>> results = create(account("Name", "A"), account("Name", "B"));
        assertThat(firstError(results.get(0))).containsEntry("statusCode", "UNABLE_TO_LOCK_ROW");
        assertThat(results.get(1)).containsEntry("success", true);
        this.emulator.control().failNextCalls(1, FailureKind.UNABLE_TO_LOCK_ROW);
        this.api.get(ApiCalls.V + "/limits");
        assertThat(create(account("Name", "C"), account("Name", "D"))).allSatisfy(
                r -> assertThat(firstError(r)).containsEntry("statusCode", "UNABLE_TO_LOCK_ROW"));
        assertThat(create(account("Name", "E")).get(0)).containsEntry("success", true);
        this.emulator.control().failCalls(1.0, FailureKind.UNABLE_TO_LOCK_ROW);
        assertThat(firstError(create(account("Name", "F")).get(0))).containsEntry("statusCode", "UNABLE_TO_LOCK_ROW");
    }

    @Test
    void deletingAnAccountDeletesItsContactsAndRollsBackTogether() {
        String account = this.emulator.org().insert("Account", Map.of("Name", "Parent"));
        this.emulator.org().insert("Contact", Map.of("LastName", "Child", "AccountId", account));
        this.emulator.org().insert("Contact", Map.of("LastName", "Orphan"));
        this.api.delete(COLLECTIONS + "?allOrNone=true&ids=" + account + ",001000000000000AAA");
        assertThat(this.emulator.org().count("Contact")).isEqualTo(2);
        this.api.delete(COLLECTIONS + "?ids=" + account);
        assertThat(this.emulator.org().count("Account")).isZero();
        assertThat(this.emulator.org().all("Contact")).extracting(c -> c.get("LastName")).containsExactly("Orphan");
    }

    @Test
    void deletesAndRetrieves() {
        String a = this.emulator.org().insert("Account", Map.of("Name", "A", "Website", "a.com"));
        String b = this.emulator.org().insert("Account", Map.of("Name", "B"));
        List<Map<String, Object>> retrieved = this.api.get(COLLECTIONS + "/Account?ids=" + a + "," + b
                + "&fields=Name,Website").list();
        assertThat(retrieved.get(0)).containsEntry("Name", "A").containsEntry("Website", "a.com");
        List<Map<String, Object>> deleted = this.api.delete(COLLECTIONS + "?ids=" + a + ",001000000000000AAA").list();
        assertThat(deleted.get(0)).containsEntry("success", true);
        assertThat(firstError(deleted.get(1))).containsEntry("statusCode", "INVALID_CROSS_REFERENCE_KEY");
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
    }

}

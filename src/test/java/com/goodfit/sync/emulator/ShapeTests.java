package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares response shapes field by field with the examples in shared/salesforce-api.md.
 */
class ShapeTests {

    private SalesforceEmulator emulator;

    private ApiCalls api;

    @BeforeEach
    void start() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withSeedAccounts(3).withSeedContacts(3));
        this.api = new ApiCalls(this.emulator);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void tokenResponseMatchesSection1_6() {
        EmulatorCredentials c = this.emulator.credentials();
        Map<String, Object> token = this.api.form("/services/oauth2/token", "grant_type=password&client_id="
                + c.clientId() + "&client_secret=" + c.clientSecret() + "&username=" + ApiCalls.q(c.username())
                + "&password=" + c.password()).map();
        // Section 1.6 minus refresh_token, which only the code flow returns.
        assertThat(token.keySet()).containsExactlyInAnyOrder("access_token", "instance_url", "id", "token_type",
                "issued_at", "signature", "scope");
        assertThat(token.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
    }

    @Test
    void tokenErrorMatchesSection1_7() {
        Map<String, Object> error = this.api.form("/services/oauth2/token", "grant_type=password&client_id="
                + this.emulator.credentials().clientId() + "&client_secret="
                        + this.emulator.credentials().clientSecret()
                + "&username=x&password=y").map();
        assertThat(error.keySet()).containsExactly("error", "error_description");
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryResponseMatchesSection2_2() {
        Map<String, Object> page = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id, Name, Website FROM Account"))
            .map();
        assertThat(page.keySet()).containsExactly("totalSize", "done", "records");
        assertThat(page.get("totalSize")).isInstanceOf(Integer.class);
        assertThat(page.get("done")).isInstanceOf(Boolean.class);
        Map<String, Object> record = ((List<Map<String, Object>>) page.get("records")).get(0);
        assertThat(record.keySet()).containsExactly("attributes", "Id", "Name", "Website");
        assertThat(((Map<String, Object>) record.get("attributes")).keySet()).containsExactly("type", "url");
    }

    @Test
    @SuppressWarnings("unchecked")
    void collectionsResultsMatchSection3_2() {
        List<Map<String, Object>> results = this.api.patch(ApiCalls.V + "/composite/sobjects/Account/GoodFit_ID__c",
                Map.of("allOrNone", false, "records", List.of(
                        CollectionsTests.account("GoodFit_ID__c", "pg-42", "Name", "Acme", "Website", "acme.com"),
                        CollectionsTests.account("GoodFit_ID__c", "pg-43", "Name", "")))).list();
        assertThat(results.get(0).keySet()).containsExactly("id", "success", "errors", "created");
        assertThat(results.get(1).keySet()).containsExactly("id", "success", "errors", "created");
        Map<String, Object> error = ((List<Map<String, Object>>) results.get(1).get("errors")).get(0);
        assertThat(error.keySet()).containsExactly("statusCode", "message", "fields");
    }

    @Test
    void requestErrorsMatchSection8_2() {
        List<Map<String, Object>> errors = this.api.post(ApiCalls.V + "/composite/sobjects",
                Map.of("records", List.of(CollectionsTests.account("Bogus__c", 1)))).list();
        assertThat(errors.get(0).keySet()).containsExactly("message", "errorCode", "fields");
        List<Map<String, Object>> session = this.api.send("GET", ApiCalls.V + "/limits", null, null,
                Map.of("Authorization", "")).list();
        assertThat(session.get(0).keySet()).containsExactly("message", "errorCode");
    }

    @Test
    void bulkJobInfoMatchesSection5_1() {
        Map<String, Object> job = this.api.post(ApiCalls.V + "/jobs/ingest", Map.of("object", "Contact", "operation",
                "upsert", "externalIdFieldName", "GoodFit_ID__c", "contentType", "CSV", "lineEnding", "LF",
                "columnDelimiter", "COMMA")).map();
        assertThat(job.keySet()).containsExactlyInAnyOrder("id", "operation", "object", "createdById", "createdDate",
                "systemModstamp", "state", "externalIdFieldName", "concurrencyMode", "contentType", "apiVersion",
                "jobType", "contentUrl", "lineEnding", "columnDelimiter");
        assertThat(job.get("apiVersion")).isEqualTo(60.0);
        assertThat((String) job.get("contentUrl")).isEqualTo("services/data/v60.0/jobs/ingest/" + job.get("id")
                + "/batches");
        assertThat((String) job.get("createdDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        Map<String, Object> detail = this.api.get(ApiCalls.V + "/jobs/ingest/" + job.get("id")).map();
        assertThat(detail).containsKeys("numberRecordsProcessed", "numberRecordsFailed", "retries",
                "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime");
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeMatchesSection6() {
        Map<String, Object> describe = this.api.get(ApiCalls.V + "/sobjects/Account/describe").map();
        assertThat(describe).containsKeys("name", "label", "custom", "createable", "updateable", "deletable",
                "queryable", "keyPrefix", "fields", "childRelationships", "recordTypeInfos", "urls");
        Map<String, Object> website = ((List<Map<String, Object>>) describe.get("fields")).stream()
            .filter(f -> f.get("name").equals("Website"))
            .findFirst()
            .orElseThrow();
        assertThat(website.keySet()).containsAll(Set.of("name", "label", "type", "length", "byteLength", "precision",
                "scale", "digits", "nillable", "createable", "updateable", "defaultedOnCreate", "custom", "unique",
                "caseSensitive", "externalId", "idLookup", "calculated", "autoNumber", "restrictedPicklist",
                "picklistValues", "referenceTo", "relationshipName", "soapType"));
        assertThat(website).containsEntry("type", "url").containsEntry("length", 255).containsEntry("byteLength", 765)
            .containsEntry("soapType", "xsd:string").containsEntry("relationshipName", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void limitsMatchSection8_1() {
        Map<String, Object> limits = this.api.get(ApiCalls.V + "/limits").map();
        for (String key : List.of("DailyApiRequests", "DailyBulkApiBatches", "DailyBulkV2QueryJobs",
                "DailyBulkV2QueryFileStorageMB", "ConcurrentSyncReportRuns")) {
            assertThat(((Map<String, Object>) limits.get(key))).containsKeys("Max", "Remaining");
        }
    }

}

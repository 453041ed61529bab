package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoreApiTests {

    private SalesforceEmulator emulator;

    private ApiCalls api;

    @BeforeEach
    void start() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withSeedAccounts(50).withSeedContacts(450));
        this.api = new ApiCalls(this.emulator);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void listsVersionsWithoutAuthentication() {
        ApiCalls.Response response = this.api.send("GET", "/services/data", null, null, Map.of("Authorization", ""));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.list()).anySatisfy(v -> assertThat(v).containsEntry("version", "60.0")
            .containsEntry("url", "/services/data/v60.0")
            .containsKey("label"));
    }

    @Test
    void describesAccountWithStandardAndGoodFitFields() {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/sobjects/Account/describe");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> describe = response.map();
        assertThat(describe).containsEntry("name", "Account").containsEntry("keyPrefix", "001");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) describe.get("fields");
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "GoodFit_ID__c")
            .containsEntry("externalId", true)
            .containsEntry("unique", true)
            .containsEntry("caseSensitive", false)
            .containsEntry("custom", true));
        assertThat(fields).anySatisfy(f -> assertThat(f).containsEntry("name", "Name")
            .containsEntry("nillable", false)
            .containsEntry("length", 255));
        assertThat(this.emulator.calls().get("describe")).isEqualTo(1);
    }

    @Test
    void unknownObjectIsNotFound() {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/sobjects/Foo__c/describe");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.list().get(0)).containsEntry("errorCode", "NOT_FOUND");
    }

    @Test
    @SuppressWarnings("unchecked")
    void queriesWithPagingAndLimitInfo() {
        ApiCalls.Response first = this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id, Name FROM Contact"),
                Map.of("Sforce-Query-Options", "batchSize=200"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Sforce-Limit-Info")).matches("api-usage=\\d+/\\d+");
        Map<String, Object> body = first.map();
        assertThat(body.keySet()).containsExactly("totalSize", "done", "nextRecordsUrl", "records");
        assertThat(body).containsEntry("totalSize", 450).containsEntry("done", false);
        assertThat((List<?>) body.get("records")).hasSize(200);
        Map<String, Object> record = ((List<Map<String, Object>>) body.get("records")).get(0);
        assertThat(record.keySet()).containsExactly("attributes", "Id", "Name");
        assertThat((String) body.get("nextRecordsUrl")).matches("/services/data/v60.0/query/01g\\w{12}-200");
        Map<String, Object> second = this.api.get((String) body.get("nextRecordsUrl")).map();
        Map<String, Object> third = this.api.get((String) second.get("nextRecordsUrl")).map();
        assertThat((List<?>) third.get("records")).hasSize(50);
        assertThat(third).containsEntry("done", true).doesNotContainKey("nextRecordsUrl");
        assertThat(this.api.get(ApiCalls.V + "/query/01gXXXXXXXXXXXX-2000").status()).isEqualTo(404);
        assertThat(this.emulator.calls().get("query")).isEqualTo(4);
    }

    @Test
    void createsThroughCollections() {
        Map<String, Object> body = Map.of("allOrNone", false, "records",
                List.of(Map.of("attributes", Map.of("type", "Account"), "Name", "Acme", "Website", "acme.com"),
                        Map.of("attributes", Map.of("type", "Account"), "Website", "noname.com")));
        ApiCalls.Response response = this.api.post(ApiCalls.V + "/composite/sobjects", body);
        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> results = response.list();
        assertThat(results.get(0)).containsEntry("success", true).doesNotContainKey("created");
        assertThat((String) results.get(0).get("id")).startsWith("001").hasSize(18);
        assertThat(results.get(1)).containsEntry("success", false).containsEntry("id", null);
        assertThat(results.get(1).get("errors")).isEqualTo(List.of(Map.of("statusCode", "REQUIRED_FIELD_MISSING",
                "message", "Required fields are missing: [Name]", "fields", List.of("Name"))));
    }

}

package com.goodfit.sync.emulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeTests extends EmulatorApiTestSupport {

    private static final String COMPOSITE = ApiCalls.V + "/composite";

    private static Map<String, Object> sub(String method, String url, String referenceId, Object body) {
        return (body == null) ? Map.of("method", method, "url", url, "referenceId", referenceId)
                : Map.of("method", method, "url", url, "referenceId", referenceId, "body", body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsSubrequestsWithReferences() {
        ApiCalls.Response response = this.api.post(COMPOSITE, Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", ApiCalls.V + "/sobjects/Account", "acc", Map.of("Name", "Acme")),
                sub("POST", ApiCalls.V + "/sobjects/Contact", "con", Map.of("LastName", "Doe", "AccountId",
                        "@{acc.id}")),
                sub("GET", ApiCalls.V + "/query?q=SELECT+Id,Account.Name+FROM+Contact", "q", null))));
        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.map().get("compositeResponse");
        assertThat(results).extracting(r -> r.get("httpStatusCode")).containsExactly(201, 201, 200);
        assertThat(results.get(0).keySet()).containsExactly("body", "httpHeaders", "httpStatusCode", "referenceId");
        assertThat((Map<String, Object>) results.get(0).get("httpHeaders")).containsKey("Location");
        Map<String, Object> query = (Map<String, Object>) results.get(2).get("body");
        assertThat(query).containsEntry("totalSize", 1);
        assertThat(this.emulator.calls().get("composite")).isEqualTo(1);
        assertThat(this.emulator.calls().total()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void allOrNoneRollsBackEarlierSubrequests() {
        ApiCalls.Response response = this.api.post(COMPOSITE, Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", ApiCalls.V + "/sobjects/Account", "acc", Map.of("Name", "Acme")),
                sub("POST", ApiCalls.V + "/sobjects/Contact", "bad", Map.of("FirstName", "No last name")),
                sub("POST", ApiCalls.V + "/sobjects/Account", "later", Map.of("Name", "Later")))));
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.map().get("compositeResponse");
        assertThat(results).extracting(r -> r.get("httpStatusCode")).containsExactly(400, 400, 400);
        assertThat(((List<Map<String, Object>>) results.get(0).get("body")).get(0)).containsEntry("errorCode",
                "ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(((List<Map<String, Object>>) results.get(1).get("body")).get(0)).containsEntry("errorCode",
                "REQUIRED_FIELD_MISSING");
        assertThat(((List<Map<String, Object>>) results.get(2).get("body")).get(0)).containsEntry("errorCode",
                "PROCESSING_HALTED");
        assertThat(this.emulator.org().count("Account")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchRunsIndependentSubrequestsAndHaltsOnError() {
        String id = this.emulator.org().insert("Account", Map.of("Name", "Acme"));
        ApiCalls.Response response = this.api.post(COMPOSITE + "/batch", Map.of("haltOnError", true, "batchRequests",
                List.of(Map.of("method", "PATCH", "url", "v60.0/sobjects/Account/" + id, "richInput",
                        Map.of("Website", "acme.com")),
                        Map.of("method", "GET", "url", "v60.0/sobjects/Account/" + id + "?fields=Website"),
                        Map.of("method", "POST", "url", "v60.0/sobjects/Account", "richInput", Map.of("Website", "x")),
                        Map.of("method", "GET", "url", "v60.0/limits"))));
        Map<String, Object> body = response.map();
        assertThat(body).containsEntry("hasErrors", true);
        List<Map<String, Object>> results = (List<Map<String, Object>>) body.get("results");
        assertThat(results).extracting(r -> r.get("statusCode")).containsExactly(204, 200, 400, 412);
        assertThat((Map<String, Object>) results.get(1).get("result")).containsEntry("Website", "acme.com");
        assertThat(response.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/1000000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAllOrNoneOnlyDependentsHalt() {
        ApiCalls.Response response = this.api.post(COMPOSITE, Map.of("allOrNone", false, "compositeRequest", List.of(
                sub("POST", ApiCalls.V + "/sobjects/Account", "acc", Map.of("Website", "no-name.com")),
                sub("POST", ApiCalls.V + "/sobjects/Contact", "con", Map.of("LastName", "Doe", "AccountId",
                        "@{acc.id}")),
                sub("POST", ApiCalls.V + "/sobjects/Account", "ok", Map.of("Name", "Fine")))));
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.map().get("compositeResponse");
        assertThat(results).extracting(r -> r.get("httpStatusCode")).containsExactly(400, 400, 201);
        assertThat(((List<Map<String, Object>>) results.get(1).get("body")).get(0)).containsEntry("errorCode",
                "PROCESSING_HALTED");
        assertThat(this.emulator.org().count("Account")).isEqualTo(1);
    }

}

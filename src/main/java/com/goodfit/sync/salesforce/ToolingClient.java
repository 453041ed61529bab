package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * The Tooling API calls the connector needs: finding and creating custom fields. Creating a field that exists
 * already fails with {@link SalesforceRequestException} ({@code DUPLICATE_DEVELOPER_NAME}); a new field may have no
 * field-level security until granted. Thread-safe.
 */
public final class ToolingClient {

    private final SalesforceTransport transport;

    ToolingClient(SalesforceTransport transport) {
        this.transport = transport;
    }

    /**
     * Creates a custom field ({@code POST /tooling/sobjects/CustomField/}).
     * @param field the field
     * @return the new CustomField's Id
     */
    public String createCustomField(CustomFieldSpec field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("FullName", field.fullName());
        body.put("Metadata", field.metadata());
        JsonNode response = this.transport.callOnce(() -> this.transport.rest()
            .post()
            .uri(this.transport.data("/tooling/sobjects/CustomField/"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class));
        String id = (response != null) ? ApiError.text(response, "id") : null;
        if (id == null) {
            throw new SalesforceRequestException("Creating custom field %s returned no id".formatted(field.fullName()),
                    200, null, List.of());
        }
        return id;
    }

    /**
     * Finds a custom field of a standard object ({@code TableEnumOrId} is the object's name only for standard
     * objects such as Account and Contact). Unlike describe, this sees fields the API user has no access to yet.
     * @param fullName {@code Object.Field__c}
     * @return the CustomField's Id, if the field exists
     */
    public Optional<String> findCustomField(String fullName) {
        int dot = fullName.indexOf('.');
        Assert.isTrue(dot > 0 && fullName.endsWith("__c"), () -> "'%s' is not Object.Field__c".formatted(fullName));
        String object = fullName.substring(0, dot);
        // DeveloperName has no __c suffix.
        String developerName = fullName.substring(dot + 1, fullName.length() - "__c".length());
        List<SObject> found = query("SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = "
                + SoqlLiteral.quote(object) + " AND DeveloperName = " + SoqlLiteral.quote(developerName));
        return found.stream().map(SObject::id).filter(Objects::nonNull).findFirst();
    }

    /**
     * Runs a Tooling API SOQL query ({@code GET /tooling/query}); for the small results of setup objects.
     * @param soql the statement
     * @return every record, all pages read
     */
    public List<SObject> query(String soql) {
        List<SObject> records = new ArrayList<>();
        String next = null;
        do {
            String page = next;
            QueryPage result = QueryClient.page(this.transport.call(() -> this.transport.rest()
                .get()
                .uri((page != null) ? this.transport.instancePath(page)
                        : this.transport.data("/tooling/query?q={q}", soql))
                .retrieve()
                .body(JsonNode.class)));
            records.addAll(result.records());
            next = result.done() ? null : result.nextRecordsUrl();
        }
        while (next != null);
        return records;
    }

}

package com.goodfit.sync.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * The Tooling API calls the connector needs: creating a custom field. A field that exists already fails with
 * {@link SalesforceRequestException} ({@code DUPLICATE_DEVELOPER_NAME}); a new field may have no field-level
 * security until granted. Thread-safe.
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

}

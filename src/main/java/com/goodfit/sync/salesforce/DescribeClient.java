package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * The org's API versions and sObject describes. A describe is fetched once per {@link SalesforceClients} (one run)
 * and then served from memory; an unknown object fails with {@link SalesforceConfigurationException}
 * ({@code NOT_FOUND}). Thread-safe.
 */
public final class DescribeClient {

    private final SalesforceTransport transport;

    private final Map<String, SObjectDescribe> cache = new ConcurrentHashMap<>();

    DescribeClient(SalesforceTransport transport) {
        this.transport = transport;
    }

    /**
     * The REST API versions the org offers ({@code GET /services/data/}).
     * @return the versions, oldest first as Salesforce lists them
     */
    public List<ApiVersion> versions() {
        JsonNode body = this.transport
            .call(() -> this.transport.rest().get().uri(this.transport.versions()).retrieve().body(JsonNode.class));
        List<ApiVersion> versions = new ArrayList<>();
        if (body != null) {
            for (JsonNode version : body.values()) {
                versions.add(new ApiVersion(version.path("version").asString(""), version.path("label").asString(""),
                        version.path("url").asString("")));
            }
        }
        return versions;
    }

    /**
     * The describe of an sObject type, cached for the life of these clients.
     * @param sobject the API name, e.g. {@code Account}
     * @return the describe
     */
    public SObjectDescribe describe(String sobject) {
        return this.cache.computeIfAbsent(sobject.toLowerCase(Locale.ROOT), (key) -> fetch(sobject));
    }

    private SObjectDescribe fetch(String sobject) {
        JsonNode body = this.transport.call(() -> this.transport.rest()
            .get()
            .uri(this.transport.data("/sobjects/{type}/describe", sobject))
            .retrieve()
            .body(JsonNode.class));
        if (body == null) {
            throw new SalesforceRequestException("Empty describe of " + sobject, 200, null, List.of());
        }
        return SObjectDescribe.from(body);
    }

}

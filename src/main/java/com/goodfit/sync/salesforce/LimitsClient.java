package com.goodfit.sync.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads the org's {@code /limits} (needs "View Setup and Configuration"). Thread-safe.
 */
public final class LimitsClient {

    private final SalesforceTransport transport;

    LimitsClient(SalesforceTransport transport) {
        this.transport = transport;
    }

    /**
     * The org's limits.
     * @return every limit that has a {@code Max} and a {@code Remaining}
     */
    public OrgLimits limits() {
        JsonNode body = this.transport.call(
                () -> this.transport.rest().get().uri(this.transport.data("/limits")).retrieve().body(JsonNode.class));
        Map<String, OrgLimits.Limit> limits = new LinkedHashMap<>();
        if (body != null) {
            for (Map.Entry<String, JsonNode> entry : body.properties()) {
                JsonNode value = entry.getValue();
                if (value.has("Max") && value.has("Remaining")) {
                    limits.put(entry.getKey(),
                            new OrgLimits.Limit(value.path("Max").asLong(), value.path("Remaining").asLong()));
                }
            }
        }
        return new OrgLimits(limits);
    }

}

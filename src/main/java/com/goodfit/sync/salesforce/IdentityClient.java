package com.goodfit.sync.salesforce;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Who the org's token acts as ({@code GET /services/oauth2/userinfo} on the instance): the integration user that
 * permission sets are assigned to. Thread-safe.
 */
public final class IdentityClient {

    private final SalesforceTransport transport;

    IdentityClient(SalesforceTransport transport) {
        this.transport = transport;
    }

    /**
     * The user and org of the current token.
     * @return the identity
     */
    public OrgIdentity current() {
        JsonNode body = this.transport.call(() -> this.transport.rest()
            .get()
            .uri(this.transport.instancePath("/services/oauth2/userinfo"))
            .retrieve()
            .body(JsonNode.class));
        String userId = (body != null) ? ApiError.text(body, "user_id") : null;
        String orgId = (body != null) ? ApiError.text(body, "organization_id") : null;
        String username = (body != null) ? ApiError.text(body, "preferred_username") : null;
        if (userId == null || orgId == null || username == null) {
            throw new SalesforceRequestException("userinfo lacks user_id, organization_id or preferred_username", 200,
                    null, List.of());
        }
        return new OrgIdentity(userId, orgId, username);
    }

}

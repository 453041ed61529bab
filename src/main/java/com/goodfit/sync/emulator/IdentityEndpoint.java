package com.goodfit.sync.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity URL returned as {@code id} in token responses ({@code GET /id/{orgId}/{userId}}) and
 * {@code /services/oauth2/userinfo}: who the token acts as.
 */
final class IdentityEndpoint {

    private final EmulatorCredentials credentials;

    private final EmulatorOrg org;

    private final URI url;

    IdentityEndpoint(EmulatorCredentials credentials, EmulatorOrg org, URI url) {
        this.credentials = credentials;
        this.org = org;
        this.url = url;
    }

    ApiResponse identity() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", this.url + "/id/" + this.org.orgId() + "/" + this.org.userId());
        body.put("asserted_user", true);
        body.put("user_id", this.org.userId());
        body.put("organization_id", this.org.orgId());
        body.put("username", this.credentials.username());
        body.put("nick_name", "integration");
        body.put("display_name", "GoodFit Integration");
        body.put("email", this.credentials.username());
        body.put("active", true);
        body.put("user_type", "STANDARD");
        body.put("language", "en_US");
        body.put("locale", "en_US");
        body.put("utcOffset", 0);
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("rest", this.url + "/services/data/v{version}/");
        urls.put("sobjects", this.url + "/services/data/v{version}/sobjects/");
        urls.put("query", this.url + "/services/data/v{version}/query/");
        urls.put("limits", this.url + "/services/data/v{version}/limits/");
        urls.put("partner", this.url + "/services/Soap/u/{version}/" + this.org.orgId().substring(0, 15));
        body.put("urls", urls);
        return ApiResponse.json(200, body);
    }

    ApiResponse userInfo() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", this.url + "/id/" + this.org.orgId() + "/" + this.org.userId());
        body.put("user_id", this.org.userId());
        body.put("organization_id", this.org.orgId());
        body.put("preferred_username", this.credentials.username());
        body.put("name", "GoodFit Integration");
        body.put("email", this.credentials.username());
        body.put("email_verified", true);
        return ApiResponse.json(200, body);
    }

}

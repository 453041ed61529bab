package com.goodfit.sync.salesforce;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What the OAuth token endpoint issued: {@code toString()} masks both tokens.
 *
 * @param accessToken the bearer token
 * @param refreshToken the refresh token (web-server flow only), or {@code null}
 * @param instanceUrl where the org's data calls go
 * @param identityUrl the {@code id} URL naming the org and the user, or {@code null} when the response had none
 */
public record TokenResponse(String accessToken, @Nullable String refreshToken, URI instanceUrl,
        @Nullable URI identityUrl) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=****, refreshToken=" + ((this.refreshToken != null) ? "****" : "none")
                + ", instanceUrl=" + this.instanceUrl + ", identityUrl=" + this.identityUrl + "]";
    }

}

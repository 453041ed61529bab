package com.goodfit.sync.salesforce;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * How the client obtains access tokens for one org: one of the OAuth 2.0 grants below. {@code toString()} masks
 * every secret.
 */
public sealed interface OAuthGrant {

    /**
     * The connected app's consumer key.
     * @return the client id
     */
    String clientId();

    /**
     * The {@code grant_type} name used in messages.
     * @return a short name such as {@code refresh_token}
     */
    String name();

    /**
     * Refresh-token grant: a refresh token stored after the web-server flow (with PKCE) is exchanged for access
     * tokens.
     *
     * @param clientId consumer key
     * @param clientSecret consumer secret
     * @param refreshToken the stored refresh token
     */
    record RefreshToken(String clientId, String clientSecret, String refreshToken) implements OAuthGrant {

        public RefreshToken {
            Assert.hasText(clientId, "clientId must not be empty");
            Assert.hasText(clientSecret, "clientSecret must not be empty");
            Assert.hasText(refreshToken, "refreshToken must not be empty");
        }

        @Override
        public String name() {
            return "refresh_token";
        }

        @Override
        public String toString() {
            return "RefreshToken[clientId=" + this.clientId + ", clientSecret=****, refreshToken=****]";
        }

    }

    /**
     * JWT bearer grant for headless servers: an RS256 assertion signed with the private key whose certificate is on
     * the connected app; no secret is sent and no refresh token comes back.
     *
     * @param clientId consumer key (the {@code iss} claim)
     * @param username the pre-authorised Salesforce user (the {@code sub} claim)
     * @param privateKeyPem a PEM file holding the PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----})
     * @param audience the {@code aud} claim, or {@code null} to derive it from the login URL (see
     * {@link OrgConnection#jwtAudience()})
     */
    record JwtBearer(String clientId, String username, Path privateKeyPem,
            @Nullable String audience) implements OAuthGrant {

        public JwtBearer {
            Assert.hasText(clientId, "clientId must not be empty");
            Assert.hasText(username, "username must not be empty");
            Assert.notNull(privateKeyPem, "privateKeyPem must not be null");
        }

        public JwtBearer(String clientId, String username, Path privateKeyPem) {
            this(clientId, username, privateKeyPem, null);
        }

        @Override
        public String name() {
            return "jwt-bearer";
        }

    }

    /**
     * Client-credentials grant: the token is issued for the app's "run as" user. Salesforce accepts it only on the
     * org's My Domain host (on login/test.salesforce.com it answers {@code invalid_grant}), so {@link OrgConnection}
     * refuses it with those hosts.
     *
     * @param clientId consumer key
     * @param clientSecret consumer secret
     */
    record ClientCredentials(String clientId, String clientSecret) implements OAuthGrant {

        public ClientCredentials {
            Assert.hasText(clientId, "clientId must not be empty");
            Assert.hasText(clientSecret, "clientSecret must not be empty");
        }

        @Override
        public String name() {
            return "client_credentials";
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + this.clientId + ", clientSecret=****]";
        }

    }

}

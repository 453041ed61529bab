package com.goodfit.sync.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.StringJoiner;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Obtains and caches the access token of one org with its {@link OAuthGrant}, shared by all of that org's clients.
 * Thread-safe: when several calls see the same expired token, only one of them fetches a new one.
 */
final class SalesforceAuth {

    private static final Log logger = LogFactory.getLog(SalesforceAuth.class);

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final OrgConnection connection;

    private final RestClient tokenClient;

    private final Clock clock;

    private @Nullable JwtAssertion jwtAssertion;

    private volatile @Nullable AccessToken token;

    SalesforceAuth(OrgConnection connection, RestClient tokenClient, Clock clock) {
        this.connection = connection;
        this.tokenClient = tokenClient;
        this.clock = clock;
    }

    /** The cached token, fetching one first if there is none. */
    AccessToken current() {
        AccessToken current = this.token;
        return (current != null) ? current : fetchIfAbsent();
    }

    private synchronized AccessToken fetchIfAbsent() {
        AccessToken current = this.token;
        if (current == null) {
            current = fetch();
            this.token = current;
        }
        return current;
    }

    /**
     * Replaces a token the org rejected, unless another caller already did.
     * @param stale the token that was rejected
     * @return the token to repeat the call with
     */
    synchronized AccessToken refresh(AccessToken stale) {
        AccessToken current = this.token;
        if (current != null && !current.value().equals(stale.value())) {
            return current;
        }
        logger.debug("Access token rejected; requesting a new one (grant " + this.connection.grant().name() + ")");
        this.token = null;
        return fetchIfAbsent();
    }

    private AccessToken fetch() {
        JsonNode body = this.tokenClient.post()
            .uri(URI.create(this.connection.tokenBase() + "/services/oauth2/token"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            // Encoded here, not as a MultiValueMap: RestClient logs a map body at DEBUG, secrets included.
            .body(encoded(form()))
            .retrieve()
            .body(JsonNode.class);
        String value = (body != null) ? ApiError.text(body, "access_token") : null;
        String instanceUrl = (body != null) ? ApiError.text(body, "instance_url") : null;
        if (value == null || instanceUrl == null) {
            throw new SalesforceAuthException("Salesforce token response (grant %s) lacks access_token or instance_url"
                .formatted(this.connection.grant().name()), 200, null, null);
        }
        logger.debug("Obtained an access token for " + instanceUrl + " (grant " + this.connection.grant().name() + ")");
        return new AccessToken(value, URI.create(instanceUrl));
    }

    private static byte[] encoded(MultiValueMap<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, values) -> values.forEach((value) -> body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private MultiValueMap<String, String> form() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        OAuthGrant grant = this.connection.grant();
        if (grant instanceof OAuthGrant.RefreshToken refresh) {
            form.add("grant_type", "refresh_token");
            form.add("refresh_token", refresh.refreshToken());
            form.add("client_id", refresh.clientId());
            form.add("client_secret", refresh.clientSecret());
        }
        else if (grant instanceof OAuthGrant.JwtBearer jwt) {
            form.add("grant_type", JWT_BEARER);
            form.add("assertion", jwtAssertion(jwt).sign());
        }
        else if (grant instanceof OAuthGrant.ClientCredentials credentials) {
            form.add("grant_type", "client_credentials");
            form.add("client_id", credentials.clientId());
            form.add("client_secret", credentials.clientSecret());
        }
        return form;
    }

    private JwtAssertion jwtAssertion(OAuthGrant.JwtBearer grant) {
        JwtAssertion assertion = this.jwtAssertion;
        if (assertion == null) {
            assertion = new JwtAssertion(grant, this.connection.jwtAudience(), this.clock);
            this.jwtAssertion = assertion;
        }
        return assertion;
    }

}

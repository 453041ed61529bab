package com.goodfit.sync.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The OAuth calls of connecting an org, as opposed to using it: the web-server flow's authorisation URL (with PKCE)
 * and code exchange, a one-off JWT bearer token, the identity of a token, and revocation
 * ({@code /services/oauth2/revoke}). Token errors become {@link SalesforceAuthException} carrying the OAuth
 * {@code error}; an unreachable host becomes {@link SalesforceTransientException}. Thread-safe.
 */
public final class OAuthFlowClient {

    private final RestClient rest;

    private final Clock clock;

    public OAuthFlowClient(SalesforceProperties properties) {
        this(properties, Clock.systemUTC());
    }

    OAuthFlowClient(SalesforceProperties properties, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(requestFactory).build();
        this.clock = clock;
    }

    /**
     * The URL to open in a browser to start the web-server flow ({@code /services/oauth2/authorize}).
     * @param loginUrl the login host (production, sandbox, My Domain or emulator)
     * @param clientId the connected app's consumer key
     * @param redirectUri the callback URL registered on the connected app
     * @param state the value the callback must echo
     * @param codeChallenge base64url SHA-256 of the PKCE code verifier
     * @return the authorisation URL
     */
    public URI authorizationUrl(URI loginUrl, String clientId, URI redirectUri, String state, String codeChallenge) {
        TransportSecurity.requireSecure(loginUrl, "Salesforce login URL");
        return UriComponentsBuilder.fromUriString(base(loginUrl) + "/services/oauth2/authorize")
            .queryParam("response_type", "code")
            .queryParam("client_id", clientId)
            .queryParam("redirect_uri", redirectUri.toString())
            .queryParam("state", state)
            .queryParam("code_challenge", codeChallenge)
            .queryParam("code_challenge_method", "S256")
            .queryParam("scope", "api refresh_token")
            .encode()
            .build()
            .toUri();
    }

    /**
     * Exchanges an authorisation code for tokens ({@code grant_type=authorization_code} with the PKCE verifier).
     * @param loginUrl the login host the code came from
     * @param clientId the consumer key
     * @param clientSecret the consumer secret, or {@code null} when the app does not require it with PKCE
     * @param code the code from the callback
     * @param redirectUri the same redirect URI as in the authorisation URL
     * @param codeVerifier the PKCE verifier
     * @return the tokens, with a refresh token when the app's scopes allow it
     */
    public TokenResponse exchangeCode(URI loginUrl, String clientId, @Nullable String clientSecret, String code,
            URI redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return token(loginUrl, form, "authorization_code");
    }

    /**
     * Gets one access token with the JWT bearer grant, to check the settings work.
     * @param connection a connection whose grant is {@link OAuthGrant.JwtBearer}
     * @return the token (never with a refresh token)
     */
    public TokenResponse jwtToken(OrgConnection connection) {
        if (!(connection.grant() instanceof OAuthGrant.JwtBearer jwt)) {
            throw new IllegalArgumentException("jwtToken needs a JWT bearer grant, not " + connection.grant().name());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.put("assertion", new JwtAssertion(jwt, connection.jwtAudience(), this.clock).sign());
        return token(connection.loginUrl(), form, jwt.name());
    }

    /**
     * Who a token acts as, read from its identity URL.
     * @param token a token response with an identity URL
     * @return the user and org
     */
    public OrgIdentity identity(TokenResponse token) {
        URI url = (token.identityUrl() != null) ? token.identityUrl()
                : URI.create(base(token.instanceUrl()) + "/services/oauth2/userinfo");
        TransportSecurity.requireSecure(url, "Salesforce identity URL");
        JsonNode body = translated(() -> this.rest.get()
            .uri(url)
            .header("Authorization", "Bearer " + token.accessToken())
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .onStatus(SalesforceErrorHandler.forDataCalls())
            .body(JsonNode.class));
        String userId = (body != null) ? ApiError.text(body, "user_id") : null;
        String orgId = (body != null) ? ApiError.text(body, "organization_id") : null;
        String username = (body != null) ? firstText(body, "username", "preferred_username") : null;
        if (userId == null || orgId == null || username == null) {
            throw new SalesforceRequestException("The identity response lacks user_id, organization_id or username",
                    200, null, java.util.List.of());
        }
        return new OrgIdentity(userId, orgId, username);
    }

    /**
     * Revokes a refresh or access token ({@code POST /services/oauth2/revoke}); revoking a refresh token also ends
     * the access tokens issued from it.
     * @param loginUrl the login host the token came from
     * @param token the token to revoke
     */
    public void revoke(URI loginUrl, String token) {
        String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        translated(() -> this.rest.post()
            .uri(URI.create(base(loginUrl) + "/services/oauth2/revoke"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(body.getBytes(StandardCharsets.UTF_8))
            .retrieve()
            .onStatus(SalesforceErrorHandler.forTokenCalls("revoke"))
            .toBodilessEntity());
    }

    private TokenResponse token(URI loginUrl, Map<String, String> form, String grantName) {
        TransportSecurity.requireSecure(loginUrl, "Salesforce login URL");
        StringJoiner encoded = new StringJoiner("&");
        form.forEach((name, value) -> encoded.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        JsonNode body = translated(() -> this.rest.post()
            .uri(URI.create(base(loginUrl) + "/services/oauth2/token"))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .accept(MediaType.APPLICATION_JSON)
            // Encoded bytes, not a map: RestClient logs a map body at DEBUG, secrets included.
            .body(encoded.toString().getBytes(StandardCharsets.UTF_8))
            .retrieve()
            .onStatus(SalesforceErrorHandler.forTokenCalls(grantName))
            .body(JsonNode.class));
        String access = (body != null) ? ApiError.text(body, "access_token") : null;
        String instance = (body != null) ? ApiError.text(body, "instance_url") : null;
        if (access == null || instance == null) {
            throw new SalesforceAuthException("Salesforce token response (grant %s) lacks access_token or instance_url"
                .formatted(grantName), 200, null, null);
        }
        String identity = ApiError.text(body, "id");
        URI instanceUrl = TransportSecurity.requireSecure(URI.create(instance), "Salesforce instance_url");
        return new TokenResponse(access, ApiError.text(body, "refresh_token"), instanceUrl,
                (identity != null) ? URI.create(identity) : null);
    }

    private static <T> T translated(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (ResourceAccessException ex) {
            throw new SalesforceTransientException("Salesforce could not be reached: " + ex.getMessage(), 0, null, ex);
        }
        catch (SalesforceException ex) {
            throw ex;
        }
        catch (RestClientException ex) {
            throw new SalesforceRequestException("Unusable Salesforce response: " + ex.getMessage(), 0, ex);
        }
    }

    private static @Nullable String firstText(JsonNode body, String... names) {
        for (String name : names) {
            String value = ApiError.text(body, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String base(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

}

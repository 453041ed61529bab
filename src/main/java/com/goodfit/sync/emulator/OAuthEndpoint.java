package com.goodfit.sync.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} and {@code /services/oauth2/revoke}: the refresh-token, JWT bearer,
 * client-credentials and username-password grants, with Salesforce's success and error bodies.
 */
final class OAuthEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static final Set<String> LOGIN_AUDIENCES = Set.of("https://login.salesforce.com",
            "https://test.salesforce.com");

    private final EmulatorCredentials credentials;

    private final TokenStore tokens;

    private final EmulatorControl control;

    private final EmulatorOrg org;

    private final URI url;

    OAuthEndpoint(EmulatorCredentials credentials, TokenStore tokens, EmulatorControl control, EmulatorOrg org,
            URI url) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.control = control;
        this.org = org;
        this.url = url;
    }

    ApiResponse handle(ApiRequest request) {
        if (!request.method().equals("POST")) {
            throw ApiException.methodNotAllowed(request.method());
        }
        Map<String, String> form = new LinkedHashMap<>(request.params());
        form.putAll(ApiRequest.parseForm(request.bodyText()));
        if (request.path().endsWith("/revoke")) {
            String token = form.get("token");
            if (token == null || token.isEmpty()) {
                throw ApiException.oauth("unsupported_token_type", "this token type is not supported");
            }
            this.tokens.revoke(token);
            return ApiResponse.empty(200);
        }
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw ApiException.oauth("invalid_request", "grant type is missing");
        }
        applyBasicAuth(request, form);
        return switch (grantType) {
            case "password" -> password(form);
            case "refresh_token" -> refresh(form);
            case "client_credentials" -> clientCredentials(form);
            case JWT_BEARER -> jwtBearer(form);
            default -> throw ApiException.oauth("unsupported_grant_type", "grant type not supported");
        };
    }

    private void applyBasicAuth(ApiRequest request, Map<String, String> form) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                form.putIfAbsent("client_id", decoded.substring(0, colon));
                form.putIfAbsent("client_secret", decoded.substring(colon + 1));
            }
        }
    }

    private void checkClient(Map<String, String> form, boolean secretRequired) {
        if (!this.credentials.clientId().equals(form.get("client_id"))) {
            throw ApiException.oauth("invalid_client_id", "client identifier invalid");
        }
        String secret = form.get("client_secret");
        if ((secretRequired || secret != null) && !this.credentials.clientSecret().equals(secret)) {
            throw ApiException.oauth("invalid_client", "invalid client credentials");
        }
    }

    private ApiResponse password(Map<String, String> form) {
        checkClient(form, true);
        if (!this.credentials.username().equals(form.get("username"))
                || !this.credentials.password().equals(form.get("password"))) {
            throw ApiException.oauth("invalid_grant", "authentication failure");
        }
        return ApiResponse.json(200, tokenResponse(true, null));
    }

    private ApiResponse refresh(Map<String, String> form) {
        checkClient(form, false);
        if (!this.tokens.isRefreshTokenValid(form.getOrDefault("refresh_token", ""))) {
            throw ApiException.oauth("invalid_grant", "expired access/refresh token");
        }
        return ApiResponse.json(200, tokenResponse(true, null));
    }

    private ApiResponse clientCredentials(Map<String, String> form) {
        if (!this.credentials.clientId().equals(form.get("client_id"))
                || !this.credentials.clientSecret().equals(form.get("client_secret"))) {
            throw ApiException.oauth("invalid_client", "invalid client credentials");
        }
        return ApiResponse.json(200, tokenResponse(true, null));
    }

    private ApiResponse jwtBearer(Map<String, String> form) {
        String assertion = form.get("assertion");
        if (assertion == null || assertion.isEmpty()) {
            throw ApiException.oauth("invalid_request", "missing required parameter: assertion");
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            throw ApiException.oauth("invalid_grant", "invalid assertion");
        }
        Map<?, ?> header;
        Map<?, ?> claims;
        try {
            header = (Map<?, ?>) JsonCodec.read(Base64.getUrlDecoder().decode(parts[0]));
            claims = (Map<?, ?>) JsonCodec.read(Base64.getUrlDecoder().decode(parts[1]));
        }
        catch (IllegalArgumentException | ClassCastException | ApiException ex) {
            throw ApiException.oauth("invalid_grant", "invalid assertion");
        }
        if (!"RS256".equals(header.get("alg")) || !signatureValid(parts)) {
            throw ApiException.oauth("invalid_grant", "invalid assertion");
        }
        if (!this.credentials.clientId().equals(claims.get("iss"))) {
            throw ApiException.oauth("invalid_client_id", "client identifier invalid");
        }
        Object audience = claims.get("aud");
        String aud = (audience instanceof List<?> list && !list.isEmpty()) ? String.valueOf(list.get(0))
                : String.valueOf(audience);
        String trimmed = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
        if (!LOGIN_AUDIENCES.contains(trimmed) && !trimmed.equals(this.url.toString())) {
            throw ApiException.oauth("invalid_grant", "audience is invalid");
        }
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() * 1000 < System.currentTimeMillis()) {
            throw ApiException.oauth("invalid_grant", "expired authorization code");
        }
        if (!this.credentials.username().equals(claims.get("sub"))) {
            throw ApiException.oauth("invalid_grant", "user hasn't approved this consumer");
        }
        Map<String, Object> response = new LinkedHashMap<>();
        Map<String, Object> full = tokenResponse(false, null);
        response.put("access_token", full.get("access_token"));
        response.put("scope", full.get("scope"));
        response.put("instance_url", full.get("instance_url"));
        response.put("id", full.get("id"));
        response.put("token_type", full.get("token_type"));
        return ApiResponse.json(200, response);
    }

    private boolean signatureValid(String[] parts) {
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        for (PublicKey key : this.control.trustedJwtKeys()) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update(signed);
                if (verifier.verify(signature)) {
                    return true;
                }
            }
            catch (GeneralSecurityException ex) {
                // A key of the wrong kind can't have signed it; try the next trusted key.
            }
        }
        return false;
    }

    private Map<String, Object> tokenResponse(boolean withSignature, String refreshToken) {
        String issuedAt = Long.toString(System.currentTimeMillis());
        String identity = this.url + "/id/" + this.org.orgId() + "/" + this.org.userId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", this.tokens.issue());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (withSignature) {
            body.put("signature", sign(identity + issuedAt));
        }
        body.put("scope", "api refresh_token");
        body.put("instance_url", this.url.toString());
        body.put("id", identity);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return body;
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.credentials.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is always available", ex);
        }
    }

}

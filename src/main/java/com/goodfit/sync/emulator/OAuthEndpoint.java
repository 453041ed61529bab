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
 * {@code /services/oauth2/authorize}, {@code /services/oauth2/token} and {@code /services/oauth2/revoke}: the
 * web-server flow (auto-approving, or denying when {@link EmulatorControl#denyAuthorization(boolean)} says so) with
 * PKCE, the authorization-code, refresh-token, JWT bearer, client-credentials and username-password grants, and
 * revocation, with Salesforce's success and error bodies.
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
            // 200 on success, 400 invalid_token for a token the org does not know (or revoked already).
            if (!this.tokens.revoke(token)) {
                throw ApiException.oauth("invalid_token", "invalid token");
            }
            return ApiResponse.empty(200);
        }
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw ApiException.oauth("invalid_request", "grant type is missing");
        }
        applyBasicAuth(request, form);
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(form);
            case "password" -> password(form);
            case "refresh_token" -> refresh(form);
            case "client_credentials" -> clientCredentials(form);
            case JWT_BEARER -> jwtBearer(form);
            default -> throw ApiException.oauth("unsupported_grant_type", "grant type not supported");
        };
    }

    /**
     * The authorisation endpoint a browser is sent to. There is no login page: the emulated user approves at once
     * (or denies, when told to) and the browser is redirected to the callback with {@code code} and {@code state},
     * or with {@code error=access_denied}.
     */
    ApiResponse authorize(ApiRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            throw ApiException.methodNotAllowed(request.method());
        }
        Map<String, String> params = new LinkedHashMap<>(request.params());
        if (request.method().equals("POST")) {
            params.putAll(ApiRequest.parseForm(request.bodyText()));
        }
        // Errors that make the redirect URI untrustworthy are shown to the user, never redirected.
        if (!this.credentials.clientId().equals(params.get("client_id"))) {
            throw ApiException.oauth("invalid_client_id", "client identifier invalid");
        }
        String redirectUri = params.getOrDefault("redirect_uri", "");
        if (!acceptableRedirect(redirectUri)) {
            throw ApiException.oauth("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            return redirect(redirectUri, "error", "unsupported_response_type", "error_description",
                    "response type not supported", "state", state);
        }
        if (this.control.denyAuthorization()) {
            return redirect(redirectUri, "error", "access_denied", "error_description", "end-user denied authorization",
                    "state", state);
        }
        String code = this.tokens.newCode(this.credentials.clientId(), redirectUri,
                params.getOrDefault("code_challenge", ""));
        return redirect(redirectUri, "code", code, "state", state);
    }

    /** Like a connected app's callback list: https anywhere, plain http only to this machine. */
    private static boolean acceptableRedirect(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            String host = uri.getHost();
            if (host == null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme())
                    && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")));
        }
        catch (java.net.URISyntaxException ex) {
            return false;
        }
    }

    private static ApiResponse redirect(String redirectUri, String... pairs) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        boolean first = true;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            location.append(first ? "" : "&")
                .append(pairs[i])
                .append('=')
                .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            first = false;
        }
        return ApiResponse.empty(302).withHeader("Location", location.toString());
    }

    private ApiResponse authorizationCode(Map<String, String> form) {
        checkClient(form, false);
        String code = form.get("code");
        if (code == null || code.isEmpty()) {
            throw ApiException.oauth("invalid_request", "missing required parameter: code");
        }
        TokenStore.AuthorizationCode issued = this.tokens.redeemCode(code);
        if (issued == null) {
            throw ApiException.oauth("invalid_grant", "invalid authorization code");
        }
        if (issued.expiresAt() < System.currentTimeMillis()) {
            throw ApiException.oauth("invalid_grant", "expired authorization code");
        }
        if (!issued.redirectUri().equals(form.get("redirect_uri"))) {
            throw ApiException.oauth("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (!issued.codeChallenge().isEmpty()) {
            String verifier = form.get("code_verifier");
            if (verifier == null || verifier.isEmpty()) {
                throw ApiException.oauth("invalid_grant", "invalid code verifier");
            }
            if (!issued.codeChallenge().equals(s256(verifier))) {
                throw ApiException.oauth("invalid_request", "invalid code verifier");
            }
        }
        String refreshToken = this.tokens.newRefreshToken();
        Map<String, Object> body = tokenResponse(true, refreshToken);
        return ApiResponse.json(200, body);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
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
        return ApiResponse.json(200, tokenResponse(true, null, form.get("refresh_token")));
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
        return tokenResponse(withSignature, refreshToken, refreshToken);
    }

    private Map<String, Object> tokenResponse(boolean withSignature, String refreshToken, String issuedFrom) {
        String issuedAt = Long.toString(System.currentTimeMillis());
        String identity = this.url + "/id/" + this.org.orgId() + "/" + this.org.userId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", (issuedFrom != null) ? this.tokens.issueFrom(issuedFrom) : this.tokens.issue());
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

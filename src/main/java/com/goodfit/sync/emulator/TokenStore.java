package com.goodfit.sync.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the emulator has issued, with their generation and expiry time; the refresh tokens it still
 * honours, each with the access tokens issued from it (revoking a refresh token ends them too); and the
 * authorisation codes of the web-server flow, each usable once. Thread-safe.
 */
final class TokenStore {

    /** Salesforce's authorisation codes are valid for 15 minutes. */
    private static final long CODE_TTL_MILLIS = 15 * 60 * 1000;

    private final SecureRandom random = new SecureRandom();

    private final String orgId15;

    private final EmulatorControl control;

    private final Map<String, long[]> accessTokens = new ConcurrentHashMap<>();

    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> issuedFrom = new ConcurrentHashMap<>();

    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    TokenStore(String orgId, EmulatorControl control) {
        this.orgId15 = orgId.substring(0, 15);
        this.control = control;
    }

    /** Issues an access token shaped like Salesforce's: {@code <orgId15>!<opaque>}. */
    String issue() {
        byte[] bytes = new byte[72];
        this.random.nextBytes(bytes);
        String token = this.orgId15 + "!AQ4AQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
            .replace('-', '.')
            .replace('_', '.');
        long now = System.currentTimeMillis();
        this.accessTokens.put(token,
                new long[] { this.control.tokenGeneration(), now + this.control.tokenTtl().toMillis() });
        return token;
    }

    /** Issues an access token from a refresh token, so that revoking the refresh token also revokes it. */
    String issueFrom(String refreshToken) {
        String token = issue();
        this.issuedFrom.computeIfAbsent(refreshToken, (key) -> ConcurrentHashMap.newKeySet()).add(token);
        return token;
    }

    boolean isValid(String token) {
        long[] times = this.accessTokens.get(token);
        if (times == null) {
            return false;
        }
        return System.currentTimeMillis() < times[1] && times[0] == this.control.tokenGeneration();
    }

    /**
     * Revokes an access token, or a refresh token and every access token issued from it.
     * @return whether the token was known
     */
    boolean revoke(String token) {
        boolean known = this.accessTokens.remove(token) != null;
        if (Boolean.TRUE.equals(this.refreshTokens.replace(token, Boolean.FALSE))) {
            known = true;
            Set<String> children = this.issuedFrom.remove(token);
            if (children != null) {
                children.forEach(this.accessTokens::remove);
            }
        }
        return known;
    }

    String newRefreshToken() {
        byte[] bytes = new byte[48];
        this.random.nextBytes(bytes);
        String token = "5Aep861" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', '.')
            .replace('_', '.');
        this.refreshTokens.put(token, Boolean.TRUE);
        return token;
    }

    boolean isRefreshTokenValid(String token) {
        return Boolean.TRUE.equals(this.refreshTokens.get(token));
    }

    /** Issues a one-time authorisation code for the web-server flow. */
    String newCode(String clientId, String redirectUri, String codeChallenge) {
        byte[] bytes = new byte[32];
        this.random.nextBytes(bytes);
        String code = "aPrx" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.codes.put(code, new AuthorizationCode(clientId, redirectUri, codeChallenge,
                System.currentTimeMillis() + CODE_TTL_MILLIS));
        return code;
    }

    /** Takes a code: it is gone afterwards, whether the exchange then succeeds or not. */
    AuthorizationCode redeemCode(String code) {
        return this.codes.remove(code);
    }

    /**
     * An authorisation code's binding.
     *
     * @param clientId the app it was issued to
     * @param redirectUri the redirect URI of the authorisation request
     * @param codeChallenge the PKCE challenge, or empty when none was sent
     * @param expiresAt epoch millis
     */
    record AuthorizationCode(String clientId, String redirectUri, String codeChallenge, long expiresAt) {
    }

}

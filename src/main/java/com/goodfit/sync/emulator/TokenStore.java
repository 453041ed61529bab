package com.goodfit.sync.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the emulator has issued, with their generation and expiry time, and the refresh tokens it still
 * honours. Thread-safe.
 */
final class TokenStore {

    private final SecureRandom random = new SecureRandom();

    private final String orgId15;

    private final EmulatorControl control;

    private final Map<String, long[]> accessTokens = new ConcurrentHashMap<>();

    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();

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

    boolean isValid(String token) {
        long[] times = this.accessTokens.get(token);
        if (times == null) {
            return false;
        }
        return System.currentTimeMillis() < times[1] && times[0] == this.control.tokenGeneration();
    }

    void revoke(String token) {
        this.accessTokens.remove(token);
        this.refreshTokens.computeIfPresent(token, (k, v) -> Boolean.FALSE);
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

}

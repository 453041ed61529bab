package com.goodfit.sync.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One connect attempt's secrets of the web-server flow: the PKCE verifier and its S256 challenge (RFC 7636), and the
 * {@code state} the callback must echo. {@code toString()} masks the verifier.
 *
 * @param verifier 43 base64url characters from 32 random bytes
 * @param challenge base64url (no padding) of the verifier's SHA-256
 * @param state an unguessable value tying the callback to this attempt
 */
record Pkce(String verifier, String challenge, String state) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Pkce create() {
        String verifier = randomToken();
        return new Pkce(verifier, challengeOf(verifier), randomToken());
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }

    /** Compares in constant time, so the state cannot be guessed by timing. */
    boolean stateMatches(String received) {
        return MessageDigest.isEqual(this.state.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[verifier=****, challenge=" + this.challenge + "]";
    }

}

package com.goodfit.sync.emulator;

import java.util.function.Supplier;

/**
 * The connected-app and user credentials a running emulator accepts, plus {@link #accessToken()} to mint a
 * ready-to-use token without an OAuth round trip (no call counted).
 */
public final class EmulatorCredentials {

    private final String clientId;

    private final String clientSecret;

    private final String username;

    private final String password;

    private final String refreshToken;

    private final Supplier<String> minter;

    EmulatorCredentials(String clientId, String clientSecret, String username, String password, String refreshToken,
            Supplier<String> minter) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.username = username;
        this.password = password;
        this.refreshToken = refreshToken;
        this.minter = minter;
    }

    /** The connected app's consumer key. */
    public String clientId() {
        return this.clientId;
    }

    /** The connected app's consumer secret. */
    public String clientSecret() {
        return this.clientSecret;
    }

    /** The integration user's username (the JWT {@code sub}). */
    public String username() {
        return this.username;
    }

    /** The integration user's password for the username-password grant. */
    public String password() {
        return this.password;
    }

    /** A refresh token valid for the refresh_token grant until revoked. */
    public String refreshToken() {
        return this.refreshToken;
    }

    /** Mints a new valid access token. */
    public String accessToken() {
        return this.minter.get();
    }

    @Override
    public String toString() {
        return "EmulatorCredentials[clientId=" + this.clientId + ", username=" + this.username + "]";
    }

}

package com.goodfit.sync.mapping;

/**
 * The OAuth 2.0 grant a job uses to get an access token; its secrets come from environment variables.
 */
public enum AuthGrant {

    /** A stored refresh token, from the web-server flow. */
    REFRESH_TOKEN,

    /** A JWT signed with the connected app's private key (headless servers). */
    JWT_BEARER,

    /** The connected app's client id and secret, run as its integration user (My Domain only). */
    CLIENT_CREDENTIALS;

}

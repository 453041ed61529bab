package com.goodfit.sync.mapping;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * How a job reaches its org. Holds no secrets: those are read from environment variables named with
 * {@code credentialsEnvPrefix} ({@code <prefix>CLIENT_ID}, {@code <prefix>CLIENT_SECRET},
 * {@code <prefix>REFRESH_TOKEN}, {@code <prefix>JWT_KEY_FILE}).
 *
 * @param environment production, sandbox, my-domain or the in-process emulator
 * @param loginUrl the My Domain URL; only for {@code my-domain}
 * @param apiVersion the REST API version, e.g. {@code 62.0}
 * @param auth the OAuth grant
 * @param username the integration user, for the JWT bearer grant
 * @param credentialsEnvPrefix the prefix of the environment variables holding the secrets
 */
public record SalesforceSettings(SalesforceEnvironment environment, @Nullable URI loginUrl, String apiVersion,
        AuthGrant auth, @Nullable String username, String credentialsEnvPrefix) {

}

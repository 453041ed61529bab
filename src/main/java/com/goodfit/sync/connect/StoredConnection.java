package com.goodfit.sync.connect;

import java.net.URI;
import java.time.Instant;

import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * What {@code connect} stored for a job, apart from its secrets: safe to print.
 *
 * @param jobName the job's name
 * @param environment where the org lives
 * @param loginUrl the login host tokens are requested from
 * @param instanceUrl the org's instance, from the token response
 * @param auth refresh-token (web-server flow) or jwt-bearer
 * @param clientId the connected app's consumer key
 * @param username the Salesforce user the connection acts as
 * @param userId that user's Id, when known
 * @param orgId the org's Id, when known
 * @param keyFile the JWT private key's path, when the key itself is not stored
 * @param connectedAt when it was stored
 */
record StoredConnection(String jobName, SalesforceEnvironment environment, URI loginUrl, URI instanceUrl,
        AuthGrant auth, String clientId, String username, @Nullable String userId, @Nullable String orgId,
        @Nullable String keyFile, Instant connectedAt) {

}

package com.goodfit.sync.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.salesforce.OAuthGrant;
import com.goodfit.sync.salesforce.OrgConnection;

import org.springframework.stereotype.Component;

/**
 * Turns a job's stored connection into an {@link OrgConnection}, decrypting its secrets. Used by the job runner
 * before it falls back to environment variables.
 */
@Component
public class StoredOrgConnections {

    private final ConnectionStore store;

    StoredOrgConnections(ConnectionStore store) {
        this.store = store;
    }

    /**
     * The stored connection of a job, ready to use.
     * @param jobName the job's name
     * @param apiVersion the REST API version the job uses
     * @return the connection, or empty when {@code connect} stored none for this job
     * @throws CredentialsException when it exists but cannot be decrypted
     */
    public Optional<OrgConnection> resolve(String jobName, String apiVersion) {
        return this.store.find(jobName).map(stored -> toOrgConnection(stored, apiVersion));
    }

    private OrgConnection toOrgConnection(StoredConnection stored, String apiVersion) {
        StoredSecrets secrets = this.store.secrets(stored);
        OAuthGrant grant;
        if (stored.auth() == AuthGrant.JWT_BEARER) {
            Path key = (secrets.privateKeyPem() != null) ? privateKeyFile(secrets.privateKeyPem())
                    : Path.of(requireNonNull(stored.keyFile(), stored, "key file"));
            grant = new OAuthGrant.JwtBearer(stored.clientId(), stored.username(), key);
        }
        else {
            grant = new OAuthGrant.RefreshToken(stored.clientId(),
                    requireNonNull(secrets.clientSecret(), stored, "client secret"),
                    requireNonNull(secrets.refreshToken(), stored, "refresh token"));
        }
        return new OrgConnection(stored.loginUrl(), apiVersion, grant);
    }

    /**
     * The JWT signer reads its key from a file, so a stored key is written to a file only this user can read, for
     * the life of this process.
     */
    private static Path privateKeyFile(String pem) {
        try {
            Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("goodfit-jwt-", ".pem",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("goodfit-jwt-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the stored JWT key to a temporary file", ex);
        }
    }

    private static String requireNonNull(String value, StoredConnection stored, String what) {
        if (value == null) {
            throw new CredentialsException("the stored connection of job '" + stored.jobName() + "' has no " + what
                    + ": run 'goodfit-sync connect " + stored.jobName() + "' again");
        }
        return value;
    }

}

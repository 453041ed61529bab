package com.goodfit.sync.connect;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.YamlEnum;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code sf_connection} table: one connection per job, its secrets encrypted by {@link CredentialCipher}.
 * Listing needs no key; reading secrets does.
 */
@Repository
class ConnectionStore {

    private static final String COLUMNS = "job_name, environment, login_url, instance_url, auth, client_id, username, "
            + "user_id, org_id, key_file, connected_at";

    private final JdbcTemplate jdbc;

    private final CredentialCipher cipher;

    ConnectionStore(JdbcTemplate jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores (or replaces) a job's connection; the secrets are encrypted first, so a key problem stores nothing. */
    @Transactional
    void save(StoredConnection connection, StoredSecrets secrets) {
        String encrypted = this.cipher.encrypt(connection.jobName(), secrets.toMap());
        this.jdbc.update("DELETE FROM sf_connection WHERE job_name = ?", connection.jobName());
        this.jdbc.update("INSERT INTO sf_connection (" + COLUMNS + ", secrets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?)", connection.jobName(), YamlEnum.nameOf(connection.environment()),
                connection.loginUrl().toString(), connection.instanceUrl().toString(),
                YamlEnum.nameOf(connection.auth()), connection.clientId(), connection.username(), connection.userId(),
                connection.orgId(), connection.keyFile(), Timestamp.from(connection.connectedAt()), encrypted);
    }

    /**
     * A job's stored connection, without its secrets.
     * @param jobName the job's name
     * @return the connection, if {@code connect} stored one
     */
    Optional<StoredConnection> find(String jobName) {
        return this.jdbc.query("SELECT " + COLUMNS + " FROM sf_connection WHERE job_name = ?", ConnectionStore::row,
                jobName).stream().findFirst();
    }

    List<StoredConnection> list() {
        return this.jdbc.query("SELECT " + COLUMNS + " FROM sf_connection ORDER BY job_name", ConnectionStore::row);
    }

    StoredSecrets secrets(StoredConnection connection) {
        String stored = this.jdbc.queryForObject("SELECT secrets FROM sf_connection WHERE job_name = ?", String.class,
                connection.jobName());
        return StoredSecrets.of(this.cipher.decrypt(connection.jobName(), stored));
    }

    boolean delete(String jobName) {
        return this.jdbc.update("DELETE FROM sf_connection WHERE job_name = ?", jobName) > 0;
    }

    private static StoredConnection row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredConnection(rs.getString("job_name"),
                enumOf(SalesforceEnvironment.class, rs.getString("environment")), URI.create(rs.getString("login_url")),
                URI.create(rs.getString("instance_url")), enumOf(AuthGrant.class, rs.getString("auth")),
                rs.getString("client_id"), rs.getString("username"), rs.getString("user_id"), rs.getString("org_id"),
                rs.getString("key_file"), rs.getTimestamp("connected_at").toInstant());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

}

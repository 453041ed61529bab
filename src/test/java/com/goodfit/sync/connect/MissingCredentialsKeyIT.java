package com.goodfit.sync.connect;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.goodfit.sync.admin.GoodfitCommandLine;
import com.goodfit.sync.mapping.AuthGrant;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process without {@code GOODFIT_CREDENTIALS_KEY} (the default test context has none) meets a stored connection:
 * runs stop with a one-line error before any call, listing still works.
 */
@PostgresIntegrationTest
class MissingCredentialsKeyIT {

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        this.jdbc.update("DELETE FROM sf_connection");
    }

    @Test
    void aRunOfAConnectedJobNeedsTheKey() throws Exception {
        ConnectionStore keyed = new ConnectionStore(this.jdbc,
                CredentialCipherTests.cipherWith(CredentialCipherTests.newKey()));
        keyed.save(new StoredConnection("keyless-it", SalesforceEnvironment.PRODUCTION,
                URI.create("https://login.salesforce.com"), URI.create("https://acme.my.salesforce.com"),
                AuthGrant.REFRESH_TOKEN, "3MVG9key", "integration@acme.com", null, null, null, Instant.now()),
                new StoredSecrets("secret", "5Aep861-refresh", null));
        Path job = Files.writeString(this.dir.resolve("keyless-it.yml"), """
                salesforce:
                  environment: production
                  api-version: "62.0"
                accounts:
                  mappings:
                    - source: domain
                      targets: [ Website ]
                    - source: name
                      targets: [ Name ]
                """);

        CommandRun run = CommandRun.of(this.commandLine, "run", job.toString());
        CommandRun list = CommandRun.of(this.commandLine, "connections");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: GOODFIT_CREDENTIALS_KEY is not set: stored credentials are encrypted "
                + "with it; generate one with 'openssl rand -base64 32' and keep it with your other secrets"
                + System.lineSeparator());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("keyless-it", "production", "https://acme.my.salesforce.com",
                "integration@acme.com");
    }

}

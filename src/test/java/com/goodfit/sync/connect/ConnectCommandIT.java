package com.goodfit.sync.connect;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import com.goodfit.sync.admin.GoodfitCommandLine;
import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.ConnectionResolver;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.salesforce.OAuthGrant;
import com.goodfit.sync.salesforce.OrgConnection;
import com.goodfit.sync.salesforce.SalesforceAuthException;
import com.goodfit.sync.salesforce.SalesforceClientFactory;
import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.EmulatorOrgExtension;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The connect commands end to end: the real command tree, PostgreSQL, and the emulator as Salesforce (its
 * authorisation endpoint auto-approves, or denies when told), with a simulated browser.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { "GOODFIT_CONNECT_IT_CLIENT_ID=" + ConnectCommandIT.CLIENT_ID,
        "GOODFIT_CONNECT_IT_CLIENT_SECRET=" + ConnectCommandIT.CLIENT_SECRET,
        "GOODFIT_CONNECT_IT_REFRESH_TOKEN=from-the-environment", "GOODFIT_EMULATOR_URL=http://127.0.0.1:9",
        "GOODFIT_CREDENTIALS_KEY=" + ConnectCommandIT.KEY })
class ConnectCommandIT {

    static final String CLIENT_ID = "3MVG9emulator.goodfit.sync.client.id";

    static final String CLIENT_SECRET = "EMULATOR-SECRET-0001";

    static final String KEY = "q0H7p2yQk3jV9Xb6Zr1sT4uW8eA5cD0fG2hJ7kL9mNo=";

    private static final String JOB = "connect-it";

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StoredOrgConnections storedConnections;

    @Autowired
    ConnectionResolver resolver;

    @Autowired
    SyncLauncher launcher;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    SalesforceClientFactory clientFactory;

    @TempDir
    Path dir;

    SalesforceEmulator emulator;

    Path jobFile;

    @BeforeEach
    void setUp() throws Exception {
        this.jdbc.update("DELETE FROM sf_connection");
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults());
        assertThat(this.emulator.credentials().clientId()).isEqualTo(CLIENT_ID);
        assertThat(this.emulator.credentials().clientSecret()).isEqualTo(CLIENT_SECRET);
        this.jobFile = Files.writeString(this.dir.resolve(JOB + ".yml"), """
                salesforce:
                  environment: emulator
                  api-version: "62.0"
                accounts:
                  mappings:
                    - source: domain
                      targets: [ Website ]
                    - source: name
                      targets: [ Name ]
                """);
    }

    @AfterEach
    void tearDown() {
        this.localOrgs.clear();
        this.emulator.close();
        this.jdbc.update("DELETE FROM sf_connection");
    }

    @Test
    void connectsInTheBrowserStoresEncryptedAndJobsUseIt() throws Exception {
        BrowserSimulation browser = connect();

        assertThat(browser.approveIn(location -> location)).isEqualTo(200);
        CommandRun run = browser.finish();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("/services/oauth2/authorize?response_type=code")
            .contains("code_challenge_method=S256")
            .contains("Connected job 'connect-it' to " + this.emulator.url() + " as integration@goodfit.example");
        Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM sf_connection WHERE job_name = ?", JOB);
        assertThat(row).containsEntry("environment", "emulator")
            .containsEntry("auth", "refresh-token")
            .containsEntry("instance_url", this.emulator.url().toString())
            .containsEntry("username", "integration@goodfit.example")
            .containsEntry("user_id", this.emulator.org().userId());
        assertThat((String) row.get("secrets")).startsWith("eyJ").doesNotContain(CLIENT_SECRET).doesNotContain("5Aep");

        CommandRun list = CommandRun.of(this.commandLine, "connections");
        assertThat(list.out()).contains(JOB, "emulator", "refresh-token", this.emulator.url().toString(),
                "integration@goodfit.example", "UTC").doesNotContain(CLIENT_SECRET);

        OrgConnection stored = this.resolver.resolve(this.launcher.definition(this.jobFile));
        assertThat(stored.loginUrl()).isEqualTo(this.emulator.url());
        assertThat(stored.grant()).isInstanceOf(OAuthGrant.RefreshToken.class);
        assertThat(this.clientFactory.connect(stored).describe().describe("Account").name()).isEqualTo("Account");

        CommandRun disconnect = CommandRun.of(this.commandLine, "disconnect", JOB);
        assertThat(disconnect.exitCode()).as(disconnect.err()).isZero();
        assertThat(disconnect.out()).contains("refresh token revoked");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_connection", Integer.class)).isZero();
        assertThatExceptionOfType(SalesforceAuthException.class)
            .isThrownBy(() -> this.clientFactory.connect(stored).describe().describe("Account"))
            .withMessageContaining("invalid_grant");
    }

    @Test
    void aStoredConnectionWinsOverEnvironmentVariablesButNotOverAnOrgThisProcessStarted() throws Exception {
        OrgConnection fromEnvironment = this.resolver.resolve(this.launcher.definition(this.jobFile));
        assertThat(fromEnvironment.loginUrl()).hasToString("http://127.0.0.1:9");
        assertThat(((OAuthGrant.RefreshToken) fromEnvironment.grant()).refreshToken()).isEqualTo("from-the-environment");
        BrowserSimulation browser = connect();
        browser.approveIn(location -> location);
        assertThat(browser.finish().exitCode()).isZero();

        assertThat(this.resolver.resolve(this.launcher.definition(this.jobFile)).loginUrl())
            .isEqualTo(this.emulator.url());
        try (SalesforceEmulator inProcess = EmulatorOrgExtension.start(this.localOrgs)) {
            assertThat(this.resolver.resolve(this.launcher.definition(this.jobFile)).loginUrl())
                .as("a demo or benchmark org never gives way to a stored one")
                .isEqualTo(inProcess.url());
        }
    }

    @Test
    void denialStoresNothing() throws Exception {
        this.emulator.control().denyAuthorization(true);
        BrowserSimulation browser = connect();

        browser.approveIn(location -> location);
        CommandRun run = browser.finish();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Salesforce answered access_denied (end-user denied authorization)")
            .contains("Nothing was stored");
        assertNothingStored();
    }

    @Test
    void aForeignStateStoresNothingAndSpendsNoCode() throws Exception {
        BrowserSimulation browser = connect();

        browser.approveIn(location -> location.replaceFirst("state=[^&]+", "state=forged"));
        CommandRun run = browser.finish();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("state does not match this connect attempt");
        assertThat(this.emulator.calls().get("auth")).as("only the authorize call, no exchange").isEqualTo(1);
        assertNothingStored();
    }

    @Test
    void aFailedExchangeStoresNothing() throws Exception {
        BrowserSimulation browser = connect();

        browser.approveIn(location -> location.replaceFirst("code=[^&]+", "code=aPrxNotIssued"));
        CommandRun run = browser.finish();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("exchanging the authorisation code failed")
            .contains("invalid_grant")
            .contains("Nothing was stored");
        assertNothingStored();
    }

    @Test
    void noCallbackInTimeStoresNothing() {
        CommandRun run = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--login-url",
                this.emulator.url().toString(), "--callback-port", "0", "--timeout", "1s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no callback from the browser within 1s").contains("Nothing was stored");
        assertNothingStored();
    }

    @Test
    void productionAndSandboxSendTheBrowserToTheirOwnLoginHosts() {
        CommandRun production = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--environment",
                "production", "--callback-port", "0", "--timeout", "1s");
        CommandRun sandbox = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--environment",
                "sandbox", "--callback-port", "0", "--timeout", "1s");

        assertThat(production.out()).containsPattern("\\n  https://login\\.salesforce\\.com/services/oauth2/authorize"
                + "\\?response_type=code&client_id=3MVG9emulator[^\\n]*&redirect_uri=http://localhost:\\d+/OauthRedirect"
                + "&state=[\\w-]{43}&code_challenge=[\\w-]{43}&code_challenge_method=S256");
        assertThat(sandbox.out()).contains("  https://test.salesforce.com/services/oauth2/authorize?response_type=code");
        assertThat(sandbox.err()).contains("no callback from the browser within 1s");
        assertNothingStored();
    }

    @Test
    void aConnectionThatCannotBeRevokedIsKeptUnlessForced() throws Exception {
        BrowserSimulation browser = connect();
        browser.approveIn(location -> location);
        assertThat(browser.finish().exitCode()).isZero();
        this.emulator.close();

        CommandRun kept = CommandRun.of(this.commandLine, "disconnect", JOB);

        assertThat(kept.exitCode()).isEqualTo(3);
        assertThat(kept.err()).contains("could not revoke the connection of job 'connect-it'")
            .contains("It is still stored");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_connection", Integer.class)).isOne();

        CommandRun forced = CommandRun.of(this.commandLine, "disconnect", JOB, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("NOT revoked").contains("stored connection deleted");
        assertNothingStored();
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults());
    }

    @Test
    void jwtConnectionStoresSettingsAndTheKeyOnlyWhenAsked() throws Exception {
        Path key = rsaKeyFile();
        CommandRun run = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--jwt", "--key",
                key.toString(), "--username", "integration@goodfit.example", "--login-url",
                this.emulator.url().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM sf_connection WHERE job_name = ?", JOB);
        assertThat(row).containsEntry("auth", "jwt-bearer").containsEntry("key_file", key.toAbsolutePath().toString());
        OrgConnection stored = this.resolver.resolve(this.launcher.definition(this.jobFile));
        assertThat(((OAuthGrant.JwtBearer) stored.grant()).privateKeyPem()).isEqualTo(key.toAbsolutePath());
        assertThat(this.clientFactory.connect(stored).describe().describe("Contact").name()).isEqualTo("Contact");

        CommandRun storing = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--jwt", "--key",
                key.toString(), "--username", "integration@goodfit.example", "--login-url",
                this.emulator.url().toString(), "--store-key");
        assertThat(storing.exitCode()).as(storing.err()).isZero();
        assertThat(this.jdbc.queryForObject("SELECT key_file FROM sf_connection", String.class)).isNull();
        Files.delete(key);
        OrgConnection withStoredKey = this.resolver.resolve(this.launcher.definition(this.jobFile));
        assertThat(this.clientFactory.connect(withStoredKey).describe().describe("Account").name())
            .isEqualTo("Account");

        CommandRun disconnect = CommandRun.of(this.commandLine, "disconnect", JOB);
        assertThat(disconnect.out()).contains("nothing to revoke for a JWT bearer connection");
        assertNothingStored();
    }

    @Test
    void anUntrustedJwtKeyStoresNothing() throws Exception {
        Path key = rsaKeyFile();
        this.emulator.close();
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults());

        CommandRun run = CommandRun.of(this.commandLine, "connect", this.jobFile.toString(), "--jwt", "--key",
                key.toString(), "--username", "integration@goodfit.example", "--login-url",
                this.emulator.url().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Salesforce refused the JWT bearer token").contains("Nothing was stored");
        assertNothingStored();
    }

    @Test
    void aWrongKeyIsAClearErrorAndListingStillWorks() throws Exception {
        BrowserSimulation browser = connect();
        browser.approveIn(location -> location);
        assertThat(browser.finish().exitCode()).isZero();
        ConnectionStore otherKey = new ConnectionStore(this.jdbc,
                CredentialCipherTests.cipherWith(CredentialCipherTests.newKey()));

        assertThatExceptionOfType(CredentialsException.class)
            .isThrownBy(() -> new StoredOrgConnections(otherKey).resolve(JOB, "62.0"))
            .withMessageContaining("GOODFIT_CREDENTIALS_KEY is not the key they were stored with");
        assertThat(otherKey.list()).extracting(StoredConnection::jobName).containsExactly(JOB);
    }

    @Test
    void unknownJobAndMissingConnectionAreOneLineErrors() {
        CommandRun connect = CommandRun.of(this.commandLine, "connect", "no-such-job");
        assertThat(connect.exitCode()).isEqualTo(2);
        assertThat(connect.err()).contains("no job 'no-such-job': expected jobs/no-such-job.yml");

        CommandRun disconnect = CommandRun.of(this.commandLine, "disconnect", JOB);
        assertThat(disconnect.exitCode()).isEqualTo(2);
        assertThat(disconnect.err()).contains("job 'connect-it' has no stored connection");
    }

    private BrowserSimulation connect() {
        return BrowserSimulation.start(this.commandLine, "connect", this.jobFile.toString(), "--login-url",
                this.emulator.url().toString(), "--callback-port", "0", "--timeout", "30s");
    }

    private void assertNothingStored() {
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sf_connection", Integer.class)).isZero();
    }

    private Path rsaKeyFile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        this.emulator.control().trustJwtKey(keys.getPublic());
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return Files.writeString(this.dir.resolve("server.key"),
                "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

}

package com.goodfit.sync.salesforce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.goodfit.sync.emulator.EmulatorCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every OAuth grant against the emulator, success and failure, session expiry, and that no secret leaks.
 */
@ExtendWith(OutputCaptureExtension.class)
class SalesforceAuthContractTests {

    private EmulatorOrgFixture fixture;

    private EmulatorCredentials credentials;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        this.fixture = EmulatorOrgFixture.start();
        this.credentials = this.fixture.emulator.credentials();
    }

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void refreshTokenGrantReachesTheOrg() {
        assertThat(this.fixture.clients.query().count("SELECT COUNT() FROM Account")).isZero();
        assertThat(this.fixture.clients.usage().calls(CallKind.AUTH)).isEqualTo(1);
        assertThat(this.fixture.emulator.calls().get("auth")).isEqualTo(1);
    }

    @Test
    void badRefreshTokenFailsNamingGrantAndErrorButNotTheSecret(CapturedOutput output) {
        SalesforceClients clients = this.fixture.connect(new OAuthGrant.RefreshToken(this.credentials.clientId(),
                this.credentials.clientSecret(), "5Aep-revoked-refresh-token"), EmulatorOrgFixture.testProperties());
        assertThatExceptionOfType(SalesforceAuthException.class)
            .isThrownBy(() -> clients.query().count("SELECT COUNT() FROM Account"))
            .withMessageContaining("refresh_token")
            .withMessageContaining("invalid_grant")
            .withMessageContaining("expired access/refresh token")
            .withMessageNotContaining("5Aep-revoked-refresh-token")
            .withMessageNotContaining(this.credentials.clientSecret())
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("invalid_grant"));
        assertThat(output).doesNotContain("5Aep-revoked-refresh-token").doesNotContain(this.credentials.clientSecret());
    }

    @Test
    void badClientSecretFailsForClientCredentials(CapturedOutput output) {
        SalesforceClients clients = this.fixture.connect(
                new OAuthGrant.ClientCredentials(this.credentials.clientId(), "wrong-secret-xyz"),
                EmulatorOrgFixture.testProperties());
        assertThatExceptionOfType(SalesforceAuthException.class).isThrownBy(() -> clients.limits().limits())
            .withMessageContaining("client_credentials")
            .withMessageContaining("invalid_client")
            .withMessageNotContaining("wrong-secret-xyz");
        assertThat(output).doesNotContain("wrong-secret-xyz");
    }

    @Test
    void clientCredentialsGrantReachesTheOrg() {
        SalesforceClients clients = this.fixture.connect(
                new OAuthGrant.ClientCredentials(this.credentials.clientId(), this.credentials.clientSecret()),
                EmulatorOrgFixture.testProperties());
        assertThat(clients.limits().limits().dailyApiRequests()).isPresent();
    }

    @Test
    void jwtBearerGrantSignsWithAPkcs8PemKey() throws Exception {
        KeyPair keys = rsaKeyPair();
        this.fixture.emulator.control().trustJwtKey(keys.getPublic());
        SalesforceClients clients = this.fixture.connect(new OAuthGrant.JwtBearer(this.credentials.clientId(),
                this.credentials.username(), writePem(keys)), EmulatorOrgFixture.testProperties());
        assertThat(clients.query().count("SELECT COUNT() FROM Contact")).isZero();
    }

    @Test
    void jwtBearerGrantFailsWithAnUntrustedKey() throws Exception {
        this.fixture.emulator.control().trustJwtKey(rsaKeyPair().getPublic());
        SalesforceClients clients = this.fixture.connect(new OAuthGrant.JwtBearer(this.credentials.clientId(),
                this.credentials.username(), writePem(rsaKeyPair())), EmulatorOrgFixture.testProperties());
        assertThatExceptionOfType(SalesforceAuthException.class).isThrownBy(() -> clients.limits().limits())
            .withMessageContaining("jwt-bearer")
            .withMessageContaining("invalid_grant");
    }

    @Test
    void jwtBearerGrantFailsForAnUnknownUser() throws Exception {
        KeyPair keys = rsaKeyPair();
        this.fixture.emulator.control().trustJwtKey(keys.getPublic());
        SalesforceClients clients = this.fixture.connect(
                new OAuthGrant.JwtBearer(this.credentials.clientId(), "nobody@example.com", writePem(keys)),
                EmulatorOrgFixture.testProperties());
        assertThatExceptionOfType(SalesforceAuthException.class).isThrownBy(() -> clients.limits().limits())
            .withMessageContaining("invalid_grant");
    }

    @Test
    void expiredSessionIsRefreshedTransparentlyAndCountedOnce() {
        SalesforceClients clients = this.fixture.clients;
        clients.query().count("SELECT COUNT() FROM Account");
        this.fixture.emulator.control().expireAllTokens();
        clients.query().count("SELECT COUNT() FROM Account");
        clients.query().count("SELECT COUNT() FROM Account");
        assertThat(clients.usage().calls(CallKind.AUTH)).isEqualTo(2);
        assertThat(this.fixture.emulator.calls().get("auth")).isEqualTo(2);
        // the rejected call, its repeat, and the two others
        assertThat(clients.usage().calls(CallKind.QUERY)).isEqualTo(4);
    }

    @Test
    void expiryDuringAPagedQueryIsRefreshedTransparently() {
        for (int i = 0; i < 450; i++) {
            this.fixture.emulator.org().insert("Account", java.util.Map.of("Name", "Acme " + i));
        }
        SalesforceClients clients = this.fixture.clients;
        java.util.Iterator<QueryPage> pages = clients.query()
            .pages(SoqlQuery.of("SELECT Id FROM Account").withBatchSize(200))
            .iterator();
        long seen = pages.next().records().size();
        this.fixture.emulator.control().expireAllTokens();
        while (pages.hasNext()) {
            seen += pages.next().records().size();
        }
        assertThat(seen).isEqualTo(450);
        assertThat(clients.usage().calls(CallKind.AUTH)).isEqualTo(2);
    }

    @Test
    void secretsNeverAppearInLogsOrToString(CapturedOutput output) {
        Logger ours = (Logger) LoggerFactory.getLogger("com.goodfit.sync.salesforce");
        Logger spring = (Logger) LoggerFactory.getLogger("org.springframework.web");
        Level oursBefore = ours.getLevel();
        Level springBefore = spring.getLevel();
        ours.setLevel(Level.DEBUG);
        spring.setLevel(Level.TRACE);
        try {
            exerciseAuthPaths(output);
        }
        finally {
            ours.setLevel(oursBefore);
            spring.setLevel(springBefore);
        }
    }

    private void exerciseAuthPaths(CapturedOutput output) {
        SalesforceClients clients = this.fixture.clients;
        clients.query().count("SELECT COUNT() FROM Account");
        this.fixture.emulator.control().expireAllTokens();
        clients.limits().limits();
        this.fixture.emulator.control().failNextCalls(1,
                com.goodfit.sync.emulator.FailureKind.SERVER_UNAVAILABLE_503);
        clients.limits().limits();
        assertThat(clients.connection().toString()).doesNotContain(this.credentials.clientSecret())
            .doesNotContain(this.credentials.refreshToken());
        assertThat(output).doesNotContain(this.credentials.clientSecret())
            .doesNotContain(this.credentials.refreshToken())
            .doesNotContainPattern("Bearer [A-Za-z0-9]")
            .contains("Retrying Salesforce call")
            .contains("Access token rejected");
    }

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private Path writePem(KeyPair keys) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        Path file = Files.createTempFile(this.dir, "jwt", ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

}

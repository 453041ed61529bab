package com.goodfit.sync.salesforce;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgConnectionTests {

    private static final OAuthGrant REFRESH = new OAuthGrant.RefreshToken("client", "s3cret-value", "r3fresh-value");

    @Test
    void acceptsHttpsHosts() {
        assertThat(new OrgConnection(OrgConnection.PRODUCTION, "62.0", REFRESH).tokenBase())
            .isEqualTo("https://login.salesforce.com");
        new OrgConnection(URI.create("https://acme.my.salesforce.com/"), "60.0", REFRESH);
    }

    @Test
    void refusesPlainHttpToNonLoopbackHosts() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new OrgConnection(URI.create("http://login.salesforce.com"), "62.0", REFRESH))
            .withMessageContaining("plain http://")
            .withMessageContaining("loopback");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new OrgConnection(URI.create("http://10.0.0.5:8080"), "62.0", REFRESH));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new OrgConnection(URI.create("http://127.example.com"), "62.0", REFRESH));
    }

    @Test
    void allowsPlainHttpToLoopback() {
        new OrgConnection(URI.create("http://127.0.0.1:8080"), "62.0", REFRESH);
        new OrgConnection(URI.create("http://127.1.2.3:8080"), "62.0", REFRESH);
        new OrgConnection(URI.create("http://localhost:8080"), "62.0", REFRESH);
        new OrgConnection(URI.create("http://[::1]:8080"), "62.0", REFRESH);
    }

    @Test
    void refusesInstanceUrlOverPlainHttp() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new AccessToken("token", URI.create("http://na1.salesforce.com")))
            .withMessageContaining("instance_url");
    }

    @Test
    void refusesMalformedApiVersion() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new OrgConnection(OrgConnection.PRODUCTION, "v62", REFRESH));
    }

    @Test
    void refusesClientCredentialsOnLoginHosts() {
        OAuthGrant grant = new OAuthGrant.ClientCredentials("client", "secret");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new OrgConnection(OrgConnection.SANDBOX, "62.0", grant))
            .withMessageContaining("My Domain");
        new OrgConnection(URI.create("https://acme.my.salesforce.com"), "62.0", grant);
    }

    @Test
    void derivesJwtAudienceFromLoginHost() {
        OAuthGrant jwt = new OAuthGrant.JwtBearer("client", "user@acme.com", Path.of("key.pem"));
        assertThat(new OrgConnection(OrgConnection.PRODUCTION, "62.0", jwt).jwtAudience())
            .isEqualTo("https://login.salesforce.com");
        assertThat(new OrgConnection(URI.create("https://acme.my.salesforce.com"), "62.0", jwt).jwtAudience())
            .isEqualTo("https://login.salesforce.com");
        assertThat(new OrgConnection(OrgConnection.SANDBOX, "62.0", jwt).jwtAudience())
            .isEqualTo("https://test.salesforce.com");
        assertThat(new OrgConnection(URI.create("https://acme--uat.sandbox.my.salesforce.com"), "62.0", jwt)
            .jwtAudience()).isEqualTo("https://test.salesforce.com");
    }

    @Test
    void masksSecretsInToString() {
        OrgConnection connection = new OrgConnection(OrgConnection.PRODUCTION, "62.0", REFRESH);
        assertThat(connection.toString()).doesNotContain("s3cret-value").doesNotContain("r3fresh-value")
            .contains("client");
        assertThat(new OAuthGrant.ClientCredentials("client", "s3cret-value").toString())
            .doesNotContain("s3cret-value");
        assertThat(new AccessToken("00Dtoken-value", URI.create("https://na1.salesforce.com")).toString())
            .doesNotContain("00Dtoken-value");
    }

    @Test
    void namesEachLoginEnvironment() {
        assertThat(OrgConnection.production("62.0", REFRESH).loginUrl()).isEqualTo(OrgConnection.PRODUCTION);
        assertThat(OrgConnection.sandbox("62.0", REFRESH).loginUrl()).isEqualTo(OrgConnection.SANDBOX);
        assertThat(OrgConnection.myDomain(URI.create("https://acme.my.salesforce.com"), "62.0", REFRESH).loginUrl())
            .hasHost("acme.my.salesforce.com");
        assertThat(OrgConnection.emulator(URI.create("http://127.0.0.1:8089"), "62.0", REFRESH).tokenBase())
            .isEqualTo("http://127.0.0.1:8089");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> OrgConnection.emulator(URI.create("https://acme.my.salesforce.com"), "62.0", REFRESH));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> OrgConnection.myDomain(URI.create("http://localhost:8080"), "62.0", REFRESH));
    }

}

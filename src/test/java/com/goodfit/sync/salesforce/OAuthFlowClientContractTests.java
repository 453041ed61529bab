package com.goodfit.sync.salesforce;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OAuthFlowClientContractTests {

    private static final URI REDIRECT = URI.create("http://localhost:1717/OauthRedirect");

    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    private EmulatorOrgFixture fixture;

    private OAuthFlowClient client;

    @BeforeEach
    void start() {
        this.fixture = EmulatorOrgFixture.start();
        this.client = new OAuthFlowClient(EmulatorOrgFixture.testProperties());
    }

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void authorizationUrlCarriesThePkceChallengeAndState() {
        URI url = this.client.authorizationUrl(OrgConnection.SANDBOX, "key", REDIRECT, "st", "ch");

        assertThat(url.toString()).startsWith("https://test.salesforce.com/services/oauth2/authorize?")
            .contains("response_type=code", "client_id=key", "redirect_uri=http://localhost:1717/OauthRedirect",
                    "state=st", "code_challenge=ch", "code_challenge_method=S256", "scope=api%20refresh_token");
    }

    @Test
    void exchangesACodeAndReadsWhoApproved() throws Exception {
        TokenResponse tokens = this.client.exchangeCode(this.fixture.emulator.url(), clientId(), secret(), code(),
                REDIRECT, VERIFIER);

        assertThat(tokens.refreshToken()).isNotNull();
        assertThat(tokens.instanceUrl()).isEqualTo(this.fixture.emulator.url());
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(this.client.identity(tokens)).isEqualTo(new OrgIdentity(this.fixture.emulator.org().userId(),
                this.fixture.emulator.org().orgId(), "integration@goodfit.example"));
        assertThat(this.fixture.clients.identity().current()).isEqualTo(this.client.identity(tokens));
    }

    @Test
    void aWrongVerifierIsAnAuthFailureAndRevokingTwiceIsInvalidToken() throws Exception {
        assertThatExceptionOfType(SalesforceAuthException.class)
            .isThrownBy(() -> this.client.exchangeCode(this.fixture.emulator.url(), clientId(), secret(), code(),
                    REDIRECT, "wrong-verifier-wrong-verifier-wrong-verifier-00"))
            .satisfies(ex -> assertThat(ex.errorCode()).isEqualTo("invalid_request"));

        TokenResponse tokens = this.client.exchangeCode(this.fixture.emulator.url(), clientId(), secret(), code(),
                REDIRECT, VERIFIER);
        this.client.revoke(this.fixture.emulator.url(), tokens.refreshToken());
        assertThatExceptionOfType(SalesforceAuthException.class)
            .isThrownBy(() -> this.client.revoke(this.fixture.emulator.url(), tokens.refreshToken()))
            .satisfies(ex -> assertThat(ex.errorCode()).isEqualTo("invalid_token"))
            .withMessageNotContaining(tokens.refreshToken());
    }

    @Test
    void anUnreachableHostIsTransient() {
        URI closed = this.fixture.emulator.url();
        this.fixture.emulator.close();

        assertThatExceptionOfType(SalesforceTransientException.class)
            .isThrownBy(() -> this.client.revoke(closed, "token"));
    }

    private String code() throws Exception {
        URI authorize = this.client.authorizationUrl(this.fixture.emulator.url(), clientId(), REDIRECT, "s",
                com.goodfit.sync.salesforce.PkceChallenge.of(VERIFIER));
        HttpResponse<Void> redirect = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams().getFirst("code");
    }

    private String clientId() {
        return this.fixture.emulator.credentials().clientId();
    }

    private String secret() {
        return this.fixture.emulator.credentials().clientSecret();
    }

}

package com.goodfit.sync.salesforce;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The call discipline against exact scripted responses: error mapping, retry, session refresh, usage headers.
 */
class SalesforceTransportTests {

    private static final String LIMITS = "{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":14990}}";

    private StubOrg org;

    private SalesforceClients clients;

    @BeforeEach
    void connect() throws Exception {
        this.org = new StubOrg();
        SalesforceProperties properties = new SalesforceProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 200,
                4, new SalesforceProperties.Retry(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50),
                        Duration.ofMillis(5), Duration.ofSeconds(10)),
                new SalesforceProperties.Budget(0, 0), SalesforceProperties.Bulk.defaults());
        this.clients = new SalesforceClientFactory(properties).connect(new OrgConnection(this.org.url(), "62.0",
                new OAuthGrant.RefreshToken("client", "secret", "refresh")));
    }

    @AfterEach
    void stop() {
        this.org.close();
    }

    @Test
    void retriesServerErrorsThenSucceeds() {
        this.org.then(503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"Server Unavailable\"}]")
            .then(500, "[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":\"boom\"}]")
            .then(200, LIMITS);
        assertThat(this.clients.limits().limits().dailyApiRequests()).hasValue(new OrgLimits.Limit(15000, 14990));
        assertThat(this.clients.usage().calls(CallKind.OTHER)).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            this.org.then(503, "[{\"errorCode\":\"SERVER_UNAVAILABLE\",\"message\":\"Server Unavailable\"}]");
        }
        assertThatExceptionOfType(SalesforceTransientException.class).isThrownBy(() -> this.clients.limits().limits())
            .satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
        assertThat(this.clients.usage().calls(CallKind.OTHER)).isEqualTo(4);
    }

    @Test
    void refreshesSessionOnceAndRepeats() {
        this.org.then(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")
            .then(200, LIMITS);
        this.clients.limits().limits();
        assertThat(this.org.tokensIssued()).isEqualTo(2);
        assertThat(this.org.requests).anyMatch((r) -> r.endsWith("Bearer tok2"));
    }

    @Test
    void failsWhenSessionStaysInvalid() {
        this.org.then(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")
            .then(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThatExceptionOfType(SalesforceSessionException.class).isThrownBy(() -> this.clients.limits().limits())
            .withMessageNotContaining("tok");
        assertThat(this.org.tokensIssued()).isEqualTo(2);
    }

    @Test
    void neverRetriesDailyLimit() {
        this.org.then(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")
            .then(200, LIMITS);
        assertThatExceptionOfType(ApiBudgetExceededException.class).isThrownBy(() -> this.clients.limits().limits());
        assertThat(this.clients.usage().calls(CallKind.OTHER)).isEqualTo(1);
    }

    @Test
    void retriesConcurrentLimit() {
        this.org
            .then(403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]")
            .then(200, LIMITS);
        this.clients.limits().limits();
        assertThat(this.clients.usage().calls(CallKind.OTHER)).isEqualTo(2);
    }

    @Test
    void mapsInvalidFieldToConfigurationError() {
        this.org.then(400, "[{\"message\":\"No such column 'Foo__c' on entity 'Account'.\",\"errorCode\":\"INVALID_FIELD\"}]");
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.clients.query().count("SELECT COUNT() FROM Account WHERE Foo__c = 'x'"))
            .withMessageContaining("Foo__c")
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INVALID_FIELD"));
    }

    @Test
    void recordsOrgUsageFromEveryResponse() {
        this.org.then(200, LIMITS, "api-usage=42/15000; api-bursts=1/750");
        this.clients.limits().limits();
        assertThat(this.clients.usage().orgDaily()).isEqualTo(new ApiUsage.DailyApiUsage(42, 15000));
        assertThat(this.clients.usage().calls(CallKind.AUTH)).isEqualTo(1);
    }

    @Test
    void sendsQueryValuesStrictlyEncoded() {
        this.org.then(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        this.clients.query().query("SELECT Id FROM Account WHERE Name = " + SoqlLiteral.quote("A+B & C=D")).toList();
        assertThat(this.org.requests).anyMatch((r) -> r.contains("A%2BB%20%26%20C%3DD"));
    }

}

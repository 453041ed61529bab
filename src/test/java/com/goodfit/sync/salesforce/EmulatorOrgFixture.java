package com.goodfit.sync.salesforce;

import java.time.Duration;

import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.SalesforceEmulator;

/**
 * One emulator and the clients connected to it, for contract tests; fast retries, no budget floor.
 */
final class EmulatorOrgFixture implements AutoCloseable {

    final SalesforceEmulator emulator;

    final SalesforceClients clients;

    private EmulatorOrgFixture(SalesforceEmulator emulator, SalesforceProperties properties) {
        this.emulator = emulator;
        this.clients = new SalesforceClientFactory(properties).connect(refreshTokenConnection());
    }

    static EmulatorOrgFixture start() {
        return start(EmulatorOptions.defaults(), testProperties());
    }

    static EmulatorOrgFixture start(EmulatorOptions options, SalesforceProperties properties) {
        return new EmulatorOrgFixture(SalesforceEmulator.start(options), properties);
    }

    static SalesforceProperties testProperties() {
        return withBudget(new SalesforceProperties.Budget(0, 0));
    }

    static SalesforceProperties withBudget(SalesforceProperties.Budget budget) {
        return new SalesforceProperties(Duration.ofSeconds(2), Duration.ofSeconds(30), 200, 4,
                new SalesforceProperties.Retry(4, Duration.ofMillis(10), 2.0, Duration.ofMillis(100),
                        Duration.ofMillis(5), Duration.ofSeconds(20)),
                budget, new SalesforceProperties.Bulk(org.springframework.util.unit.DataSize.ofMegabytes(100),
                        Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30)));
    }

    OrgConnection refreshTokenConnection() {
        return connection(new OAuthGrant.RefreshToken(this.emulator.credentials().clientId(),
                this.emulator.credentials().clientSecret(), this.emulator.credentials().refreshToken()));
    }

    OrgConnection connection(OAuthGrant grant) {
        return OrgConnection.emulator(this.emulator.url(), "62.0", grant);
    }

    SalesforceClients connect(OAuthGrant grant, SalesforceProperties properties) {
        return new SalesforceClientFactory(properties).connect(connection(grant));
    }

    @Override
    public void close() {
        this.emulator.close();
    }

}

package com.goodfit.sync.salesforce;

import java.util.Map;

import com.goodfit.sync.emulator.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tooling custom fields, {@code /limits}, the usage header and the budget guard against the emulator.
 */
class ToolingAndLimitsContractTests {

    private EmulatorOrgFixture fixture = EmulatorOrgFixture.start();

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void createsCustomFieldVisibleInDescribe() {
        String id = this.fixture.clients.tooling()
            .createCustomField(new CustomFieldSpec("Account.Employee_Band__c",
                    Map.of("label", "Employee Band", "type", "Text", "length", 80)));
        assertThat(id).isNotBlank();
        assertThat(this.fixture.emulator.org().hasField("Account", "Employee_Band__c")).isTrue();
        SalesforceClients fresh = this.fixture.connect(this.fixture.refreshTokenConnection().grant(),
                EmulatorOrgFixture.testProperties());
        assertThat(fresh.describe().describe("Account").field("Employee_Band__c")).hasValueSatisfying((field) -> {
            assertThat(field.type()).isEqualTo("string");
            assertThat(field.length()).isEqualTo(80);
        });
        assertThat(this.fixture.clients.usage().calls(CallKind.TOOLING)).isEqualTo(1);
        assertThat(this.fixture.clients.tooling().findCustomField("Account.Employee_Band__c")).hasValue(id);
        assertThat(this.fixture.clients.tooling().findCustomField("Contact.Employee_Band__c")).isEmpty();
        assertThat(this.fixture.clients.tooling().findCustomField("Account.Other__c")).isEmpty();
    }

    @Test
    void duplicateCustomFieldIsARequestError() {
        CustomFieldSpec spec = new CustomFieldSpec("Account.Employee_Band__c", Map.of("label", "Band", "type", "Text", "length", 80));
        this.fixture.clients.tooling().createCustomField(spec);
        assertThatExceptionOfType(SalesforceRequestException.class)
            .isThrownBy(() -> this.fixture.clients.tooling().createCustomField(spec))
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("DUPLICATE_DEVELOPER_NAME"));
    }

    @Test
    void readsLimitsAndTheUsageHeader() {
        this.fixture.emulator.control().dailyApiLimit(15000);
        OrgLimits limits = this.fixture.clients.limits().limits();
        assertThat(limits.dailyApiRequests()).hasValueSatisfying((limit) -> assertThat(limit.max()).isEqualTo(15000));
        ApiUsage usage = this.fixture.clients.usage();
        assertThat(usage.orgDaily()).isNotNull();
        assertThat(usage.orgDaily().max()).isEqualTo(15000);
        assertThat(usage.orgDaily().used()).isPositive();
    }

    @Test
    void budgetGuardStopsBeforeTheFloor() {
        this.fixture.emulator.control().dailyApiLimit(20);
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(),
                EmulatorOrgFixture.withBudget(new SalesforceProperties.Budget(5, 0)));
        int calls = 0;
        try {
            while (calls < 50) {
                clients.query().count("SELECT COUNT() FROM Account");
                calls++;
            }
        }
        catch (ApiBudgetExceededException ex) {
            assertThat(ex.getMessage()).contains("floor");
        }
        assertThat(calls).isBetween(10, 15);
        assertThat(clients.usage().orgDaily().remaining()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void runBudgetStopsAfterMaxCalls() {
        SalesforceClients clients = this.fixture.connect(this.fixture.refreshTokenConnection().grant(),
                EmulatorOrgFixture.withBudget(new SalesforceProperties.Budget(0, 3)));
        for (int i = 0; i < 3; i++) {
            clients.limits().limits();
        }
        assertThatExceptionOfType(ApiBudgetExceededException.class).isThrownBy(() -> clients.limits().limits());
        assertThat(clients.usage().apiCalls()).isEqualTo(3);
    }

    @Test
    void dailyLimitFromTheOrgIsNotRetried() {
        SalesforceClients clients = this.fixture.clients;
        clients.limits().limits();
        this.fixture.emulator.control().dailyApiLimit(1);
        assertThatExceptionOfType(ApiBudgetExceededException.class).isThrownBy(() -> clients.limits().limits())
            .satisfies((ex) -> {
                assertThat(ex.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
                assertThat(ex.status()).isEqualTo(403);
            });
        assertThat(clients.usage().calls(CallKind.OTHER)).isEqualTo(2);
    }

    @Test
    void succeedsAfterABurstOf503s() {
        this.fixture.clients.limits().limits();
        this.fixture.emulator.calls().reset();
        this.fixture.emulator.control().failNextCalls(3, FailureKind.SERVER_UNAVAILABLE_503);
        assertThat(this.fixture.clients.query().count("SELECT COUNT() FROM Account")).isZero();
        assertThat(this.fixture.emulator.calls().get("query")).isEqualTo(4);
    }

    @Test
    void givesUpAfterTooMany503s() {
        this.fixture.clients.limits().limits();
        this.fixture.emulator.control().failNextCalls(50, FailureKind.SERVER_UNAVAILABLE_503);
        assertThatExceptionOfType(SalesforceTransientException.class)
            .isThrownBy(() -> this.fixture.clients.query().count("SELECT COUNT() FROM Account"))
            .satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
        assertThat(this.fixture.clients.usage().calls(CallKind.QUERY)).isEqualTo(5);
    }

}

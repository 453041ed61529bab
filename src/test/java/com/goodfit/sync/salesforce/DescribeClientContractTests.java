package com.goodfit.sync.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Versions and describe against the emulator.
 */
class DescribeClientContractTests {

    private EmulatorOrgFixture fixture;

    @BeforeEach
    void start() {
        this.fixture = EmulatorOrgFixture.start();
    }

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void listsApiVersions() {
        assertThat(this.fixture.clients.describe().versions()).extracting(ApiVersion::version).contains("62.0");
    }

    @Test
    void describesFieldsForMappingValidation() {
        SObjectDescribe account = this.fixture.clients.describe().describe("Account");
        assertThat(account.name()).isEqualTo("Account");
        assertThat(account.keyPrefix()).isEqualTo("001");
        FieldDescribe website = account.field("website").orElseThrow();
        assertThat(website.name()).isEqualTo("Website");
        assertThat(website.type()).isEqualTo("url");
        assertThat(website.length()).isEqualTo(255);
        assertThat(website.createable()).isTrue();
        assertThat(website.updateable()).isTrue();
        assertThat(website.nillable()).isTrue();
        FieldDescribe key = account.field("GoodFit_ID__c").orElseThrow();
        assertThat(key.externalId()).isTrue();
        assertThat(key.unique()).isTrue();
        assertThat(account.field("Name").orElseThrow().requiredOnCreate()).isTrue();
        assertThat(account.field("Industry").orElseThrow().picklistValues()).extracting(FieldDescribe.PicklistValue::value)
            .contains("Banking");
        assertThat(account.field("NumberOfEmployees").orElseThrow().digits()).isEqualTo(8);
        assertThat(account.field("AnnualRevenue").orElseThrow().precision()).isEqualTo(18);
        FieldDescribe accountId = this.fixture.clients.describe().describe("Contact").field("AccountId").orElseThrow();
        assertThat(accountId.referenceTo()).containsExactly("Account");
        assertThat(accountId.relationshipName()).isEqualTo("Account");
    }

    @Test
    void cachesDescribePerClients() {
        this.fixture.clients.describe().describe("Account");
        this.fixture.clients.describe().describe("account");
        assertThat(this.fixture.emulator.calls().get("describe")).isEqualTo(1);
    }

    @Test
    void unknownObjectFailsAsConfigurationError() {
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.fixture.clients.describe().describe("Foo__c"))
            .withMessageContaining("Foo__c")
            .satisfies((ex) -> {
                assertThat(ex.status()).isEqualTo(404);
                assertThat(ex.errorCode()).isEqualTo("NOT_FOUND");
            });
    }

}

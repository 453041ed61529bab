package com.goodfit.sync.salesforce;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SOQL query, queryAll, paging, count and query errors against the emulator.
 */
class QueryClientContractTests {

    private EmulatorOrgFixture fixture;

    private QueryClient query;

    @BeforeEach
    void start() {
        this.fixture = EmulatorOrgFixture.start();
        this.query = this.fixture.clients.query();
    }

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void followsNextRecordsUrlPageByPage() {
        insertAccounts(450);
        List<QueryPage> pages = this.query.pages(SoqlQuery.of("SELECT Id, Name FROM Account").withBatchSize(200))
            .toList();
        assertThat(pages).extracting((page) -> page.records().size()).containsExactly(200, 200, 50);
        assertThat(pages).allSatisfy((page) -> assertThat(page.totalSize()).isEqualTo(450));
        assertThat(pages.get(2).done()).isTrue();
        assertThat(this.fixture.clients.usage().calls(CallKind.QUERY)).isEqualTo(3);
    }

    @Test
    void streamsRecordsLazily() {
        insertAccounts(450);
        List<SObject> firstTen = this.query.records(SoqlQuery.of("SELECT Id, Name FROM Account").withBatchSize(200))
            .limit(10)
            .toList();
        assertThat(firstTen).hasSize(10).allSatisfy((record) -> {
            assertThat(record.type()).isEqualTo("Account");
            assertThat(record.id()).startsWith("001");
            assertThat(record.getString("Name")).startsWith("Acme ");
        });
        assertThat(this.fixture.clients.usage().calls(CallKind.QUERY)).isEqualTo(1);
    }

    @Test
    void returnsFieldValuesAndParentRelationships() {
        String accountId = this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        this.fixture.emulator.org().insert("Contact", Map.of("LastName", "Doe", "Email", "jo@acme.com", "AccountId", accountId));
        SObject contact = this.query.query("SELECT Id, Email, Account.Website FROM Contact").findFirst().orElseThrow();
        assertThat(contact.getString("Email")).isEqualTo("jo@acme.com");
        assertThat(contact.get("Account")).isInstanceOfSatisfying(Map.class,
                (account) -> assertThat(account.get("Website")).isEqualTo("acme.com"));
    }

    @Test
    void queryAllIncludesDeletedRecords() {
        String id = this.fixture.emulator.org().insert("Account", Map.of("Name", "Gone"));
        this.fixture.emulator.org().insert("Account", Map.of("Name", "Here"));
        this.fixture.emulator.org().delete("Account", id);
        assertThat(this.query.query("SELECT Id FROM Account").count()).isEqualTo(1);
        assertThat(this.query.queryAll("SELECT Id FROM Account").count()).isEqualTo(2);
    }

    @Test
    void countsWithSelectCount() {
        insertAccounts(3);
        assertThat(this.query.count("SELECT COUNT() FROM Account")).isEqualTo(3);
        assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Name = " + SoqlLiteral.quote("Acme 1")))
            .isEqualTo(1);
    }

    @Test
    void malformedQueryFailsAsRequestError() {
        assertThatExceptionOfType(SalesforceRequestException.class)
            .isThrownBy(() -> this.query.query("SELECT FROM Account").toList())
            .satisfies((ex) -> {
                assertThat(ex.errorCode()).isEqualTo("MALFORMED_QUERY");
                assertThat(ex.status()).isEqualTo(400);
            });
    }

    @Test
    void unknownFieldFailsAsConfigurationErrorNamingTheField() {
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.query.query("SELECT Id, Foo__c FROM Account").toList())
            .withMessageContaining("Foo__c")
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INVALID_FIELD"));
    }

    @Test
    void unknownObjectFailsAsConfigurationErrorNamingTheObject() {
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.query.count("SELECT COUNT() FROM Foo__c"))
            .withMessageContaining("Foo__c")
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INVALID_TYPE"));
    }

    @Test
    void hostileValuesCannotAlterTheResultSet() {
        this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        this.fixture.emulator.org().insert("Account", Map.of("Name", "Globex", "Website", "globex.com"));
        List<String> hostile = List.of("' OR Name != '", "\\' OR Name != \\'", "acme.com' OR Website != 'x",
                "x\\", "x\\' OR Id != null OR Name = \\'", "acme.com\n' OR Name != '", "%", "_cme.com",
                "ącme.com' OR Name LIKE '%", "') OR (Name != '");
        for (String value : hostile) {
            assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Website = " + SoqlLiteral.quote(value)))
                .as(value)
                .isZero();
            assertThat(this.query
                .count("SELECT COUNT() FROM Account WHERE Website IN " + SoqlLiteral.quoteAll(List.of("nope", value))))
                .as(value)
                .isZero();
            assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Website LIKE " + SoqlLiteral.contains(value)))
                .as(value)
                .isZero();
        }
    }

    @Test
    void quotedValuesStillMatchThemselves() {
        List<String> odd = List.of("O'Brien & Sons", "back\\slash", "tab\there", "100% _real_", "bücher.de");
        odd.forEach((name) -> this.fixture.emulator.org().insert("Account", Map.of("Name", name)));
        for (String name : odd) {
            assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Name = " + SoqlLiteral.quote(name)))
                .as(name)
                .isEqualTo(1);
            assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Name LIKE " + SoqlLiteral.startsWith(name)))
                .as(name)
                .isEqualTo(1);
        }
        // case-insensitive, as in Salesforce
        assertThat(this.query.count("SELECT COUNT() FROM Account WHERE Name = " + SoqlLiteral.quote("o'brien & sons")))
            .isEqualTo(1);
    }

    private void insertAccounts(int count) {
        for (int i = 0; i < count; i++) {
            this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme " + i));
        }
    }

}

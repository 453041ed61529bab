package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.emulator.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * sObject Collections create, update and upsert against the emulator.
 */
class CollectionsClientContractTests {

    private EmulatorOrgFixture fixture;

    private CollectionsClient collections;

    @BeforeEach
    void start() {
        this.fixture = EmulatorOrgFixture.start();
        this.collections = this.fixture.clients.collections();
    }

    @AfterEach
    void stop() {
        this.fixture.close();
    }

    @Test
    void createsMoreThan200RecordsInSeveralCallsKeepingOrder() {
        List<SObject> accounts = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            accounts.add(SObject.of("Account", Map.of("Name", "Acme " + i)));
        }
        List<SaveResult> results = this.collections.create(accounts);
        assertThat(results).hasSize(450).allMatch(SaveResult::success).allMatch(SaveResult::created);
        assertThat(this.fixture.emulator.calls().get("collections")).isEqualTo(3);
        assertThat(this.fixture.clients.usage().calls(CallKind.COLLECTIONS)).isEqualTo(3);
        for (int i : new int[] { 0, 199, 200, 449 }) {
            assertThat(this.fixture.emulator.org().get("Account", results.get(i).id()).orElseThrow().get("Name"))
                .isEqualTo("Acme " + i);
        }
    }

    @Test
    void reportsRecordErrorsAtTheirPosition() {
        Map<String, Object> noName = new HashMap<>();
        noName.put("Website", "noname.com");
        List<SaveResult> results = this.collections.create(List.of(SObject.of("Account", Map.of("Name", "Ok 1")),
                SObject.of("Account", noName), SObject.of("Account", Map.of("Name", "Ok 2"))));
        assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
        SaveResult failed = results.get(1);
        assertThat(failed.id()).isNull();
        assertThat(failed.errors()).singleElement().satisfies((error) -> {
            assertThat(error.statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(error.fields()).containsExactly("Name");
        });
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(2);
    }

    @Test
    void updatesById() {
        String id = this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme"));
        Map<String, Object> fields = new HashMap<>();
        fields.put("Website", "acme.com");
        List<SaveResult> results = this.collections.update(List.of(new SObject("Account", id, fields)));
        assertThat(results).singleElement().satisfies((result) -> {
            assertThat(result.success()).isTrue();
            assertThat(result.id()).isEqualTo(id);
            assertThat(result.created()).isFalse();
        });
        assertThat(this.fixture.emulator.org().get("Account", id).orElseThrow().get("Website")).isEqualTo("acme.com");
    }

    @Test
    void setsNullWhenAValueIsNull() {
        String id = this.fixture.emulator.org().insert("Account", Map.of("Name", "Acme", "Website", "acme.com"));
        Map<String, Object> fields = new HashMap<>();
        fields.put("Website", null);
        this.collections.update(List.of(new SObject("Account", id, fields)));
        assertThat(this.fixture.emulator.org().get("Account", id).orElseThrow().get("Website")).isNull();
    }

    @Test
    void upsertsByExternalIdTellingInsertFromUpdate() {
        this.fixture.emulator.org().insert("Account", Map.of("Name", "Old", "GoodFit_ID__c", "pg-1"));
        List<SaveResult> results = this.collections.upsert("Account", "GoodFit_ID__c",
                List.of(SObject.of("Account", Map.of("GoodFit_ID__c", "pg-1", "Name", "Renamed")),
                        SObject.of("Account", Map.of("GoodFit_ID__c", "pg-2", "Name", "New"))));
        assertThat(results).extracting(SaveResult::success).containsExactly(true, true);
        assertThat(results).extracting(SaveResult::created).containsExactly(false, true);
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(2);
    }

    @Test
    void unknownFieldInBodyFailsAsConfigurationError() {
        assertThatExceptionOfType(SalesforceConfigurationException.class)
            .isThrownBy(() -> this.collections.create(List.of(SObject.of("Account", Map.of("Name", "A", "Foo__c", "x")))))
            .withMessageContaining("Foo__c")
            .satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("INVALID_FIELD"));
    }

    @Test
    void lockedRowsStayRecordResults() {
        this.fixture.emulator.control().failNextRecords(1);
        List<SaveResult> results = this.collections.create(
                List.of(SObject.of("Account", Map.of("Name", "A")), SObject.of("Account", Map.of("Name", "B"))));
        assertThat(results).filteredOn((result) -> !result.success())
            .singleElement()
            .satisfies((result) -> assertThat(result.errors().get(0).statusCode()).isEqualTo("UNABLE_TO_LOCK_ROW"));
    }

    @Test
    void survivesABurstOfServerErrors() {
        this.fixture.emulator.control().failNextCalls(3, FailureKind.SERVER_UNAVAILABLE_503);
        List<SaveResult> results = this.collections.create(List.of(SObject.of("Account", Map.of("Name", "A"))));
        assertThat(results).singleElement().matches(SaveResult::success);
        assertThat(this.fixture.emulator.org().count("Account")).isEqualTo(1);
    }

}

package com.goodfit.sync.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatorOrgTests {

    private SalesforceEmulator emulator;

    @BeforeEach
    void start() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withSeedAccounts(20).withSeedContacts(40));
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void seedsRealisticRecordsWithoutCountingCalls() {
        EmulatorOrg org = this.emulator.org();
        assertThat(org.count("Account")).isEqualTo(20);
        assertThat(org.count("Contact")).isEqualTo(40);
        assertThat(org.all("Contact")).allSatisfy(c -> assertThat(c.get("AccountId")).isNotNull()
            .satisfies(id -> assertThat((String) id).startsWith("001")));
        assertThat(org.all("Account")).anySatisfy(a
                -> assertThat((String) a.get("Website")).startsWith("https://www."));
        assertThat(this.emulator.calls().total()).isZero();
    }

    @Test
    void insertsWithCreatedDateAndSoftDeletes() {
        EmulatorOrg org = this.emulator.org();
        Instant old = Instant.parse("2001-02-03T04:05:06Z");
        String id = org.insert("Account", Map.of("Name", "Oldest"), old);
        assertThat(id).hasSize(18).startsWith("001");
        assertThat(org.get("Account", id).orElseThrow()).containsEntry("CreatedDate", old);
        org.setCreatedDate("Account", id, Instant.parse("1999-01-01T00:00:00Z"));
        assertThat(org.get("Account",
                id).orElseThrow().get("CreatedDate")).isEqualTo(Instant.parse("1999-01-01T00:00:00Z"));
        org.delete("Account", id);
        assertThat(org.count("Account")).isEqualTo(20);
        assertThat(org.get("Account", id).orElseThrow()).containsEntry("IsDeleted", true);
        assertThat(org.all("Account")).noneMatch(a -> a.get("Id").equals(id));
    }

    @Test
    void addsCustomFields() {
        EmulatorOrg org = this.emulator.org();
        assertThat(org.hasField("Account", "Employee_Band__c")).isFalse();
        org.addCustomField("Account", CustomFieldSpec.text("Employee_Band__c", 80));
        assertThat(org.hasField("Account", "employee_band__c")).isTrue();
        String id = org.insert("Account", Map.of("Name", "X", "Employee_Band__c", "10-50"));
        assertThat(org.get("Account", id).orElseThrow()).containsEntry("Employee_Band__c", "10-50");
        assertThatIllegalArgumentException().isThrownBy(() -> org.insert("Account", Map.of("Nope__c", 1)));
    }

    @Test
    void idsCarryTheCaseSafeSuffix() {
        String id = SalesforceId.of("001", 123456);
        assertThat(SalesforceId.normalise(id)).contains(id);
        assertThat(SalesforceId.normalise(id.substring(0, 15))).contains(id);
        assertThat(SalesforceId.normalise(id.substring(0, 15) + "ZZZ")).isEmpty();
        assertThat(SalesforceId.normalise("abc")).isEmpty();
        // Suffix worked by hand: chunks 001A0, 00000, AbCdE give I, A, V.
        assertThat(SalesforceId.normalise("001A000000AbCdE")).contains("001A000000AbCdEIAV");
    }

    @Test
    void handlesConcurrentWritersAndReaders() throws Exception {
        ApiCalls api = new ApiCalls(this.emulator);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    List<Map<String, Object>> records = new java.util.ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        records.add(CollectionsTests.account("Name", "T" + thread + "-" + i + "-" + r, "GoodFit_ID__c",
                                "t" + thread + "-" + i + "-" + r));
                    }
                    api.post(ApiCalls.V + "/composite/sobjects", Map.of("records", records));
                    api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT COUNT() FROM Account"));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(this.emulator.org().count("Account")).isEqualTo(20 + 4 * 10 * 50);
    }

}

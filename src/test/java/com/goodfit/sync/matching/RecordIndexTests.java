package com.goodfit.sync.matching;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIndexTests {

    private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private final RecordIndex index = new RecordIndex();

    @Test
    void returnsWholeRecordsAsAdded() {
        IndexedRecord acme = new IndexedRecord("001A", CREATED, "acme.com", Map.of("Name", "Acme"), 4L);
        this.index.add(acme);
        assertThat(this.index.byId("001A")).contains(acme);
        assertThat(this.index.byKey("acme.com")).containsExactly(acme);
        assertThat(this.index.byId("001B")).isEmpty();
        assertThat(this.index.byKey("globex.com")).isEmpty();
    }

    @Test
    void recordsForMatchingCarryNoValuesAndTheirLink() {
        Instant created = Instant.parse("2021-03-04T05:06:07.123456Z");
        this.index.addForMatching("003A", created, "jane@acme.com");
        assertThat(this.index.link("003A", 9)).isTrue();
        assertThat(this.index.link("003Z", 9)).isFalse();
        assertThat(this.index.byKey("jane@acme.com"))
            .containsExactly(new IndexedRecord("003A", created, "jane@acme.com", Map.of(), 9L));
        assertThat(this.index.byId("003A")).contains(new IndexedRecord("003A", created, null, Map.of(), 9L));
    }

    @Test
    void ordersCandidatesOldestFirstThenLowestId() {
        this.index.addForMatching("001B", Instant.parse("2022-01-01T00:00:00Z"), "acme.com");
        this.index.addForMatching("001Z", Instant.parse("2019-01-01T00:00:00Z"), "acme.com");
        this.index.addForMatching("001C", Instant.parse("2023-01-01T00:00:00Z"), "acme.com");
        this.index.addForMatching("001Y", Instant.parse("2019-01-01T00:00:00Z"), "acme.com");
        this.index.addForMatching("001X", Instant.parse("2019-01-01T00:00:00.000001Z"), "acme.com");
        assertThat(this.index.byKey("acme.com")).extracting(IndexedRecord::sfId)
            .containsExactly("001Y", "001Z", "001X", "001B", "001C");
    }

    @Test
    void aRecordWithoutKeyIsFoundByIdOnly() {
        this.index.addForMatching("001N", CREATED, null);
        assertThat(this.index.byId("001N")).isPresent();
        assertThat(this.index.size()).isEqualTo(1);
    }

    @Test
    void keepsManySimilarSalesforceIdsApartWhileGrowing() {
        // Ids that differ in their last characters only, as Salesforce's do.
        int records = 200_000;
        for (int i = 0; i < records; i++) {
            this.index.addForMatching(id(i), CREATED.plusSeconds(i), "person" + (i / 2) + "@acme.com");
        }
        for (int i = 0; i < records; i += 2) {
            this.index.link(id(i), i);
        }
        assertThat(this.index.size()).isEqualTo(records);
        for (int i = 0; i < records; i++) {
            IndexedRecord record = this.index.byId(id(i)).orElseThrow();
            assertThat(record.createdDate()).isEqualTo(CREATED.plusSeconds(i));
            assertThat(record.linkedSourceId()).isEqualTo((i % 2 == 0) ? Long.valueOf(i) : null);
        }
        assertThat(this.index.byKey("person7@acme.com")).extracting(IndexedRecord::sfId).containsExactly(id(14),
                id(15));
    }

    @Test
    void presizingKeepsEveryRecord() {
        this.index.ensureCapacity(50_000);
        for (int i = 0; i < 60_000; i++) {
            this.index.addForMatching(id(i), CREATED, "k" + i);
        }
        assertThat(this.index.byKey("k59999")).extracting(IndexedRecord::sfId).containsExactly(id(59_999));
        assertThat(this.index.size()).isEqualTo(60_000);
    }

    @Test
    void aRecordAddedAgainReplacesItForLookupsById() {
        this.index.add(new IndexedRecord("001A", CREATED, "acme.com", Map.of("Name", "Old"), null));
        this.index.add(new IndexedRecord("001A", CREATED, "acme.com", Map.of("Name", "New"), null));
        assertThat(this.index.byId("001A").orElseThrow().fieldValues()).containsEntry("Name", "New");
        assertThat(this.index.size()).isEqualTo(1);
    }

    @Test
    void clearForgetsEverything() {
        this.index.addForMatching("001A", CREATED, "acme.com");
        this.index.clear();
        assertThat(this.index.size()).isZero();
        assertThat(this.index.byId("001A")).isEmpty();
        assertThat(this.index.byKey("acme.com")).isEmpty();
    }

    private static String id(int i) {
        return "003" + "%012d".formatted(i) + "AAA";
    }

}

package com.goodfit.sync.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The index repository's SQL (including its MERGE) on each supported database.
 */
abstract class RecordIndexRepositoryContract {

    @Autowired
    RecordIndexRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM sf_record_index WHERE job_name = 'index-it'");
        this.jdbc.update("DELETE FROM sf_link WHERE job_name = 'index-it'");
    }

    @Test
    void replacingTheSnapshotDropsRecordsGoneFromTheOrg() {
        this.repository.replace("index-it", SourceObject.ACCOUNT,
                Stream.of(record("001A", "acme.com", "Acme"), record("001B", "globex.com", "Globex")));

        long count = this.repository.replace("index-it", SourceObject.ACCOUNT,
                Stream.of(record("001B", "globex.com", "Globex Corp")));

        assertThat(count).isEqualTo(1);
        RecordIndex index = this.repository.load("index-it", SourceObject.ACCOUNT);
        assertThat(index.byId("001A")).isEmpty();
        assertThat(index.byKey("globex.com")).singleElement()
            .satisfies(r -> assertThat(r.fieldValues()).containsEntry("Name", "Globex Corp"));
    }

    @Test
    void aSnapshotLargerThanOneBatchIsCopiedWhole() {
        long count = this.repository.replace("index-it", SourceObject.ACCOUNT, sink -> {
            for (int i = 0; i < 12_345; i++) {
                sink.accept(record("001X" + i, "site" + i + ".com", "Site " + i));
            }
        });

        assertThat(count).isEqualTo(12_345);
        assertThat(this.repository.count("index-it", SourceObject.ACCOUNT)).isEqualTo(12_345);
        assertThat(this.repository.loadIds("index-it", SourceObject.ACCOUNT, List.of("001X0", "001X12344")).byId("001X12344"))
            .hasValueSatisfying(r -> assertThat(r.fieldValues()).containsEntry("Name", "Site 12344"));
    }

    @Test
    void aDownloadThatBreaksOffPartWayFailsWithItsOwnExceptionAndKeepsTheOldSnapshot() {
        this.repository.replace("index-it", SourceObject.ACCOUNT, Stream.of(record("001A", "acme.com", "Acme")));
        IllegalStateException brokenOff = new IllegalStateException("CSV result broke off");

        assertThatThrownBy(() -> this.repository.replace("index-it", SourceObject.ACCOUNT, sink -> {
            for (int i = 0; i < 7_000; i++) {
                sink.accept(record("001Y" + i, "other" + i + ".com", "Other " + i));
            }
            throw brokenOff;
        })).isSameAs(brokenOff);

        assertThat(this.repository.count("index-it", SourceObject.ACCOUNT)).as("rolled back").isEqualTo(1);
        assertThat(this.repository.load("index-it", SourceObject.ACCOUNT).byId("001A")).isPresent();
    }

    @Test
    void writeThroughAddsNewRecordsAndRefreshesKnownOnes() {
        this.repository.replace("index-it", SourceObject.ACCOUNT, Stream.of(record("001A", "acme.com", "Acme")));

        this.repository.writeThrough("index-it", SourceObject.ACCOUNT, List.of(record("001C", "initech.com", "Initech")),
                List.of(record("001A", "acme.io", "Acme Inc")));

        RecordIndex index = this.repository.load("index-it", SourceObject.ACCOUNT);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.byId("001A").orElseThrow().fieldValues()).containsEntry("Name", "Acme Inc")
            .containsEntry("GoodFit_ID__c", "company-1");
        assertThat(index.byKey("acme.io")).extracting(IndexedRecord::sfId).containsExactly("001A");
        assertThat(index.byKey("acme.com")).isEmpty();
        assertThat(index.byKey("initech.com")).hasSize(1);
        assertThat(this.repository.count("index-it", SourceObject.CONTACT)).isZero();
    }

    @Test
    void writeThroughAddsAChangedRecordTheIndexNoLongerHolds() {
        this.repository.replace("index-it", SourceObject.ACCOUNT, Stream.of(record("001A", "acme.com", "Acme")));

        this.repository.writeThrough("index-it", SourceObject.ACCOUNT, List.of(),
                List.of(record("001A", "acme.com", "Acme Inc"), record("001B", "globex.com", "Globex")));

        RecordIndex index = this.repository.load("index-it", SourceObject.ACCOUNT);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.byId("001B").orElseThrow().fieldValues()).containsEntry("Name", "Globex");
        assertThat(index.byId("001A").orElseThrow().fieldValues()).containsEntry("Name", "Acme Inc");
    }

    @Test
    void writeThroughRefreshesMoreChangedRecordsThanOneStatementTakes() {
        this.repository.replace("index-it", SourceObject.ACCOUNT, sink -> {
            for (int i = 0; i < 2_345; i++) {
                sink.accept(record("001W" + i, "site" + i + ".com", "Site " + i));
            }
        });
        List<IndexedRecord> changed = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            changed.add(record("001W" + i, "site" + i + ".com", "Renamed " + i));
        }
        changed.add(record("001WNEW", "new.com", "Gone since read"));

        this.repository.writeThrough("index-it", SourceObject.ACCOUNT, List.of(), changed);

        RecordIndex index = this.repository.load("index-it", SourceObject.ACCOUNT);
        assertThat(index.size()).isEqualTo(2_346);
        for (int i : List.of(0, 999, 1_000, 1_999, 2_000, 2_344)) {
            assertThat(index.byId("001W" + i).orElseThrow().fieldValues()).containsEntry("Name", "Renamed " + i);
        }
        assertThat(index.byId("001WNEW")).isPresent();
    }

    @Test
    void loadsEachRecordWithTheSourceRecordLinkedToIt() {
        this.repository.replace("index-it", SourceObject.ACCOUNT, Stream.of(record("001A", "acme.com", "Acme")));
        this.jdbc.update("INSERT INTO sf_link (job_name, object_type, source_id, sf_id) "
                + "VALUES ('index-it', 'account', 42, '001A')");

        assertThat(this.repository.load("index-it", SourceObject.ACCOUNT).byId("001A").orElseThrow().linkedSourceId())
            .isEqualTo(42L);
    }

    @Test
    void loadsForMatchingWithLinksAndWithoutValues() {
        this.repository.replace("index-it", SourceObject.ACCOUNT,
                Stream.of(record("001A", "acme.com", "Acme"), record("001B", "acme.com", "Acme again")));
        this.jdbc.update("INSERT INTO sf_link (job_name, object_type, source_id, sf_id) "
                + "VALUES ('index-it', 'account', 42, '001A'), ('index-it', 'account', 43, '001GONE')");
        RecordIndex index = new RecordIndex();
        index.addForMatching("001OLD", Instant.EPOCH, "old.com");

        this.repository.loadForMatching(index, "index-it", SourceObject.ACCOUNT);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.byId("001OLD")).isEmpty();
        assertThat(index.byKey("acme.com")).extracting(IndexedRecord::sfId, IndexedRecord::linkedSourceId)
            .containsExactly(tuple("001A", 42L), tuple("001B", null));
        assertThat(index.byId("001A").orElseThrow().fieldValues()).isEmpty();
        assertThat(this.repository.loadIds("index-it", SourceObject.ACCOUNT, List.of("001B"))
            .byId("001B")
            .orElseThrow()
            .fieldValues()).containsEntry("Name", "Acme again");
    }

    @Test
    void keepsNullFieldValues() {
        Map<String, Object> values = new HashMap<>();
        values.put("Website", null);
        this.repository.replace("index-it", SourceObject.ACCOUNT,
                Stream.of(new IndexedRecord("001N", Instant.parse("2020-01-01T00:00:00Z"), null, values, null)));

        assertThat(this.repository.load("index-it", SourceObject.ACCOUNT).byId("001N").orElseThrow().fieldValues())
            .containsEntry("Website", null);
    }

    private static IndexedRecord record(String id, String domain, String name) {
        return new IndexedRecord(id, Instant.parse("2020-01-01T00:00:00Z"), domain,
                Map.of("Name", name, "GoodFit_ID__c", "company-1"), null);
    }

}

package com.goodfit.sync.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchedValuesPrefetchTests {

    private final RecordIndex matchingIndex = new RecordIndex();

    private final RecordIndex stored = new RecordIndex();

    private final List<List<String>> loads = new ArrayList<>();

    private final MatchedValuesPrefetch prefetch = new MatchedValuesPrefetch(this.matchingIndex, this::load);

    @Test
    void loadsWhatABatchMayMatchOnceAndHandsItOutWithoutLoadingAgain() {
        existing("001A", "acme.com", "Acme");
        existing("001B", "acme.com", "Acme Twin");
        existing("001L", "linked.com", "Linked");

        this.prefetch.prefetch(List.of(keyed(1, "acme.com", null), keyed(2, "other.com", "001L"),
                keyed(3, null, null)));
        RecordIndex current = this.prefetch.current(List.of("001A", "001L"));

        assertThat(this.loads).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .containsExactlyInAnyOrder("001A", "001B", "001L");
        assertThat(current.byId("001A").orElseThrow().fieldValues()).containsEntry("Name", "Acme");
        assertThat(current.byId("001L").orElseThrow().fieldValues()).containsEntry("Name", "Linked");
        assertThat(current.byId("001B")).as("not asked for").isEmpty();
    }

    @Test
    void loadsWhatWasNotLoadedAheadWhenAskedFor() {
        existing("001A", "acme.com", "Acme");
        existing("001X", "elsewhere.com", "Elsewhere");
        this.prefetch.prefetch(List.of(keyed(1, "acme.com", null)));

        RecordIndex current = this.prefetch.current(List.of("001A", "001X", "001GONE"));

        assertThat(this.loads).containsExactly(List.of("001A"), List.of("001X", "001GONE"));
        assertThat(current.byId("001X").orElseThrow().fieldValues()).containsEntry("Name", "Elsewhere");
        assertThat(current.byId("001GONE")).isEmpty();
    }

    @Test
    void keepsTheLastTwoBatchesOnly() {
        existing("001A", "a.com", "A");
        existing("001B", "b.com", "B");
        existing("001C", "c.com", "C");
        this.prefetch.prefetch(List.of(keyed(1, "a.com", null)));
        this.prefetch.prefetch(List.of(keyed(2, "b.com", null)));
        this.prefetch.prefetch(List.of(keyed(3, "c.com", null)));
        this.loads.clear();

        RecordIndex current = this.prefetch.current(List.of("001A", "001B", "001C"));

        assertThat(this.loads).containsExactly(List.of("001A"));
        assertThat(current.size()).isEqualTo(3);
        this.prefetch.clear();
        this.prefetch.current(List.of("001C"));
        assertThat(this.loads).containsExactly(List.of("001A"), List.of("001C"));
    }

    private void existing(String sfId, String key, String name) {
        this.matchingIndex.addForMatching(sfId, Instant.EPOCH, key);
        this.stored.add(new IndexedRecord(sfId, Instant.EPOCH, key, Map.of("Name", name), null));
    }

    private static KeyedRecord keyed(long id, @Nullable String key, @Nullable String linkedSfId) {
        return new KeyedRecord(new SourceRecord(id, null, linkedSfId, Map.of()), key, key);
    }

    private RecordIndex load(List<String> sfIds) {
        this.loads.add(List.copyOf(sfIds));
        RecordIndex found = new RecordIndex();
        sfIds.forEach(sfId -> this.stored.byId(sfId).ifPresent(found::add));
        return found;
    }

}

package com.goodfit.sync.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory snapshot of one object's index, for matching without a query per record: records by Id and by match
 * key, each key's candidates ordered oldest CreatedDate first, then lowest Id. Not thread-safe while loading; read
 * only afterwards.
 */
public final class RecordIndex {

    static final Comparator<IndexedRecord> OLDEST_FIRST = Comparator.comparing(IndexedRecord::createdDate)
        .thenComparing(IndexedRecord::sfId);

    private final Map<String, IndexedRecord> byId = new HashMap<>();

    private final Map<String, List<IndexedRecord>> byKey = new HashMap<>();

    public void add(IndexedRecord record) {
        this.byId.put(record.sfId(), record);
        if (record.matchKey() != null) {
            List<IndexedRecord> candidates = this.byKey.computeIfAbsent(record.matchKey(), key -> new ArrayList<>(1));
            candidates.add(record);
            candidates.sort(OLDEST_FIRST);
        }
    }

    public void clear() {
        this.byId.clear();
        this.byKey.clear();
    }

    public Optional<IndexedRecord> byId(String sfId) {
        return Optional.ofNullable(this.byId.get(sfId));
    }

    public List<IndexedRecord> byKey(String matchKey) {
        return this.byKey.getOrDefault(matchKey, List.of());
    }

    public int size() {
        return this.byId.size();
    }

}

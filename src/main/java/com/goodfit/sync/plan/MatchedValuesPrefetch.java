package com.goodfit.sync.plan;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.RecordIndex;

/**
 * Loads the stored field values of every record a batch of source records may match (its linked record and the
 * records sharing its match key) on the read-ahead thread, while the step's thread plans the chunk before. The step's
 * thread then finds the values of the records it matched in memory instead of waiting for the database once a chunk,
 * which was an eighth of the plan step. What matching took that was not loaded ahead is loaded when asked for, so the
 * result is the same either way; the index does not change during the plan step.
 * <p>
 * The reader reads at most one batch ahead of the chunk being planned, so the values of the last two batches are
 * kept and older ones dropped.
 */
public final class MatchedValuesPrefetch {

    private static final int BATCHES_KEPT = 2;

    private final RecordIndex matchingIndex;

    private final Function<List<String>, RecordIndex> load;

    private final Map<String, IndexedRecord> loaded = new ConcurrentHashMap<>();

    private final Deque<List<String>> batches = new ConcurrentLinkedDeque<>();

    /**
     * @param matchingIndex the index matching runs against (Ids, dates and keys, no values)
     * @param load loads the stored records with these Ids, with their field values
     */
    public MatchedValuesPrefetch(RecordIndex matchingIndex, Function<List<String>, RecordIndex> load) {
        this.matchingIndex = matchingIndex;
        this.load = load;
    }

    /**
     * On the read-ahead thread: loads the values of what this batch may match.
     * @param batch source records in the order the step will plan them
     */
    public void prefetch(List<KeyedRecord> batch) {
        Set<String> candidates = new LinkedHashSet<>();
        for (KeyedRecord record : batch) {
            if (record.source().linkedSfId() != null) {
                candidates.add(record.source().linkedSfId());
            }
            if (record.matchKey() != null) {
                for (IndexedRecord candidate : this.matchingIndex.byKey(record.matchKey())) {
                    candidates.add(candidate.sfId());
                }
            }
        }
        List<String> ids = List.copyOf(candidates);
        if (!ids.isEmpty()) {
            RecordIndex values = this.load.apply(ids);
            for (String id : ids) {
                values.byId(id).ifPresent(stored -> this.loaded.put(id, stored));
            }
        }
        this.batches.addLast(ids);
        while (this.batches.size() > BATCHES_KEPT) {
            List<String> dropped = this.batches.pollFirst();
            if (dropped != null) {
                dropped.forEach(this.loaded::remove);
            }
        }
    }

    /**
     * On the step's thread: the stored records with these Ids, from what was loaded ahead and, for the rest, from
     * the database now.
     * @param sfIds the records a chunk matched
     * @return those of them the index holds, with their values
     */
    public RecordIndex current(List<String> sfIds) {
        RecordIndex current = new RecordIndex();
        List<String> missing = new ArrayList<>();
        for (String sfId : sfIds) {
            IndexedRecord stored = this.loaded.get(sfId);
            if (stored != null) {
                current.add(stored);
            }
            else {
                missing.add(sfId);
            }
        }
        if (!missing.isEmpty()) {
            RecordIndex loadedNow = this.load.apply(missing);
            for (String sfId : missing) {
                loadedNow.byId(sfId).ifPresent(current::add);
            }
        }
        return current;
    }

    /** Forgets everything loaded, at the end of the step. */
    public void clear() {
        this.batches.clear();
        this.loaded.clear();
    }

}

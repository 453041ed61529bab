package com.goodfit.sync.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.RecordIndex;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The second half of the plan, run a chunk at a time. Matching runs record by record before it (in id order, as the
 * key claims need) against an index that holds no field values, because a whole org's values do not fit the heap.
 * This loads the current values of the chunk's update targets with one query per thousand records, runs the field
 * decisions (strategies, pre-validation, ...) on every write, two halves of the chunk at once (the decisions must be
 * thread-safe), and hands the chunk to the plan rows writer. The values are loaded here rather than ahead, with the
 * next chunk's source rows: held that long, they outlived young collections, whose copying cost the plan step more
 * pause time than the query saved.
 */
public final class DecideChangesItemWriter implements ItemWriter<PlannedWrite> {

    private final Function<List<String>, RecordIndex> currentRecords;

    private final ItemProcessor<PlannedWrite, PlannedWrite> decisions;

    private final ItemWriter<PlannedWrite> rows;

    /**
     * @param currentRecords loads the index's records with these Ids, with their field values
     * @param decisions the rest of the plan chain, which needs the targets' values
     * @param rows writes the decided plan rows
     */
    public DecideChangesItemWriter(Function<List<String>, RecordIndex> currentRecords,
            ItemProcessor<PlannedWrite, PlannedWrite> decisions, ItemWriter<PlannedWrite> rows) {
        this.currentRecords = currentRecords;
        this.decisions = decisions;
        this.rows = rows;
    }

    @Override
    public void write(Chunk<? extends PlannedWrite> chunk) throws Exception {
        Set<String> targetIds = new LinkedHashSet<>();
        for (PlannedWrite write : chunk) {
            if (write.isWrite() && write.sfId() != null) {
                targetIds.add(write.sfId());
            }
        }
        RecordIndex current = targetIds.isEmpty() ? new RecordIndex()
                : this.currentRecords.apply(List.copyOf(targetIds));
        List<PlannedWrite> decided = ChunkHalves.map(chunk.getItems(), write -> this.decisions
            .process((write.isWrite() && write.target() != null)
                    ? write.withTarget(withValuesOf(write.target(), current)) : write));
        this.rows.write(new Chunk<>(decided));
    }

    /** The matched record as matching saw it (date, link), with its values as the index stores them. */
    private static IndexedRecord withValuesOf(IndexedRecord target, RecordIndex current) {
        IndexedRecord stored = current.byId(target.sfId())
            .orElseThrow(() -> new IllegalStateException("record " + target.sfId()
                    + " was matched but is no longer in the index; the index changed during the plan step"));
        return new IndexedRecord(target.sfId(), target.createdDate(), stored.matchKey(), stored.fieldValues(),
                target.linkedSourceId());
    }

}

package com.goodfit.sync.plan;

import java.util.List;

import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * A source record on its way through the plan, and finally what the plan decided for it: the operation, the target
 * record and the changed fields, or the skip reason. Every record read leaves the chain as one of these (the chain
 * never filters), so every record ends with an outcome.
 *
 * @param source the source record
 * @param matchKey its normalised match key, or null when it has none
 * @param operation the decision so far
 * @param target the matched Salesforce record, for updates
 * @param changes the fields to write
 * @param reason a skip reason, or a warning code on a write (e.g. {@code AMBIGUOUS_MATCH})
 * @param detail what the reason means for this record
 */
public record PlannedWrite(SourceRecord source, @Nullable String matchKey, Operation operation,
        @Nullable IndexedRecord target, List<FieldChange> changes, @Nullable String reason, @Nullable String detail) {

    public PlannedWrite {
        changes = List.copyOf(changes);
    }

    public static PlannedWrite skip(SourceRecord source, @Nullable String matchKey, String reason, String detail) {
        return new PlannedWrite(source, matchKey, Operation.SKIP, null, List.of(), reason, detail);
    }

    public PlannedWrite withOperation(Operation operation) {
        return new PlannedWrite(this.source, this.matchKey, operation, this.target, this.changes, this.reason,
                this.detail);
    }

    public PlannedWrite withTarget(@Nullable IndexedRecord target) {
        return new PlannedWrite(this.source, this.matchKey, this.operation, target, this.changes, this.reason,
                this.detail);
    }

    public PlannedWrite withChanges(List<FieldChange> changes) {
        return new PlannedWrite(this.source, this.matchKey, this.operation, this.target, changes, this.reason,
                this.detail);
    }

    public @Nullable String sfId() {
        return (this.target != null) ? this.target.sfId() : null;
    }

    public boolean isWrite() {
        return this.operation == Operation.CREATE || this.operation == Operation.UPDATE;
    }

}

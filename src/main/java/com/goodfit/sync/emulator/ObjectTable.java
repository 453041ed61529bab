package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The stored records of one sObject in insertion (and therefore Id) order, with an Id index and value indexes on
 * external-ID and unique fields. Not thread-safe: callers hold the org's lock.
 */
final class ObjectTable {

    private final SObjectType type;

    private final int isDeletedSlot;

    private final List<Row> rows = new ArrayList<>();

    private final Map<String, Row> byId = new HashMap<>();

    // Concurrent because queries under the read lock may add an index on first use.
    private final Map<Integer, ValueIndex> indexes = new ConcurrentHashMap<>();

    private long liveCount;

    ObjectTable(SObjectType type) {
        this.type = type;
        this.isDeletedSlot = type.slotOf("IsDeleted");
        for (int slot = 0; slot < type.fieldCount(); slot++) {
            indexIfKey(slot);
        }
    }

    SObjectType type() {
        return this.type;
    }

    /** Starts indexing a newly added field when it is an external ID or unique. */
    void indexIfKey(int slot) {
        FieldDefinition field = this.type.field(slot);
        if (field.externalId() || field.unique()) {
            ensureIndex(slot);
        }
    }

    synchronized ValueIndex ensureIndex(int slot) {
        ValueIndex index = this.indexes.get(slot);
        if (index == null) {
            index = new ValueIndex(this.type.field(slot).ignoresCase());
            for (Row row : this.rows) {
                if (!isDeleted(row)) {
                    index.add(row.get(slot), row);
                }
            }
            this.indexes.put(slot, index);
        }
        return index;
    }

    boolean isIndexed(int slot) {
        return this.indexes.containsKey(slot);
    }

    boolean isDeleted(Row row) {
        return Boolean.TRUE.equals(row.get(this.isDeletedSlot));
    }

    Row byId(String id18) {
        return this.byId.get(id18);
    }

    /** Live (not deleted) rows whose field in {@code slot} equals {@code value} under the index's case rule. */
    List<Row> find(int slot, Object value) {
        return ensureIndex(slot).find(value);
    }

    List<Row> rows() {
        return Collections.unmodifiableList(this.rows);
    }

    long liveCount() {
        return this.liveCount;
    }

    void insert(Row row) {
        this.rows.add(row);
        this.byId.put(row.id(), row);
        this.indexes.forEach((slot, index) -> index.add(row.get(slot), row));
        this.liveCount++;
    }

    /** Replaces a live row's values, keeping indexes in step. */
    void replace(Row row, Object[] values) {
        this.indexes.forEach((slot, index) -> index.remove(row.get(slot), row));
        row.restore(values);
        this.indexes.forEach((slot, index) -> index.add(row.get(slot), row));
    }

    /** Hard-removes a row; used to roll back a create. */
    void remove(Row row) {
        int at = this.rows.lastIndexOf(row);
        if (at >= 0) {
            this.rows.remove(at);
        }
        this.byId.remove(row.id());
        if (!isDeleted(row)) {
            this.indexes.forEach((slot, index) -> index.remove(row.get(slot), row));
            this.liveCount--;
        }
    }

    /** Drops deleted rows matching {@code test} for good (hardDelete); one pass over the table. */
    void removeDeletedIf(Predicate<Row> test) {
        this.rows.removeIf(row -> {
            if (isDeleted(row) && test.test(row)) {
                this.byId.remove(row.id());
                return true;
            }
            return false;
        });
    }

    void softDelete(Row row, long now) {
        if (isDeleted(row)) {
            return;
        }
        this.indexes.forEach((slot, index) -> index.remove(row.get(slot), row));
        row.set(this.isDeletedSlot, Boolean.TRUE);
        row.set(this.type.slotOf("SystemModstamp"), now);
        this.liveCount--;
    }

    void undelete(Row row) {
        if (!isDeleted(row)) {
            return;
        }
        row.set(this.isDeletedSlot, Boolean.FALSE);
        this.indexes.forEach((slot, index) -> index.add(row.get(slot), row));
        this.liveCount++;
    }

}

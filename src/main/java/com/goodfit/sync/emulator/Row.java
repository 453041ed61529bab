package com.goodfit.sync.emulator;

import java.util.Arrays;

/**
 * One stored record: values by field slot of its {@link SObjectType}. An array instead of a map keeps a million
 * records within a small heap; the array grows when custom fields are added after the record was stored.
 */
final class Row {

    private Object[] values;

    Row(Object[] values) {
        this.values = values;
    }

    Object get(int slot) {
        return (slot < this.values.length) ? this.values[slot] : null;
    }

    void set(int slot, Object value) {
        if (slot >= this.values.length) {
            this.values = Arrays.copyOf(this.values, slot + 1);
        }
        this.values[slot] = value;
    }

    String id() {
        return (String) this.values[SObjectType.ID_SLOT];
    }

    Object[] copyValues() {
        return this.values.clone();
    }

    void restore(Object[] values) {
        this.values = values.clone();
    }

}

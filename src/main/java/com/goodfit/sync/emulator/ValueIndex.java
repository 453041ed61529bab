package com.goodfit.sync.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live rows by the value of one field, for external-ID upserts, unique checks, duplicate rules and equality
 * queries. Keys are lower-cased unless the field is unique and case-sensitive. Not thread-safe: guarded by the
 * org lock.
 */
final class ValueIndex {

    private final boolean ignoreCase;

    // Row for one match, ArrayList<Row> for several: most values are unique, so this saves a list per entry.
    private final Map<String, Object> entries = new HashMap<>();

    ValueIndex(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    String keyOf(Object value) {
        String text = value.toString();
        return this.ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    void add(Object value, Row row) {
        if (value == null) {
            return;
        }
        this.entries.merge(keyOf(value), row, (existing, added) -> {
            if (existing instanceof Row single) {
                List<Row> rows = new ArrayList<>(2);
                rows.add(single);
                rows.add((Row) added);
                return rows;
            }
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) existing;
            rows.add((Row) added);
            return rows;
        });
    }

    void remove(Object value, Row row) {
        if (value == null) {
            return;
        }
        this.entries.computeIfPresent(keyOf(value), (key, existing) -> {
            if (existing instanceof Row single) {
                return (single == row) ? null : single;
            }
            @SuppressWarnings("unchecked")
            List<Row> rows = (List<Row>) existing;
            rows.remove(row);
            return rows.isEmpty() ? null : (rows.size() == 1) ? rows.get(0) : rows;
        });
    }

    @SuppressWarnings("unchecked")
    List<Row> find(Object value) {
        if (value == null) {
            return List.of();
        }
        Object found = this.entries.get(keyOf(value));
        if (found == null) {
            return List.of();
        }
        return (found instanceof Row single) ? List.of(single) : List.copyOf((List<Row>) found);
    }

}

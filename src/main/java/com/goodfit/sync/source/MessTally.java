package com.goodfit.sync.source;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Counts the deliberately messy rows by kind as they stream past. Not thread-safe: read it only after the
 * iteration has finished.
 */
final class MessTally {

    private final long[] counts = new long[MessKind.values().length];

    <T> Iterator<T> counting(Iterator<T> rows, Function<T, Set<MessKind>> messOf) {
        return new Iterator<>() {

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                T row = rows.next();
                for (MessKind kind : messOf.apply(row)) {
                    MessTally.this.counts[kind.ordinal()]++;
                }
                return row;
            }

        };
    }

    Map<MessKind, Long> counts() {
        Map<MessKind, Long> counts = new EnumMap<>(MessKind.class);
        for (MessKind kind : MessKind.values()) {
            counts.put(kind, this.counts[kind.ordinal()]);
        }
        return counts;
    }

}

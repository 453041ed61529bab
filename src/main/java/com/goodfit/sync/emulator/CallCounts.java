package com.goodfit.sync.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP calls the emulator received, by endpoint kind: {@code auth, versions, describe, query, sobject,
 * collections, bulk-ingest, bulk-query, tooling, limits, other}. Every request counts, failed ones included.
 * Thread-safe.
 */
public final class CallCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(String kind) {
        this.counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Calls of one kind so far. */
    public long get(String kind) {
        LongAdder adder = this.counts.get(kind);
        return (adder != null) ? adder.sum() : 0;
    }

    /** Calls of all kinds so far. */
    public long total() {
        return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A sorted copy of the counts by kind. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        this.counts.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }

    /** Sets every count back to zero (the daily API usage is not affected). */
    public void reset() {
        this.counts.clear();
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }

}

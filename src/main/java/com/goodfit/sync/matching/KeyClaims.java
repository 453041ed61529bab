package com.goodfit.sync.matching;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which source record owns each match key in this run. Records are read in ascending id order, so the first to
 * claim a key is the lowest id, which owns it; a restarted step reloads the claims its earlier chunks committed.
 * <p>
 * A run claims every key it reads (three million for three million contacts), so the claims are open-addressing
 * tables of primitive arrays keyed by each key's {@link KeyHash}: 24 bytes a slot where a
 * {@code HashMap<String, Long>} spends over a hundred a key. The keys are spread over {@link #SEGMENTS} tables that
 * grow one at a time: a single table doubling from 4 to 8 million slots would need both copies at once, some 300 MB,
 * at the moment the heap is fullest.
 */
public final class KeyClaims {

    static final int SEGMENTS = 64;

    private Segment[] segments;

    public KeyClaims() {
        clear();
    }

    /** Forgets every claim and gives the memory back. */
    public void clear() {
        this.segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            this.segments[i] = new Segment(Segment.MIN_CAPACITY);
        }
    }

    /**
     * Claims a key for a source record.
     * @param key the match key
     * @param sourceId the claiming record
     * @return the id of another record that already owns the key, or empty when this record owns it now
     */
    public Optional<Long> claim(String key, long sourceId) {
        return claim(KeyHash.of(key), sourceId);
    }

    /** Claims by hash: tests give hashes that collide on purpose. */
    Optional<Long> claim(KeyHash hash, long sourceId) {
        if (sourceId == Segment.FREE) {
            throw new IllegalArgumentException("source id " + sourceId + " is reserved");
        }
        // The high half picks the segment, the low half the slot, so keys crowding one segment still spread in it.
        int segment = (int) (hash.high() >>> 58);
        long owner = this.segments[segment].claim(hash, sourceId);
        return (owner == Segment.FREE || owner == sourceId) ? Optional.empty() : Optional.of(owner);
    }

    /** @return how many keys are claimed */
    public int size() {
        return Arrays.stream(this.segments).mapToInt(segment -> segment.size).sum();
    }

    /** @return the slots the tables have now (for tests of their growth) */
    int capacity() {
        return Arrays.stream(this.segments).mapToInt(segment -> segment.owners.length).sum();
    }

    /** One open-addressing table with linear probing. */
    private static final class Segment {

        static final int MIN_CAPACITY = 16;

        /** Grow before the table is this full: linear probing stays short below it. */
        static final double MAX_LOAD = 0.75;

        /** Marks an empty slot in {@link #owners}. */
        static final long FREE = Long.MIN_VALUE;

        long[] highs;

        long[] lows;

        long[] owners;

        int size;

        Segment(int capacity) {
            this.highs = new long[capacity];
            this.lows = new long[capacity];
            this.owners = new long[capacity];
            Arrays.fill(this.owners, FREE);
        }

        /** @return the key's owner before this claim, or {@link #FREE} when the claim made this record its owner */
        long claim(KeyHash hash, long sourceId) {
            int slot = find(hash);
            long owner = this.owners[slot];
            if (owner != FREE) {
                return owner;
            }
            put(slot, hash.high(), hash.low(), sourceId);
            if (++this.size > this.owners.length * MAX_LOAD) {
                grow();
            }
            return FREE;
        }

        /** The slot holding the hash, or the free slot where it belongs. */
        private int find(KeyHash hash) {
            int mask = this.owners.length - 1;
            int slot = hash.spread() & mask;
            while (this.owners[slot] != FREE && (this.highs[slot] != hash.high() || this.lows[slot] != hash.low())) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void put(int slot, long high, long low, long owner) {
            this.highs[slot] = high;
            this.lows[slot] = low;
            this.owners[slot] = owner;
        }

        private void grow() {
            Segment bigger = new Segment(this.owners.length * 2);
            for (int i = 0; i < this.owners.length; i++) {
                if (this.owners[i] != FREE) {
                    KeyHash hash = new KeyHash(this.highs[i], this.lows[i]);
                    bigger.put(bigger.find(hash), hash.high(), hash.low(), this.owners[i]);
                }
            }
            this.highs = bigger.highs;
            this.lows = bigger.lows;
            this.owners = bigger.owners;
        }

    }

}

package com.goodfit.sync.matching;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which source record owns each match key in this run. Records are read in ascending id order, so the first to
 * claim a key is the lowest id, which owns it; a restarted step reloads the claims its earlier chunks committed.
 * <p>
 * A run claims every key it reads (three million for three million contacts), so the claims are an open-addressing
 * table of primitive arrays keyed by each key's {@link KeyHash}: 24 bytes a key where a {@code HashMap<String, Long>}
 * spends over a hundred.
 */
public final class KeyClaims {

    /** Grow before the table is this full: linear probing stays short below it. */
    private static final double MAX_LOAD = 0.75;

    private static final int MIN_CAPACITY = 16;

    private long[] highs;

    private long[] lows;

    /** The owner of each slot; {@link #FREE} marks an empty slot. */
    private long[] owners;

    private static final long FREE = Long.MIN_VALUE;

    private int size;

    public KeyClaims() {
        allocate(MIN_CAPACITY);
    }

    /** Forgets every claim and gives the memory back. */
    public void clear() {
        allocate(MIN_CAPACITY);
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
        if (sourceId == FREE) {
            throw new IllegalArgumentException("source id " + sourceId + " is reserved");
        }
        int slot = find(hash);
        long owner = this.owners[slot];
        if (owner != FREE) {
            return (owner == sourceId) ? Optional.empty() : Optional.of(owner);
        }
        this.highs[slot] = hash.high();
        this.lows[slot] = hash.low();
        this.owners[slot] = sourceId;
        if (++this.size > this.owners.length * MAX_LOAD) {
            grow();
        }
        return Optional.empty();
    }

    /** @return how many keys are claimed */
    public int size() {
        return this.size;
    }

    /** @return the slots the table has now (for tests of its growth) */
    int capacity() {
        return this.owners.length;
    }

    /** The slot holding the hash, or the free slot where it belongs. */
    private int find(KeyHash hash) {
        int mask = this.owners.length - 1;
        int slot = hash.spread() & mask;
        while (this.owners[slot] != FREE
                && (this.highs[slot] != hash.high() || this.lows[slot] != hash.low())) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHighs = this.highs;
        long[] oldLows = this.lows;
        long[] oldOwners = this.owners;
        allocate(oldOwners.length * 2);
        for (int i = 0; i < oldOwners.length; i++) {
            if (oldOwners[i] != FREE) {
                KeyHash hash = new KeyHash(oldHighs[i], oldLows[i]);
                int slot = find(hash);
                this.highs[slot] = hash.high();
                this.lows[slot] = hash.low();
                this.owners[slot] = oldOwners[i];
                this.size++;
            }
        }
    }

    private void allocate(int capacity) {
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.owners = new long[capacity];
        Arrays.fill(this.owners, FREE);
        this.size = 0;
    }

}

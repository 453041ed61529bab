package com.goodfit.sync.matching;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory snapshot of one object's index, for matching without a query per record: records by Id and by match
 * key, each key's candidates ordered oldest CreatedDate first, then lowest Id. Not thread-safe while loading; read
 * only afterwards.
 * <p>
 * The plan step holds the whole org here (millions of Contacts), so records are kept in primitive arrays rather than
 * as objects: Ids packed in a {@link StringArena}, keys as {@link KeyHash}es in an open-addressing table, and Ids in
 * another one hashed with murmur3 (Salesforce Ids differ in few characters, and {@code String.hashCode} collides a
 * lot on them). A record added {@linkplain #addForMatching for matching} keeps neither its field values nor its key's
 * text, about 90 bytes a record with the tables: the plan step loads the values of the records it matched chunk by
 * chunk.
 */
public final class RecordIndex {

    private static final HashFunction ID_HASH = Hashing.murmur3_32_fixed();

    private static final double MAX_LOAD = 0.75;

    private static final int MIN_CAPACITY = 16;

    private static final int NONE = -1;

    private static final long UNLINKED = Long.MIN_VALUE;

    private StringArena ids;

    // One entry per record, by record number.
    private int[] idRefs;

    private long[] createdSeconds;

    private int[] createdNanos;

    private long[] linkedSourceIds;

    /** The next candidate of the same key, oldest first. */
    private int[] nextOfKey;

    /**
     * The records added whole, with their key's text and field values; null for those added for matching, and no
     * array at all while only those were added.
     */
    private @Nullable IndexedRecord @Nullable [] whole;

    private int records;

    // Open-addressing table from Id to record number.
    private int[] idSlots;

    private int distinctIds;

    // Open-addressing table from key hash to the first (oldest) candidate's record number.
    private long[] keyHighs;

    private long[] keyLows;

    private int[] keyHeads;

    private int distinctKeys;

    public RecordIndex() {
        clear();
    }

    /** @param record a record with its key's text and its field values, which lookups return */
    public void add(IndexedRecord record) {
        int number = append(record.sfId(), record.createdDate(), record.matchKey(), record.linkedSourceId());
        if (this.whole == null) {
            this.whole = new IndexedRecord[this.idRefs.length];
        }
        this.whole[number] = record;
    }

    /**
     * Adds a record for matching only: lookups return it without field values, with the key asked for from
     * {@link #byKey} and no key from {@link #byId}.
     * @param sfId the Salesforce Id
     * @param createdDate its CreatedDate
     * @param matchKey its match key, or null
     */
    public void addForMatching(String sfId, Instant createdDate, @Nullable String matchKey) {
        append(sfId, createdDate, matchKey, null);
    }

    /**
     * @param sfId a record of the index
     * @param sourceId the source record an earlier sync linked to it
     * @return whether the index holds the record
     */
    public boolean link(String sfId, long sourceId) {
        int number = numberOf(sfId);
        if (number == NONE) {
            return false;
        }
        this.linkedSourceIds[number] = sourceId;
        return true;
    }

    /** Forgets every record and gives the memory back. */
    public void clear() {
        this.ids = new StringArena();
        this.idRefs = new int[MIN_CAPACITY];
        this.createdSeconds = new long[MIN_CAPACITY];
        this.createdNanos = new int[MIN_CAPACITY];
        this.linkedSourceIds = new long[MIN_CAPACITY];
        this.nextOfKey = new int[MIN_CAPACITY];
        this.whole = null;
        this.records = 0;
        this.idSlots = filled(new int[MIN_CAPACITY]);
        this.distinctIds = 0;
        this.keyHighs = new long[MIN_CAPACITY];
        this.keyLows = new long[MIN_CAPACITY];
        this.keyHeads = filled(new int[MIN_CAPACITY]);
        this.distinctKeys = 0;
    }

    /**
     * Makes room for more records at once, so that loading millions does not copy the arrays at each doubling.
     * @param expected records the index will hold in all
     */
    public void ensureCapacity(int expected) {
        if (expected > this.idRefs.length) {
            resizeRecords(expected);
        }
        int slots = slotsFor(expected);
        if (slots > this.idSlots.length) {
            rehashIds(slots);
        }
        if (slots > this.keyHeads.length) {
            rehashKeys(slots);
        }
    }

    public Optional<IndexedRecord> byId(String sfId) {
        int number = numberOf(sfId);
        return (number == NONE) ? Optional.empty() : Optional.of(recordAt(number, null));
    }

    public List<IndexedRecord> byKey(String matchKey) {
        int slot = keySlot(KeyHash.of(matchKey));
        if (this.keyHeads[slot] == NONE) {
            return List.of();
        }
        List<IndexedRecord> candidates = new ArrayList<>(1);
        for (int number = this.keyHeads[slot]; number != NONE; number = this.nextOfKey[number]) {
            candidates.add(recordAt(number, matchKey));
        }
        return candidates;
    }

    /** @return how many distinct Ids the index holds */
    public int size() {
        return this.distinctIds;
    }

    private int append(String sfId, Instant createdDate, @Nullable String matchKey, @Nullable Long linkedSourceId) {
        if (this.records == this.idRefs.length) {
            resizeRecords(this.records * 2);
        }
        int number = this.records++;
        this.idRefs[number] = this.ids.add(sfId);
        this.createdSeconds[number] = createdDate.getEpochSecond();
        this.createdNanos[number] = createdDate.getNano();
        this.linkedSourceIds[number] = (linkedSourceId != null) ? linkedSourceId : UNLINKED;
        this.nextOfKey[number] = NONE;
        indexId(sfId, number);
        if (matchKey != null) {
            indexKey(KeyHash.of(matchKey), number);
        }
        return number;
    }

    /** A record added again under a known Id replaces it for lookups by Id, as a map would. */
    private void indexId(String sfId, int number) {
        int slot = idSlot(sfId.getBytes(StandardCharsets.UTF_8));
        if (this.idSlots[slot] == NONE) {
            this.distinctIds++;
        }
        this.idSlots[slot] = number;
        if (this.distinctIds > this.idSlots.length * MAX_LOAD) {
            rehashIds(this.idSlots.length * 2);
        }
    }

    private void indexKey(KeyHash hash, int number) {
        int slot = keySlot(hash);
        int head = this.keyHeads[slot];
        if (head == NONE) {
            this.keyHighs[slot] = hash.high();
            this.keyLows[slot] = hash.low();
            this.keyHeads[slot] = number;
            if (++this.distinctKeys > this.keyHeads.length * MAX_LOAD) {
                rehashKeys(this.keyHeads.length * 2);
            }
            return;
        }
        // Keep the candidates oldest first (then lowest Id); a key rarely has more than one.
        if (olderThan(number, head)) {
            this.nextOfKey[number] = head;
            this.keyHeads[slot] = number;
            return;
        }
        int before = head;
        while (this.nextOfKey[before] != NONE && !olderThan(number, this.nextOfKey[before])) {
            before = this.nextOfKey[before];
        }
        this.nextOfKey[number] = this.nextOfKey[before];
        this.nextOfKey[before] = number;
    }

    private boolean olderThan(int number, int other) {
        int byDate = Long.compare(this.createdSeconds[number], this.createdSeconds[other]);
        if (byDate == 0) {
            byDate = Integer.compare(this.createdNanos[number], this.createdNanos[other]);
        }
        if (byDate == 0) {
            byDate = this.ids.get(this.idRefs[number]).compareTo(this.ids.get(this.idRefs[other]));
        }
        return byDate < 0;
    }

    private IndexedRecord recordAt(int number, @Nullable String matchKey) {
        IndexedRecord record = (this.whole != null) ? this.whole[number] : null;
        long linked = this.linkedSourceIds[number];
        if (record != null) {
            // link() may have come after add()
            return Objects.equals(record.linkedSourceId(), (linked != UNLINKED) ? linked : null) ? record
                    : new IndexedRecord(record.sfId(), record.createdDate(), record.matchKey(), record.fieldValues(),
                            linked);
        }
        return new IndexedRecord(this.ids.get(this.idRefs[number]),
                Instant.ofEpochSecond(this.createdSeconds[number], this.createdNanos[number]), matchKey, Map.of(),
                (linked != UNLINKED) ? linked : null);
    }

    private int numberOf(String sfId) {
        return this.idSlots[idSlot(sfId.getBytes(StandardCharsets.UTF_8))];
    }

    /** The slot holding the Id, or the free slot where it belongs. */
    private int idSlot(byte[] utf8) {
        int mask = this.idSlots.length - 1;
        int slot = ID_HASH.hashBytes(utf8).asInt() & mask;
        while (this.idSlots[slot] != NONE && !this.ids.equalsAt(this.idRefs[this.idSlots[slot]], utf8)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The slot holding the key, or the free slot where it belongs. */
    private int keySlot(KeyHash hash) {
        int mask = this.keyHeads.length - 1;
        int slot = hash.spread() & mask;
        while (this.keyHeads[slot] != NONE
                && (this.keyHighs[slot] != hash.high() || this.keyLows[slot] != hash.low())) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void resizeRecords(int capacity) {
        this.idRefs = Arrays.copyOf(this.idRefs, capacity);
        this.createdSeconds = Arrays.copyOf(this.createdSeconds, capacity);
        this.createdNanos = Arrays.copyOf(this.createdNanos, capacity);
        this.linkedSourceIds = Arrays.copyOf(this.linkedSourceIds, capacity);
        this.nextOfKey = Arrays.copyOf(this.nextOfKey, capacity);
        if (this.whole != null) {
            this.whole = Arrays.copyOf(this.whole, capacity);
        }
    }

    private void rehashIds(int capacity) {
        int[] old = this.idSlots;
        this.idSlots = filled(new int[capacity]);
        for (int number : old) {
            if (number != NONE) {
                this.idSlots[idSlot(this.ids.get(this.idRefs[number]).getBytes(StandardCharsets.UTF_8))] = number;
            }
        }
    }

    private void rehashKeys(int capacity) {
        long[] oldHighs = this.keyHighs;
        long[] oldLows = this.keyLows;
        int[] oldHeads = this.keyHeads;
        this.keyHighs = new long[capacity];
        this.keyLows = new long[capacity];
        this.keyHeads = filled(new int[capacity]);
        for (int i = 0; i < oldHeads.length; i++) {
            if (oldHeads[i] != NONE) {
                int slot = keySlot(new KeyHash(oldHighs[i], oldLows[i]));
                this.keyHighs[slot] = oldHighs[i];
                this.keyLows[slot] = oldLows[i];
                this.keyHeads[slot] = oldHeads[i];
            }
        }
    }

    /** @return a power of two with room for the entries below the maximum load */
    private static int slotsFor(int entries) {
        int needed = (int) Math.ceil(entries / MAX_LOAD) + 1;
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(needed - 1) << 1);
    }

    private static int[] filled(int[] slots) {
        Arrays.fill(slots, NONE);
        return slots;
    }

}

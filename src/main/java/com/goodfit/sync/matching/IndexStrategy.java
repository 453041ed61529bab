package com.goodfit.sync.matching;

/**
 * How one run reads an object's index from the org, chosen by the calls each way costs: a full snapshot pages
 * through every record (up to 2,000 a call), lookups ask only for the run's own keys and links
 * ({@code WHERE Email IN (...)}, {@code WHERE Id IN (...)}, up to {@link InListBatches#MAX_VALUES} values a call).
 * Both start with one {@code SELECT COUNT()}, which is not part of the comparison.
 *
 * @param kind the way chosen
 * @param orgRecords records of the object in the org
 * @param sourceRecords source records the run reads
 * @param linkedRecords those of them linked by an earlier sync
 * @param snapshotCalls query calls a snapshot costs
 * @param lookupCalls query calls lookups cost (an estimate: long values make smaller batches)
 */
public record IndexStrategy(Kind kind, long orgRecords, long sourceRecords, long linkedRecords, long snapshotCalls,
        long lookupCalls) {

    /** Records a query page returns at most (salesforce-api.md §2.3). */
    static final int PAGE_SIZE = 2_000;

    /**
     * @param orgRecords records of the object in the org ({@code SELECT COUNT()})
     * @param sourceRecords source records the run reads
     * @param linkedRecords those of them an earlier sync linked
     * @return lookups when they cost fewer calls than a snapshot, else a snapshot
     */
    public static IndexStrategy choose(long orgRecords, long sourceRecords, long linkedRecords) {
        long snapshot = Math.max(1, ceil(orgRecords, PAGE_SIZE));
        long lookup = ceil(sourceRecords, InListBatches.MAX_VALUES) + ceil(linkedRecords, InListBatches.MAX_VALUES);
        Kind kind = (lookup < snapshot) ? Kind.LOOKUP : Kind.SNAPSHOT;
        return new IndexStrategy(kind, orgRecords, sourceRecords, linkedRecords, snapshot, lookup);
    }

    /** @return a line for the log and the run summary */
    public String describe() {
        return "%s: %,d records in the org (snapshot: %s), %,d in the source, %,d linked (lookups: %s)".formatted(
                this.kind.label(), this.orgRecords, calls(this.snapshotCalls), this.sourceRecords, this.linkedRecords,
                calls(this.lookupCalls));
    }

    private static String calls(long calls) {
        return "%,d call%s".formatted(calls, (calls == 1) ? "" : "s");
    }

    private static long ceil(long value, long by) {
        return (value + by - 1) / by;
    }

    /** The ways an index can be read. */
    public enum Kind {

        /** Every record of the object, by paged SOQL. */
        SNAPSHOT("snapshot"),

        /** Only the records matching the run's keys or links, by chunked IN lookups. */
        LOOKUP("lookup");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return this.label;
        }

    }

}

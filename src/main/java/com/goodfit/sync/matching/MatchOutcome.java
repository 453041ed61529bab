package com.goodfit.sync.matching;

import java.util.List;

/**
 * What matching decided for one source record.
 */
public sealed interface MatchOutcome {

    /** No Salesforce record matches: the record is new. */
    record New() implements MatchOutcome {
    }

    /**
     * Exactly one Salesforce record matches, through an earlier link or the match key.
     * @param record the matched record
     * @param byLink whether the match came from the link table rather than the match key
     */
    record Matched(IndexedRecord record, boolean byLink) implements MatchOutcome {
    }

    /**
     * Several Salesforce records share the match key; the oldest was taken and the others are named.
     * @param record the oldest candidate (then lowest Id), which the write goes to
     * @param candidates every candidate, oldest first
     */
    record Ambiguous(IndexedRecord record, List<IndexedRecord> candidates) implements MatchOutcome {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

    }

    /**
     * The record cannot be synced.
     * @param reason the skip reason code, e.g. {@code INVALID_DOMAIN}
     * @param detail what happened, for the connector log
     */
    record Skipped(String reason, String detail) implements MatchOutcome {
    }

}

package com.goodfit.sync.matching;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Finds the Salesforce record a source record belongs to, by DESIGN.md §1: an existing link wins; then the match
 * key (root domain or email), where several candidates resolve to the oldest; then no match. A key owned by a lower
 * source id in this run, or by another source record linked earlier, makes this one a duplicate.
 */
public final class MatchResolver {

    private final RecordIndex index;

    private final KeyClaims claims;

    private final MatchReasons reasons;

    public MatchResolver(RecordIndex index, KeyClaims claims, MatchReasons reasons) {
        this.index = index;
        this.claims = claims;
        this.reasons = reasons;
    }

    /**
     * @param sourceId the source record's id
     * @param linkedSfId the Salesforce Id an earlier sync linked it to, or null
     * @param matchKey its normalised match key, or null when its raw value has none
     * @param rawKey the raw value the key came from, for messages
     * @return the outcome
     */
    public MatchOutcome resolve(long sourceId, @Nullable String linkedSfId, @Nullable String matchKey,
            @Nullable String rawKey) {
        if (linkedSfId != null) {
            Optional<IndexedRecord> linked = this.index.byId(linkedSfId);
            if (linked.isPresent()) {
                if (matchKey != null) {
                    this.claims.claim(matchKey, sourceId);
                }
                return new MatchOutcome.Matched(linked.get(), true);
            }
            // The linked record is gone from the org (deleted or merged): match afresh as if never synced.
        }
        if (matchKey == null) {
            return new MatchOutcome.Skipped(this.reasons.invalidKey(), this.reasons.noKeyDetail(rawKey));
        }
        Optional<Long> owner = this.claims.claim(matchKey, sourceId);
        if (owner.isPresent()) {
            return new MatchOutcome.Skipped(this.reasons.duplicateSource(),
                    "'" + matchKey + "' belongs to " + this.reasons.sourceNoun() + " " + owner.get()
                            + " (the lowest id owns it)");
        }
        List<IndexedRecord> candidates = this.index.byKey(matchKey);
        Optional<IndexedRecord> ownedElsewhere = candidates.stream()
            .filter(candidate -> candidate.linkedSourceId() != null && candidate.linkedSourceId() != sourceId)
            .findFirst();
        if (ownedElsewhere.isPresent()) {
            return new MatchOutcome.Skipped(this.reasons.duplicateSource(),
                    "'" + matchKey + "' is already synced to " + ownedElsewhere.get().sfId() + " by "
                            + this.reasons.sourceNoun() + " " + ownedElsewhere.get().linkedSourceId());
        }
        if (candidates.isEmpty()) {
            return new MatchOutcome.New();
        }
        if (candidates.size() == 1) {
            return new MatchOutcome.Matched(candidates.get(0), false);
        }
        return new MatchOutcome.Ambiguous(candidates.get(0), candidates);
    }

    /**
     * The connector log's text for an ambiguous match: which record was taken and every candidate.
     * @param ambiguous the outcome
     * @return the detail
     */
    public static String describe(MatchOutcome.Ambiguous ambiguous) {
        return ambiguous.candidates().size() + " records share the key; took the oldest, "
                + ambiguous.record().sfId() + ", of " + ambiguous.candidates()
                    .stream()
                    .map(c -> c.sfId() + " (created " + c.createdDate() + ")")
                    .collect(Collectors.joining(", "));
    }

}

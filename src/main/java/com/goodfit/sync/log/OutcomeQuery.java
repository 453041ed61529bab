package com.goodfit.sync.log;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which per-record outcomes of a run to list.
 *
 * @param outcome only this outcome (created, updated, unchanged, skipped, failed, pending), or null for all
 * @param code only records with this reason or Salesforce error code, or null for all
 * @param limit at most this many records
 * @param offset skip this many first
 */
public record OutcomeQuery(@Nullable String outcome, @Nullable String code, long limit, long offset) {

    /** The outcomes a record can have. */
    public static final Set<String> OUTCOMES = Set.of("created", "updated", "unchanged", "skipped", "failed",
            "pending");

    public OutcomeQuery {
        if (outcome != null) {
            outcome = outcome.toLowerCase(Locale.ROOT);
            if (!OUTCOMES.contains(outcome)) {
                throw new IllegalArgumentException("unknown outcome '" + outcome
                        + "' (expected created, updated, unchanged, skipped, failed or pending)");
            }
        }
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset not negative");
        }
    }

}

package com.goodfit.sync.plan;

import java.util.List;

import com.goodfit.sync.matching.MatchOutcome;
import com.goodfit.sync.matching.MatchResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Finds the Salesforce record each source record belongs to and turns the outcome into a first decision: update
 * the match, create a new record, or skip with the matching reason. An ambiguous match updates the oldest candidate
 * and carries an {@code AMBIGUOUS_MATCH} warning naming all of them.
 */
public final class ResolveMatchProcessor implements ItemProcessor<KeyedRecord, PlannedWrite> {

    /** Warning code on a write whose match key is shared by several Salesforce records. */
    public static final String AMBIGUOUS_MATCH = "AMBIGUOUS_MATCH";

    private static final Logger logger = LoggerFactory.getLogger(ResolveMatchProcessor.class);

    private final MatchResolver resolver;

    public ResolveMatchProcessor(MatchResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public PlannedWrite process(KeyedRecord keyed) {
        MatchOutcome outcome = this.resolver.resolve(keyed.source().id(), keyed.source().linkedSfId(),
                keyed.matchKey(), keyed.rawKey());
        if (outcome instanceof MatchOutcome.Skipped skipped) {
            return PlannedWrite.skip(keyed.source(), keyed.matchKey(), skipped.reason(), skipped.detail());
        }
        if (outcome instanceof MatchOutcome.Matched matched) {
            return new PlannedWrite(keyed.source(), keyed.matchKey(), Operation.UPDATE, matched.record(), List.of(),
                    null, matched.byLink() ? "matched by an earlier sync's link" : "matched by key");
        }
        if (outcome instanceof MatchOutcome.Ambiguous ambiguous) {
            String detail = MatchResolver.describe(ambiguous);
            // The plan row carries the warning for the connector log; the application log gets it at debug level.
            logger.debug("{} for source record {} ('{}'): {}", AMBIGUOUS_MATCH, keyed.source().id(), keyed.matchKey(),
                    detail);
            return new PlannedWrite(keyed.source(), keyed.matchKey(), Operation.UPDATE, ambiguous.record(),
                    List.of(), AMBIGUOUS_MATCH, detail);
        }
        return new PlannedWrite(keyed.source(), keyed.matchKey(), Operation.CREATE, null, List.of(), null, null);
    }

}

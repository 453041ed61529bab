package com.goodfit.sync.plan;

import com.goodfit.sync.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * A source record with its match key normalised.
 *
 * @param source the source record
 * @param matchKey the root domain or normalised email, or null when the raw value has none
 * @param rawKey the raw website or email, for messages
 */
public record KeyedRecord(SourceRecord source, @Nullable String matchKey, @Nullable String rawKey) {

}

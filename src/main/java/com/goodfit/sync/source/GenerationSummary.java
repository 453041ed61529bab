package com.goodfit.sync.source;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@code generate} run wrote.
 *
 * @param database the product name of the database written to
 * @param elapsed from the start of generation to the commit
 * @param mess rows carrying each kind of deliberate mess (every kind present, zero when none)
 */
public record GenerationSummary(String database, long companies, long contacts, Duration elapsed,
        Map<MessKind, Long> mess) {

    public GenerationSummary {
        mess = Map.copyOf(mess);
    }

    /** Rows written per second over the whole run. */
    public long rowsPerSecond() {
        long millis = Math.max(1, this.elapsed.toMillis());
        return (this.companies + this.contacts) * 1000 / millis;
    }

}

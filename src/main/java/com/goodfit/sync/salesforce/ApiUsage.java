package com.goodfit.sync.salesforce;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the API calls one {@link SalesforceClients} has made, by kind, and the org's daily usage as last
 * reported in a {@code Sforce-Limit-Info} header.
 *
 * @param calls calls made, by kind (every kind present, zero when unused)
 * @param orgDaily the org's rolling 24 h usage from the latest response, or {@code null} before the first one
 */
public record ApiUsage(Map<CallKind, Long> calls, @Nullable DailyApiUsage orgDaily) {

    public ApiUsage {
        EnumMap<CallKind, Long> all = new EnumMap<>(CallKind.class);
        for (CallKind kind : CallKind.values()) {
            all.put(kind, calls.getOrDefault(kind, 0L));
        }
        calls = Map.copyOf(all);
    }

    /**
     * Calls made of one kind.
     * @param kind the kind
     * @return the count
     */
    public long calls(CallKind kind) {
        return this.calls.get(kind);
    }

    /**
     * Calls made that count toward the org's daily API requests (everything but {@link CallKind#AUTH}).
     * @return the count
     */
    public long apiCalls() {
        return total() - calls(CallKind.AUTH);
    }

    /**
     * All calls made, token requests included.
     * @return the count
     */
    public long total() {
        return this.calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The org's daily API usage as reported by {@code Sforce-Limit-Info: api-usage=USED/MAX}.
     *
     * @param used calls used in the rolling 24 h window
     * @param max calls allowed in the window
     */
    public record DailyApiUsage(long used, long max) {

        /**
         * Calls left in the window.
         * @return {@code max - used}, never negative
         */
        public long remaining() {
            return Math.max(0, this.max - this.used);
        }

    }

}

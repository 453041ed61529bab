package com.goodfit.sync.salesforce;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.goodfit.sync.salesforce.ApiUsage.DailyApiUsage;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe call counts by kind and the org's latest reported daily usage, shared by the clients of one org.
 */
final class ApiUsageCounter {

    /** Lenient: newer orgs append {@code ; api-bursts=1/750}. */
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final Map<CallKind, LongAdder> calls = new EnumMap<>(CallKind.class);

    private final AtomicReference<@Nullable DailyApiUsage> orgDaily = new AtomicReference<>();

    ApiUsageCounter() {
        for (CallKind kind : CallKind.values()) {
            this.calls.put(kind, new LongAdder());
        }
    }

    void count(CallKind kind) {
        this.calls.get(kind).increment();
    }

    void recordLimitInfo(@Nullable String header) {
        if (header == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(header);
        if (matcher.find()) {
            this.orgDaily.set(new DailyApiUsage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
        }
    }

    long apiCalls() {
        long total = 0;
        for (Map.Entry<CallKind, LongAdder> entry : this.calls.entrySet()) {
            if (entry.getKey() != CallKind.AUTH) {
                total += entry.getValue().sum();
            }
        }
        return total;
    }

    @Nullable DailyApiUsage orgDaily() {
        return this.orgDaily.get();
    }

    ApiUsage snapshot() {
        Map<CallKind, Long> counts = new EnumMap<>(CallKind.class);
        this.calls.forEach((kind, adder) -> counts.put(kind, adder.sum()));
        return new ApiUsage(counts, this.orgDaily.get());
    }

}

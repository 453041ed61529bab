package com.goodfit.sync.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One generated row of the {@code companies} table, with the kinds of deliberate mess it carries.
 *
 * @param dataPoints the {@code data_points} JSON text, compact, keys in {@code field_definitions} order
 * @param mess the deliberately messy values in this row (empty for a clean row)
 */
public record SampleCompany(long id, @Nullable String name, @Nullable String domain, @Nullable String industry,
        @Nullable Integer employees, @Nullable BigDecimal annualRevenue, @Nullable String country,
        @Nullable String city, @Nullable String linkedinUrl, @Nullable String description, @Nullable BigDecimal score,
        @Nullable String tier, LocalDateTime updatedAt, @Nullable String dataPoints, Set<MessKind> mess) {

    public SampleCompany {
        mess = Set.copyOf(mess);
    }

}

package com.goodfit.sync.source;

import java.time.LocalDateTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One generated row of the {@code contacts} table, with the kinds of deliberate mess it carries.
 *
 * @param mess the deliberately messy values in this row (empty for a clean row)
 */
public record SampleContact(long id, long companyId, @Nullable String email, @Nullable String firstName,
        @Nullable String lastName, @Nullable String title, @Nullable String seniority, @Nullable String department,
        @Nullable String phone, @Nullable String linkedinUrl, LocalDateTime updatedAt, Set<MessKind> mess) {

    public SampleContact {
        mess = Set.copyOf(mess);
    }

}

package com.goodfit.sync.matching;

import org.jspecify.annotations.Nullable;

/**
 * The skip reasons and wording matching uses for one object: root domains for Accounts, emails for Contacts.
 *
 * @param invalidKey the reason when the raw value has no key ({@code INVALID_DOMAIN}, {@code INVALID_EMAIL})
 * @param duplicateSource the reason when a lower id owns the key ({@code DUPLICATE_SOURCE_DOMAIN}, ...)
 * @param keyNoun what the raw value is called in messages ({@code website}, {@code email})
 * @param sourceNoun what a source record is called in messages ({@code company}, {@code contact})
 */
public record MatchReasons(String invalidKey, String duplicateSource, String keyNoun, String sourceNoun) {

    public static final MatchReasons ACCOUNTS = new MatchReasons("INVALID_DOMAIN", "DUPLICATE_SOURCE_DOMAIN",
            "website", "company");

    public static final MatchReasons CONTACTS = new MatchReasons("INVALID_EMAIL", "DUPLICATE_SOURCE_EMAIL", "email",
            "contact");

    String noKeyDetail(@Nullable String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            return "no " + this.keyNoun;
        }
        String shown = (rawKey.length() > 80) ? rawKey.substring(0, 80) + "..." : rawKey;
        return this.keyNoun + " '" + shown + "' has no " + (this.keyNoun.equals("website") ? "root domain"
                : "valid address");
    }

}
